import { describe, it, expect, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");
const tsx = join(root, "node_modules/.bin/tsx");
const main = join(root, "packages/cli/src/main.ts");

function relocsim(...args: string[]) {
  const r = spawnSync(tsx, [main, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("relocsim run", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-cli-"));
  });

  it("relocsim run <scenario> writes metrics.csv, summary.json, manifest.json and the report", () => {
    const out = join(dir, "a");
    const r = relocsim("run", "scenarios/baseline.json", "--scale", "400", "--seed", "3", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["charts", "manifest.json", "metrics.csv", "report.html", "summary.json"]);
    expect(readdirSync(join(out, "charts"))).toContain("trajectories.png");
    const csv = readFileSync(join(out, "metrics.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("scenario,replicate,seed,step,date,group,metric,value");
    expect(csv[1]).toMatch(/^baseline,0,3,1,2016-01,all,persons,\d+$/);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ scenario: "baseline", seed: 3, scale: 400 });
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.outcomes.all.employment_rate).toBeGreaterThan(0);
    expect(r.stdout).toContain("employment rate");
  });

  it("relocsim run twice with one seed gives byte-identical metrics.csv, also with --threads 2", () => {
    const a = join(dir, "d1"), b = join(dir, "d2"), c = join(dir, "d3");
    expect(relocsim("run", "scenarios/baseline.json", "--scale", "600", "--seed", "9", "--out", a, "-q", "--no-report").code).toBe(0);
    expect(relocsim("run", "scenarios/baseline.json", "--scale", "600", "--seed", "9", "--out", b, "-q", "--no-report").code).toBe(0);
    expect(relocsim("run", "scenarios/baseline.json", "--scale", "600", "--seed", "9", "--threads", "2", "--out", c, "-q", "--no-report").code).toBe(0);
    const csv = readFileSync(join(a, "metrics.csv"));
    expect(csv.equals(readFileSync(join(b, "metrics.csv")))).toBe(true);
    expect(csv.equals(readFileSync(join(c, "metrics.csv")))).toBe(true);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ["an unknown scale", ["--scale", "cuonty"], /invalid --scale: "cuonty" \(expected county, province, national or a whole number of households from 1 to 50000000\); did you mean 'county'\?/],
    ["a misspelt flag", ["--sede", "3"], /invalid flag: "--sede" .*did you mean '--seed'\?/],
    ["a seed that is not a number", ["--seed", "x"], /invalid --seed: "x" \(expected a whole number/],
  ];
  for (const [what, args, message] of bad) {
    it(`relocsim run with ${what} exits 2 with a clear message and writes nothing`, () => {
      const out = join(dir, "bad-" + what.replace(/\W+/g, "-"));
      const r = relocsim("run", "scenarios/baseline.json", ...args, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }

  it("relocsim run with a bad scenario file names the file, the JSON path, the value and what was expected", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ name: "bad", params: { policies: { landRights: { enabeld: true } }, labour: { separationRate: 3 } } }));
    const out = join(dir, "bad-file");
    const r = relocsim("run", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: 2 problems`);
    expect(r.stderr).toContain("invalid params.policies.landRights.enabeld: true");
    expect(r.stderr).toContain("did you mean 'enabled'?");
    expect(r.stderr).toContain("invalid params.labour.separationRate: 3 (expected a number in [0, 1] per year)");
    expect(existsSync(out)).toBe(false);
  });

  it("relocsim run with malformed JSON names the file", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ \"name\": \"x\", ");
    const r = relocsim("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid scenario file: "${file}"`);
    expect(r.stderr).toContain("expected valid JSON");
  });

  it("relocsim --help lists every command and run --help documents every flag", () => {
    const top = relocsim("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("run");
    const help = relocsim("run", "--help");
    for (const flag of ["--seed", "--scale", "--threads", "--out", "--no-report", "--quiet", "--help"]) expect(help.stdout).toContain(flag);
  });

  it("relocsim with an unknown command suggests the nearest", () => {
    const r = relocsim("rnu");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'run'?");
  });
});
