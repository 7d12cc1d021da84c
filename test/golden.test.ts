import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { relocsimAsync } from "../packages/cli/test/relocsim.ts";

/**
 * Output pinned while the code is restructured: every shipped scenario file and comparison
 * file, run through the command at a small fixed size, must give byte-identical metrics.csv
 * (and effects.csv for comparisons). `RELOCSIM_UPDATE_GOLDEN=1` records the hashes anew; do
 * that only for a change that alters the model on purpose, and say so in the commit.
 */
const root = resolve(import.meta.dirname, "..");
const goldenFile = join(root, "test/golden-hashes.json");

// Design files (sweep, sensitivity: a "design" key) are exercised in test/sensitivity.test.ts; calibration files (their "targets") in packages/cli/test/calibrate.test.ts.
const files = readdirSync(join(root, "scenarios")).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json") && !["design", "targets"].some((k) => k in JSON.parse(readFileSync(join(root, "scenarios", f), "utf8")))).sort();
const isComparison = (f: string) => "scenarios" in JSON.parse(readFileSync(join(root, "scenarios", f), "utf8"));

async function hashes(file: string): Promise<Record<string, string>> {
  const out = join(mkdtempSync(join(tmpdir(), "relocsim-golden-")), "out");
  const args = isComparison(file)
    ? ["compare", `scenarios/${file}`, "--replications", "2", "--scale", "800", "--seed", "3", "--workers", "1", "--no-report", "--quiet", "--out", out]
    : ["run", `scenarios/${file}`, "--scale", "1500", "--seed", "3", "--no-report", "--quiet", "--out", out];
  const r = await relocsimAsync(args);
  if (r.code !== 0) throw new Error(`relocsim ${args.join(" ")} failed:\n${r.stderr}`);
  const result: Record<string, string> = {};
  for (const name of ["metrics.csv", "effects.csv"]) {
    const path = join(out, name);
    if (existsSync(path)) result[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return result;
}

describe("shipped scenario and comparison files give the recorded output", () => {
  it("metrics.csv and effects.csv of every file in scenarios/ match test/golden-hashes.json", async () => {
    const got: Record<string, Record<string, string>> = {};
    // Two at a time: the machine has two cores.
    for (let i = 0; i < files.length; i += 2) {
      const pair = files.slice(i, i + 2);
      const hs = await Promise.all(pair.map(hashes));
      pair.forEach((f, k) => (got[f] = hs[k]!));
    }
    if (process.env.RELOCSIM_UPDATE_GOLDEN === "1") writeFileSync(goldenFile, JSON.stringify(got, null, 2) + "\n");
    const want = JSON.parse(readFileSync(goldenFile, "utf8"));
    expect(got).toEqual(want);
  }, 600_000);
});
