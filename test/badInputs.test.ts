import { afterAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../packages/cli/src/main.ts";

/**
 * Issue 13's bad inputs through the command line: each exits 2 with one message naming the
 * field and the problem, and no stack trace.
 */
const dir = mkdtempSync(join(tmpdir(), "relocsim-bad-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function relocsim(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    return { code: await cli(argv), stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

function scenarioWith(name: string, params: unknown): string {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify({ name: "bad", params }));
  return f;
}

/** [source, what the message must say]; long sources are labelled in the test name. */
const expressions: Array<[string, RegExp]> = [
  ["random() * 0.3", /'random' is not one of the allowed functions/],
  ["random() < 0.995 ? 0.2 : 1e6", /'random' is not one of the allowed functions/],
  ["mn(0.1, t)", /did you mean 'min'\?/],
  ["max()", /max\(\) takes at least 1 argument, not 0/],
  ["import({x:1})", /'import' is not one of the allowed functions/],
  ["createUnit('foo')*0+0.1", /'createUnit' is not one of the allowed functions/],
  ["evaluate('x + 1')", /'evaluate' is not one of the allowed functions/],
  ["config({number:'BigNumber'})", /'config' is not one of the allowed functions/],
  ["f(t)=f(t); f(t)", /a function definition/],
  ["sum(1:3000000)", /a range/],
  [Array.from({ length: 150_000 }, () => "0.1").join(" + "), /at most 1000 characters\); it has 899997$/],
  ["(".repeat(400) + "0.1" + ")".repeat(400), /nested at most 30 deep\); they nest 400 deep$/],
  ["[0.1, 0.2]", /a matrix/],
  ["'0.1'", /the string "0.1" is not a number/],
  ["year > 2020", /it gives the boolean false at 2016-01/],
  ["sqrt(-1)", /it gives a complex number \(i\) at 2016-01/],
];

describe("relocsim validate <file with a bad time expression>", () => {
  it.each(expressions.map(([source, pattern]) => ({ label: source.length > 60 ? `${source.slice(0, 20)}... (${source.length} characters)` : source, source, pattern })))("params.labour.separationRate = $label exits 2 naming the field", async ({ source, pattern }) => {
    const r = await relocsim("validate", scenarioWith("expr", { labour: { separationRate: source } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^relocsim validate: .*expr\.json: invalid params\.labour\.separationRate: /);
    expect(r.stderr.trim()).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.length).toBeLessThan(1000);
  });
});

describe("relocsim run with flags the machine cannot serve", () => {
  const file = join(import.meta.dirname, "../scenarios/baseline.json");
  it("--scale conty suggests county", async () => {
    const r = await relocsim("run", file, "--scale", "conty", "--out", join(dir, "x"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid --scale: "conty" (expected county, province, national or a whole number (in [1, 50000000] households)); did you mean 'county'?`);
  });
  it.skipIf(availableParallelism() >= 64)("--threads 64 on fewer CPUs is refused with the CPU count", async () => {
    const r = await relocsim("run", file, "--threads", "64", "--out", join(dir, "y"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid threads: 64 (expected a whole number from 1 to ${availableParallelism()} (the CPUs of this machine))`);
  });
});
