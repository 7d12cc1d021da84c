import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { relocsim, relocsimHere, root } from "./relocsim.ts";

const dir = mkdtempSync(join(tmpdir(), "relocsim-calibrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = JSON.parse(readFileSync(join(root, "scenarios/calibration.json"), "utf8"));
const csv = (f: string) => readFileSync(f, "utf8").trim().split("\n").map((l) => l.split(","));

describe("relocsim calibrate", () => {
  const out = join(dir, "tiny");
  const tiny = ["calibrate", "scenarios/calibration.json", "--particles", "8", "--scale", "500", "--replications", "1", "--workers", "2", "--out", out];

  it("calibrate scenarios/calibration.json (8 particles, scale 500) writes posterior.csv, fit.csv, charts and a manifest; run again with more generations it resumes without recomputing generation 0", () => {
    const first = relocsim(...tiny, "--generations", "1");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const g0 = readFileSync(join(out, "generations", "generation-000.json"), "utf8");

    const second = relocsim(...tiny, "--generations", "2");
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/resumed: generations 0-0 already done/);
    expect(second.stdout).not.toMatch(/^generation 0:/m);
    expect(second.stdout).toMatch(/^generation 1: tolerance/m);
    // Generation 0 is read back, not rerun: the file is unchanged and only generation 1's proposals ran here.
    expect(readFileSync(join(out, "generations", "generation-000.json"), "utf8")).toBe(g0);
    const gens = csv(join(out, "generations.csv"));
    expect(gens[0]).toEqual(["generation", "tolerance", "proposed", "acceptance", "ess"]);
    expect(gens.length).toBe(3);
    expect(second.stdout).toMatch(new RegExp(`: ${gens[2]![2]} runs here`));

    const post = csv(join(out, "posterior.csv"));
    const params = shipped.parameters.map((p: { path: string }) => p.path);
    expect(post[0]).toEqual(["generation", "particle", "weight", ...params, "distance"]);
    expect(post.length).toBe(1 + 2 * 8);
    for (const g of ["0", "1"]) {
      const w = post.filter((r) => r[0] === g).map((r) => Number(r[2]));
      expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    }
    // Every particle lies in its prior's range; generation 1's distances are within its tolerance.
    // (the ranges as the manifest records them: the file's, or the documented ones)
    const ranges: Array<{ path: string; lo: number; hi: number }> = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).parameters;
    expect(ranges.map((r) => r.path)).toEqual(params);
    ranges.forEach(({ lo, hi }, k) => {
      for (const r of post.slice(1)) expect(Number(r[3 + k]) >= lo && Number(r[3 + k]) <= hi).toBe(true);
    });
    for (const r of post.filter((r) => r[0] === "1")) expect(Number(r[r.length - 1])).toBeLessThanOrEqual(Number(gens[2]![1]));

    const fit = csv(join(out, "fit.csv"));
    expect(fit[0]).toEqual(["target", "metric", "group", "date", "published", "tolerance", "model_mean", "lo", "hi", "source"]);
    expect(fit.length).toBe(1 + shipped.targets.length);
    const income = fit.find((r) => r[0] === "per_capita_income 2016-12")!;
    expect(Number(income[7])).toBeLessThanOrEqual(Number(income[6]));
    expect(Number(income[8])).toBeGreaterThanOrEqual(Number(income[6]));
    expect(readdirSync(join(out, "charts")).sort()).toEqual(["fit", "marginals", "pairs"].flatMap((c) => [`${c}.png`, `${c}.svg`]));
    expect(readFileSync(join(out, "charts", "fit.svg"), "utf8")).toMatch(/^<svg/);
    // The pairs chart: every pair of the free parameters.
    const pairs = readFileSync(join(out, "charts", "pairs.svg"), "utf8");
    for (const { path } of [shipped.parameters[0], shipped.parameters.at(-1)]) expect(pairs).toContain(path.split(".").pop());
    const html = readFileSync(join(out, "report.html"), "utf8");
    for (const table of ["priors", "fit", "generations"]) expect(html).toContain(`<table class="${table}">`);
    expect(html).toContain('id="chart-pairs"');
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m).toMatchObject({ command: "calibrate", status: "finished", generations: 2, settings: { particles: 8, scale: 500, replications: 1 } });
    expect(typeof m.date).toBe("string");
  }, 600_000);

  it("validate-model takes the calibrate directory as written: without calibration.json in it, the calibration file its manifest names, unchanged", () => {
    expect(existsSync(join(out, "calibration.json"))).toBe(false);
    const validation = join(dir, "validation");
    const r = relocsim("validate-model", out, "--draws", "2", "--point", "1", "--scale", "300", "--workers", "1", "--out", validation, "-q");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = csv(join(validation, "validation.csv"));
    expect(rows.filter((row) => row[0] === "target").length).toBe(shipped.targets.length);
  });

  it("relocsim report on a calibrate directory writes its report again; the report command still refuses a directory relocsim did not write", () => {
    rmSync(join(out, "report.html"));
    const r = relocsim("report", out, "--no-png");
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain('<table class="generations">');
    // --no-png removes the PNGs an earlier report wrote.
    expect(readdirSync(join(out, "charts")).sort()).toEqual(["fit.svg", "marginals.svg", "pairs.svg"]);
    const mine = join(dir, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "posterior.csv"), "generation,particle,weight\n0,0,1\n");
    const refused = relocsim("report", mine);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/invalid results directory: ".*mine" \(expected a metrics\.csv or metrics\.parquet file in it\)/);
    expect(existsSync(join(mine, "report.html"))).toBe(false);
  }, 120_000);

  it("calibrate with another seed on the same --out discards the other calibration's generations and outputs, and says so", () => {
    const r = relocsim(...tiny, "--generations", "1", "--seed", "2");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/held generations of another calibration .*discarded/);
    expect(readdirSync(join(out, "generations"))).toEqual(["generation-000.json"]);
    expect(csv(join(out, "posterior.csv")).length).toBe(1 + 8);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).settings.seed).toBe(2);
  }, 600_000);

  const bad = (name: string, change: (c: Record<string, unknown>) => void) => {
    const c = structuredClone(shipped);
    change(c);
    const f = join(dir, `${name}.json`);
    writeFileSync(f, JSON.stringify(c));
    return f;
  };
  const cases: Array<[string, (c: Record<string, any>) => void, RegExp]> = [
    ["a target after 2021", (c) => (c.targets[4].date = "2022-12"), /invalid targets\[4\]\.date: "2022-12" \(expected a month up to 2021-12/],
    ["an unknown parameter", (c) => (c.parameters[0].path = "labour.farmingIncom"), /invalid parameters\[0\]\.path: "labour.farmingIncom" .*did you mean "labour.farmingIncome"/],
    ["a range outside the documented one", (c) => c.parameters.push({ path: "population.networkDegree", range: [1, 20] }), new RegExp(`invalid parameters\\[${shipped.parameters.length}\\]\\.range: \\[1,20\\] \\(expected a range inside its documented plausible range \\[3, 12\\]`)],
    ["a range outside the accepted values", (c) => c.parameters.push({ path: "environment.povertyLine2019", range: [-1, 5000] }), new RegExp(`invalid parameters\\[${shipped.parameters.length}\\]\\.range: .*accepted values \\[0, 100000\\]`)],
    ["an empty target list", (c) => (c.targets = []), /invalid targets: \[\] \(expected a non-empty list of targets/],
    ["an unknown metric", (c) => (c.targets[0].metric = "income_per_capita"), /invalid targets\[0\]\.metric: "income_per_capita"/],
    ["a target without a source", (c) => delete c.targets[1].source, /invalid targets\[1\]\.source/],
    ["an unknown scenario", (c) => (c.scenario = "historcal"), /invalid scenario.*did you mean 'historical'/],
  ];
  for (const [what, change, message] of cases) {
    it(`calibrate <file with ${what}> exits 2 naming the field and writes nothing`, async () => {
      const o = join(dir, `out-${what.replace(/\W+/g, "-")}`);
      const r = await relocsimHere("calibrate", bad(what, change), "--out", o);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(o)).toBe(false);
    });
  }

  it("relocsim validate checks a calibration file without running it: the shipped one passes, a bad one exits 2 naming each field", () => {
    const ok = relocsim("validate", "scenarios/calibration.json");
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`calibration 'historical': ${shipped.parameters.length} free parameters of 'historical', ${shipped.targets.length} targets up to 2021-12`));
    const bad = join(dir, "bad-calibration.json");
    writeFileSync(bad, JSON.stringify({ ...shipped, parameters: [{ path: "labour.nope" }], targets: [] }));
    const r = relocsim("validate", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid parameters[0].path: "labour.nope"');
    expect(r.stderr).toContain("invalid targets: []");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("calibrate refuses an --out it did not write", async () => {
    const o = join(dir, "foreign");
    rmSync(o, { recursive: true, force: true });
    writeFileSync(join(dir, "foreign-file"), "x");
    const r = await relocsimHere("calibrate", "scenarios/calibration.json", "--out", join(dir, "foreign-file"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --out: .*not a directory/);
  });
});
