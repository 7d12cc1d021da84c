import { describe, expect, it } from "vitest";
import { costs } from "../src/model/costs.js";
import { COST_LEVERS, METRICS, costMetric } from "../src/model/metricTable.js";
import { COST_ITEMS, Residence } from "../src/kernel/state.js";
import { PHASES } from "../src/model/schedule.js";
import { leverSpecs } from "../src/policies/levers.js";
import { contextAt, householdsOf, sim } from "./helpers.js";

const NOTHING = { vocationalTraining: { mode: "none" }, industrialSupport: { mode: "none" } };
const k = (lever: (typeof COST_LEVERS)[number]) => COST_LEVERS.indexOf(lever);

describe("costs(p, c, st, s): the public cost of what the levers did", () => {
  it("has one cost column and one metric per lever of policies/levers.ts, in its order, and draws nothing", () => {
    expect([...COST_LEVERS]).toEqual(Object.keys(leverSpecs));
    expect(COST_LEVERS.length).toBe(COST_ITEMS);
    for (const l of COST_LEVERS) expect(METRICS).toContain(costMetric(l));
    expect(PHASES.find((ph) => ph.name === "costs")!.streams).toEqual([]);
  });

  it("costs nothing when no lever acts (no training, no industrial support, every switch off)", () => {
    const s = sim({ policies: NOTHING }, 500);
    while (s.stepsDone < 36) s.step();
    expect(Math.max(...s.state.sites.publicCost)).toBe(0);
    expect(s.metric("policy_cost_per_household", "all", 36)).toBe(0);
  });

  it("a lever switched on that does nothing costs nothing: courses nobody enters, support creating no jobs, promotion with no posts", () => {
    const s = sim({
      policies: {
        vocationalTraining: { mode: "uniform", annualCoverage: 0 },
        industrialSupport: { mode: "shortTerm", jobsPer100Households: 0 },
        employmentPromotion: { enabled: true, jobsPer100Households: 0, trackingYuanPerHouseholdYear: 0 },
        gridManagement: { enabled: true, coverage: 0 },
      },
    }, 500);
    while (s.stepsDone < 36) s.step();
    for (const l of ["vocationalTraining", "industrialSupport", "employmentPromotion", "gridManagement"] as const) {
      expect(s.metric(costMetric(l), "all", 36), l).toBe(0);
    }
  });

  it("doubling the trainees doubles the training cost", () => {
    const s = sim({ policies: NOTHING }, 300);
    const S = s.state.sites;
    const H = s.state.households;
    const hh = householdsOf(s.state, 0);
    const c = contextAt(s, S.openStep[0]! + 5);
    (s.params.policies.vocationalTraining as { mode: string }).mode = "uniform";
    const trainingCost = (perHousehold: number) => {
      S.publicCost.fill(0);
      for (const h of hh) H.nTraining[h] = perHousehold;
      costs(s.params, c, s.state, 0);
      return S.publicCost[k("vocationalTraining")]!;
    };
    const one = trainingCost(1);
    expect(one).toBeCloseTo(hh.length * 400 * c.priceIndex, 6);
    expect(trainingCost(2)).toBeCloseTo(2 * one, 6);
    expect(trainingCost(0)).toBe(0);
  });

  it("prices grid members per covered household holding a home, and the collective investment once, at opening", () => {
    const s = sim({ policies: { ...NOTHING, gridManagement: { enabled: true, coverage: 0.5 }, collectiveAssets: { enabled: true } } }, 300);
    const S = s.state.sites;
    const H = s.state.households;
    const hh = householdsOf(s.state, 0);
    hh.forEach((h, i) => (H.residence[h] = i % 2 === 0 ? Residence.Resident : Residence.Returned));
    const open = S.openStep[0]!;
    const covered = hh.filter((h, i) => i % 2 === 0 && H.gridDraw[h]! < 0.5).length;
    costs(s.params, contextAt(s, open), s.state, 0);
    expect(S.publicCost[k("collectiveAssets")]).toBeCloseTo(6000 * hh.length, 6);
    expect(S.publicCost[k("gridManagement")]).toBeCloseTo((covered * 120 * contextAt(s, open).priceIndex) / 12, 6);
    costs(s.params, contextAt(s, open + 1), s.state, 0);
    expect(S.publicCost[k("collectiveAssets")]).toBeCloseTo(6000 * hh.length, 6);
  });

  it("prices the transition period's compensation at the handover, and each origin house only while it stands beyond the baseline's months", () => {
    const s = sim({ policies: { ...NOTHING, transitionPeriod: { enabled: true, months: 36 } } }, 300);
    const S = s.state.sites;
    const H = s.state.households;
    const hh = householdsOf(s.state, 0);
    const open = S.openStep[0]!;
    costs(s.params, contextAt(s, open), s.state, 0);
    expect(S.publicCost[k("transitionPeriod")]).toBeCloseTo(5000 * hh.length, 6);
    const base = s.params.residence.baselineTransitionMonths;
    hh.forEach((h) => { H.residence[h] = Residence.Transitional; H.originHouseUntil[h] = open + 36; });
    const at = (step: number) => {
      S.publicCost.fill(0);
      costs(s.params, contextAt(s, step), s.state, 0);
      return S.publicCost[k("transitionPeriod")]!;
    };
    // Within the baseline's months the house would stand anyway: no cost; after them, 50 yuan a month each; none once demolished.
    expect(at(open + Math.max(0, base - 1))).toBe(0);
    expect(at(open + base)).toBeCloseTo(hh.length * 50 * contextAt(s, open + base).priceIndex, 6);
    expect(at(open + 36)).toBe(0);
  });

  it("policy_cost_per_household is the sum of the per-lever costs, and rises with what a lever does (more assisted posts, more cost)", () => {
    const run = (jobs: number) => {
      const s = sim({ policies: { employmentPromotion: { enabled: true, jobsPer100Households: jobs } } }, 500);
      while (s.stepsDone < 36) s.step();
      return s;
    };
    const a = run(8);
    const b = run(16);
    const total = a.metric("policy_cost_per_household", "all", 36);
    const parts = COST_LEVERS.reduce((sum, l) => sum + a.metric(costMetric(l), "all", 36), 0);
    expect(total).toBeCloseTo(parts, 6);
    expect(b.metric(costMetric("employmentPromotion"), "all", 36)).toBeGreaterThan(a.metric(costMetric("employmentPromotion"), "all", 36));
  });
});
