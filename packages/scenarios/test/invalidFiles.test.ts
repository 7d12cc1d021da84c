import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { loadScenarioFile, loadComparison } from "../src/index.ts";

const dir = join(import.meta.dirname, "invalid");
const shown = (f: string) => relative(process.cwd(), join(dir, f));

function message(file: string): string {
  try {
    (file.startsWith("comparison") ? loadComparison : loadScenarioFile)(join(dir, file));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

/** Each invalid file, and what its message must say: the JSON path, the value, what was expected. */
const CASES: Record<string, RegExp[]> = {
  "unknown-key.json": [/invalid params\.policies\.landRights\.enabeld: true \(expected one of the keys of params\.policies\.landRights: enabled, /, /did you mean 'enabled'\?/],
  "envelope-unknown-key.json": [/invalid titel: "A typo" \(expected one of the keys .*\); did you mean 'title'\?/],
  "wrong-type.json": [/invalid params\.policies\.gridManagement\.enabled: "yes" \(expected true or false\)/],
  "out-of-range.json": [/invalid params\.labour\.separationRate: 3 \(expected a number in \[0, 1\] per year\)/],
  "bad-expression.json": [/invalid params\.environment\.demandShock: "yaer == 2020 \? 0\.3 : 0" \(expected an expression of year, month, step, t only\); unknown symbol 'yaer'/],
  "expression-out-of-range.json": [/invalid params\.environment\.demandShock: "year >= 2023 \? 1\.5 : 0" \(expected a number in \[0, 1\] share\); it gives 1\.5 at 2023-01/],
  "unknown-extends.json": [/invalid extends: "full-stratgy" \(expected the name of a scenario \(baseline, historical, .*\) or a path to a \.json file\); did you mean 'full-strategy'\?/],
  "missing-extends-file.json": [/invalid extends: "\.\/no-such-parent\.json" \(expected a scenario file that exists/],
  "cycle-a.json": [/invalid extends: "\.\/cycle-a\.json" \(expected a scenario that does not extend itself, directly or through others\); cycle: .*cycle-a\.json → .*cycle-b\.json → .*cycle-a\.json/],
  "bad-parent-child.json": [/invalid params\.labour\.separationRate: 3 \(expected a number in \[0, 1\] per year\); in .*out-of-range\.json, which .*bad-parent-child\.json extends/],
  "malformed.json": [/expected valid JSON\); line 3, column 50/],
  "comparison-bad.json": [
    /5 problems/,
    /invalid replicatons: 3 \(expected one of the keys .*\); did you mean 'replications'\?/,
    /invalid groups\[1\]: "site:urbn" .*did you mean 'site:urban'\?/,
    /invalid scenarios\[0\]: "livelyhood-linkage" .*did you mean 'livelihood-linkage'\?/,
    /invalid scenarios\[1\]\.params\.labour\.separationRate: -1 \(expected a number in \[0, 1\] per year\)/,
    /invalid scenarios\[2\]: ".*no-such\.json" \(expected a readable JSON file\)/,
  ],
};

describe("invalid scenario and comparison files", () => {
  it("every file in test/invalid has a case here", () => {
    expect(readdirSync(dir).filter((f) => f !== "cycle-b.json").sort()).toEqual(Object.keys(CASES).sort());
  });
  for (const [file, patterns] of Object.entries(CASES)) {
    it(`loading invalid/${file} fails naming the file, the JSON path, the value and what was expected`, () => {
      const m = message(file);
      expect(m.startsWith(`${shown(file)}: `), m).toBe(true);
      for (const p of patterns) expect(m).toMatch(p);
    });
  }
  it("each invalid file fails with its own message", () => {
    const messages = Object.keys(CASES).map(message);
    expect(new Set(messages).size).toBe(messages.length);
  });
});
