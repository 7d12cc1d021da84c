import { describe, expect, it } from "vitest";
import { createSimulation } from "@relocsim/core";
import { modelSpec, resolveParams, type GroupSpec } from "@relocsim/core/engine";
import { CATALOGUE, CONTRASTS, scenario, namedScenario, scenarioNames, parametersSet, resolveScenario } from "../src/index.ts";

const levers = Object.keys((modelSpec.fields.policies as GroupSpec).fields);
const resolved = (name: string) => resolveParams(scenario(name).params).params;

describe("the catalogue of named scenarios", () => {
  for (const s of CATALOGUE) {
    it(`scenario("${s.name}") validates and runs three steps with seed 42`, () => {
      const sc = resolveScenario(scenario(s.name)).scenario;
      const sim = createSimulation(sc, { seed: 42, scale: 300 });
      for (let k = 0; k < 3; k++) sim.step();
      expect(sim.metric("persons")).toBeGreaterThan(0);
      sim.close();
    });
  }

  it("every named scenario has a unique name, a title, a description, paper sections and a note for each parameter it sets", () => {
    expect(new Set(scenarioNames()).size).toBe(CATALOGUE.length);
    for (const s of CATALOGUE) {
      expect(s.title.length, s.name).toBeGreaterThan(5);
      expect(s.description.length, s.name).toBeGreaterThan(40);
      if (s.kind !== "baseline") expect(s.paperSections.length, s.name).toBeGreaterThan(0);
      for (const [path] of parametersSet(s)) {
        const group = path.slice(0, path.lastIndexOf("."));
        expect(s.notes[path] ?? s.notes[group], `${s.name}: ${path} has no note`).toBeTruthy();
      }
    }
  });

  it("the baseline sets nothing: it is the model's defaults", () => {
    expect(parametersSet(namedScenario("baseline"))).toEqual([]);
  });

  it("each strategy sets exactly the levers of its paper section", () => {
    const set = (name: string) => parametersSet(namedScenario(name)).map(([p, v]) => `${p}=${JSON.stringify(v)}`);
    expect(set("livelihood-linkage")).toEqual([
      "policies.talentIntroduction.enabled=true", "policies.entrepreneurshipSupport.enabled=true", "policies.vocationalTraining.mode=\"needsBased\"",
      "policies.ecologicalLivability.enabled=true", "policies.ruralCivilization.enabled=true", "policies.effectiveGovernance.enabled=true",
    ]);
    expect(set("policy-supplements")).toEqual([
      "policies.transitionPeriod.enabled=true", "policies.maintenanceFund.enabled=true", "policies.dualRegistration.enabled=true", "policies.collectiveAssets.enabled=true",
    ]);
    expect(set("development-policies")).toEqual([
      "policies.landRights.enabled=true", "policies.employmentPromotion.enabled=true", "policies.vocationalTraining.mode=\"needsBased\"",
      "policies.industrialSupport.mode=\"longTerm\"", "policies.gridManagement.enabled=true",
    ]);
    const full = new Set(set("full-strategy"));
    for (const name of ["livelihood-linkage", "policy-supplements", "development-policies"]) for (const x of set(name)) expect(full.has(x), x).toBe(true);
    expect(full.size).toBe(new Set([...set("livelihood-linkage"), ...set("policy-supplements"), ...set("development-policies")]).size);
  });

  it("full-strategy switches on every lever but housing adjustment (section 4 proposes no remedy for 3.3)", () => {
    const p = resolved("full-strategy").policies as Record<string, { enabled?: boolean; mode?: string }>;
    for (const lever of levers) {
      const on = p[lever]!.enabled ?? (p[lever]!.mode === "needsBased" || p[lever]!.mode === "longTerm");
      expect(on, lever).toBe(lever !== "housingAdjustment");
    }
  });

  it("each contrast's 'before' side is the baseline today, and its 'after' side differs from it in one lever", () => {
    for (const c of CONTRASTS) {
      expect(resolved(c.before), c.name).toEqual(resolved("baseline"));
      const diff = parametersSet(namedScenario(c.after));
      expect(diff).toHaveLength(1);
      expect(resolved(c.after)).not.toEqual(resolved("baseline"));
    }
  });

  it("there is one lever.<name> scenario per lever, each differing from the baseline in that lever only", () => {
    expect(scenarioNames().filter((n) => n.startsWith("lever.")).sort()).toEqual(levers.map((l) => `lever.${l}`).sort());
    const base = resolved("baseline");
    for (const lever of levers) {
      const p = resolved(`lever.${lever}`);
      const changed = Object.keys(p.policies).filter((k) => JSON.stringify((p.policies as any)[k]) !== JSON.stringify((base.policies as any)[k]));
      expect(changed, lever).toEqual([lever]);
      expect({ ...p, policies: undefined }).toEqual({ ...base, policies: undefined });
    }
  });

  it("historical writes its growing intensities and the 2020 shock as expressions of the date", () => {
    const { expressions } = resolveParams(scenario("historical").params);
    const paths = expressions.map((e) => e.path);
    expect(paths).toContain("environment.demandShock");
    const shock = expressions.find((e) => e.path === "environment.demandShock")!;
    expect(shock.evaluate({ year: 2020, month: 2, step: 49, t: 49 / 12 })).toBe(0.4);
    expect(shock.evaluate({ year: 2020, month: 9, step: 56, t: 56 / 12 })).toBe(0);
    expect(shock.evaluate({ year: 2019, month: 2, step: 37, t: 37 / 12 })).toBe(0);
  });

  it("scenario(name) hands out a fresh copy and an unknown name gets a did-you-mean", () => {
    const a = scenario("historical");
    (a.params as any).policies.landRights.enabled = false;
    expect((scenario("historical").params as any).policies.landRights.enabled).toBe(true);
    expect(() => scenario("full-stratgy")).toThrow(/invalid scenario: "full-stratgy" \(expected the name of a scenario .*\); did you mean 'full-strategy'\?/);
  });
});
