import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createSimulation, type Scenario } from "../packages/core/src/index.ts";
import { planExperiment, withValues } from "../packages/core/src/engine.ts";
import { loadComparison, loadDesign, loadScenarioFile } from "../packages/scenarios/src/index.ts";
import { relocsim } from "../packages/cli/test/relocsim.ts";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, "scenarios");
// Calibration files (their targets) are no scenarios: relocsim calibrate runs them (packages/cli/test/calibrate.test.ts).
const isCalibration = (f: string) => "targets" in JSON.parse(readFileSync(join(dir, f), "utf8"));
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json") && !isCalibration(f)).sort();
const isDesign = (f: string) => "design" in JSON.parse(readFileSync(join(dir, f), "utf8"));
const isComparison = (f: string) => /comparison\.schema\.json$/.test(JSON.parse(readFileSync(join(dir, f), "utf8")).$schema ?? "");

function runsThreeSteps(s: Scenario) {
  const sim = createSimulation(s, { seed: 42, scale: 300 });
  for (let k = 0; k < 3; k++) sim.step();
  expect(sim.metric("persons"), s.name).toBeGreaterThan(0);
  sim.close();
}


describe("the scenario files in scenarios/", () => {
  it("ships the paper-strategies and historical files and two commented examples", () => {
    for (const f of ["paper-strategies.json", "historical.json", "baseline.json", "example-strategy-variant.json", "example-from-baseline.json"]) expect(files).toContain(f);
    for (const f of files.filter((x) => x.startsWith("example-"))) expect(JSON.parse(readFileSync(join(dir, f), "utf8")).$comment, f).toMatch(/EXAMPLE/);
  });

  for (const f of files) {
    it(`scenarios/${f} validates and every scenario in it runs three steps with seed 42`, () => {
      if (isDesign(f)) {
        // A design file (relocsim sweep / sensitivity): its scenario, with its first parameter at the top of its range.
        const d = loadDesign(join(dir, f));
        expect(d.parameters.length).toBeGreaterThan(0);
        runsThreeSteps(withValues(d.scenario, { [d.parameters[0]!.path]: d.parameters[0]!.hi }));
      } else if (isComparison(f)) {
        const c = loadComparison(join(dir, f));
        const plan = planExperiment({ ...c.options, baseline: c.baseline, scenarios: c.scenarios, workers: 1 });
        expect(plan.scenarios.length).toBe(c.scenarios.length + 1);
        for (const s of plan.scenarios) runsThreeSteps(s);
      } else {
        runsThreeSteps(loadScenarioFile(join(dir, f)).scenario);
      }
    });
  }

  it("relocsim validate scenarios/*.json says ok for each file and exits 0", () => {
    const all = readdirSync(dir).filter((f) => f.endsWith(".json") && (f.endsWith(".schema.json") || !isCalibration(f))).map((f) => `scenarios/${f}`);
    const r = relocsim("validate", ...all);
    expect(r.code, r.stderr).toBe(0);
    for (const f of all) expect(r.stdout).toContain(`ok  ${f}`);
    expect(r.stdout).toContain("comparison 'paper-strategies': baseline + 5 scenarios × 10 replications = 60 runs of 10,000 households");
    // Counted from the parameters as written, not the resolved ones (every parameter).
    expect(r.stdout).toContain("scenario 'historical': 18 parameters set (6 time expressions)");
  });

  it("relocsim validate with invalid files exits 2 and names each file, JSON path, value and expectation", () => {
    const bad = "packages/scenarios/test/invalid";
    const r = relocsim("validate", `${bad}/unknown-key.json`, `${bad}/bad-expression.json`, `${bad}/unknown-extends.json`, "scenarios/baseline.json");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("ok  scenarios/baseline.json");
    expect(r.stderr).toContain(`${bad}/unknown-key.json: invalid params.policies.landRights.enabeld: true`);
    expect(r.stderr).toContain("did you mean 'enabled'?");
    expect(r.stderr).toContain(`${bad}/bad-expression.json: invalid params.environment.demandShock: "yaer == 2020 ? 0.3 : 0"`);
    expect(r.stderr).toContain(`${bad}/unknown-extends.json: invalid extends: "full-stratgy"`);
    expect(r.stderr).toContain("3 of 4 files have problems");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
