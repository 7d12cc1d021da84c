import { beforeAll, describe, expect, it } from "vitest";
import { BINS, binOf, binValue } from "../src/kernel/histogram.js";
import { F, NF, collectSite } from "../src/model/collect.js";
import { METRICS, METRIC_TABLE, SITE_FIELDS, describeMetric } from "../src/model/metricTable.js";
import { metricValues } from "../src/model/metricValues.js";
import { localJobs } from "../src/model/siteEconomy.js";
import { crowding } from "../src/model/demography.js";
import { Emp, Residence } from "../src/kernel/state.js";
import type { Simulation } from "../src/index.js";
import { contextAt, members, sim } from "./helpers.js";

let s: Simulation;
beforeAll(() => {
  s = sim({ policies: { collectiveAssets: { enabled: true }, maintenanceFund: { enabled: true } } }, 1000);
  while (s.stepsDone < 40) s.step();
});

/** The metrics recomputed from the state after the last step, for the `all` group. */
function recount(sim: Simulation): Record<string, number> {
  const { persons: P, households: H, sites: S } = sim.state;
  const step = sim.stepsDone - 1;
  const line = contextAt(sim, step).povertyLine;
  const n = { persons: 0, lf: 0, emp: 0, local: 0, migrant: 0, self: 0, farming: 0, income: 0, poor: 0, signed: 0, resident: 0, returned: 0, gaveUp: 0, crowded: 0, integ: 0, open: 0, condition: 0, jobs: 0, hhLabour: 0, hhLabourEmp: 0 };
  for (let h = 0; h < H.count; h++) {
    n.persons += H.size[h]!;
    let lf = 0, emp = 0;
    for (const q of members(sim.state, h)) {
      const e = P.emp[q]!;
      if (e === Emp.NotInLabourForce) continue;
      lf++;
      if (e !== Emp.Unemployed) emp++;
      if (e === Emp.Local) n.local++;
      if (e === Emp.Migrant) n.migrant++;
      if (e === Emp.SelfEmployed) n.self++;
      if (e === Emp.Farming) n.farming++;
    }
    n.lf += lf;
    n.emp += emp;
    if (lf > 0) { n.hhLabour++; if (emp > 0) n.hhLabourEmp++; }
    n.income += H.income12[h]!;
    if (H.income12[h]! / Math.max(1, H.size[h]!) < line - 1e-6) n.poor += H.size[h]!;
    const r = H.residence[h]!;
    if (r !== Residence.Pending) { n.signed++; if (crowding(sim.params, sim.state, h) > 0) n.crowded++; }
    if (r === Residence.Resident) { n.resident++; n.integ += (H.intEcon[h]! + H.intSocial[h]! + H.intPsych[h]!) / 3; }
    if (r === Residence.Returned) n.returned++;
    if (r === Residence.GaveUp) n.gaveUp++;
  }
  for (let k = 0; k < S.count; k++) {
    if (step < S.openStep[k]!) continue;
    const m = S.hhEnd[k]! - S.hhStart[k]!;
    n.open += m;
    n.condition += S.housingCondition[k]! * m;
    n.jobs += localJobs(sim.params, sim.state, k);
  }
  return {
    persons: n.persons, households: H.count, labour_force: n.lf,
    employment_rate: n.emp / n.lf, households_with_employed_share: n.hhLabourEmp / n.hhLabour,
    local_job_share: n.local / n.emp, migrant_job_share: n.migrant / n.emp, self_employed_share: n.self / n.emp, farming_share: n.farming / n.emp,
    per_capita_income: n.income / n.persons, poverty_rate: n.poor / n.persons,
    occupancy_rate: n.resident / n.signed, return_rate: n.returned / n.signed, give_up_rate: n.gaveUp / n.signed, crowded_share: n.crowded / n.signed,
    integration_index: n.integ / n.resident, housing_condition: n.condition / n.open, local_jobs_per_100_households: (100 * n.jobs) / n.open,
  };
}

describe("sim.metric(name, group, step) after collectSite and metricValues", () => {
  it("equals the counts and ratios recomputed from the state", () => {
    const expected = recount(s);
    for (const [name, value] of Object.entries(expected)) expect(s.metric(name), name).toBeCloseTo(value, 6);
  });

  it("adds the site-type groups and the cohort groups up to the whole population", () => {
    for (const m of ["persons", "households", "labour_force"]) {
      const all = s.metric(m, "all");
      expect(s.metric(m, "site:urban") + s.metric(m, "site:rural")).toBe(all);
      const cohorts = ["cohort:2016", "cohort:2017", "cohort:2018", "cohort:2019"].map((g) => s.metric(m, g)).filter((v) => !Number.isNaN(v));
      expect(cohorts.reduce((a, b) => a + b, 0)).toBe(all);
    }
  });

  it("splits income by source into shares that add up to 1, and employment by kind into shares that add up to 1", () => {
    const income = ["wage", "business", "agriculture", "transfer", "dividend"].map((k) => s.metric(`${k}_income_share`));
    expect(income.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const work = ["local_job_share", "migrant_job_share", "self_employed_share", "farming_share"].map((k) => s.metric(k));
    expect(work.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it("orders the income quantiles and keeps the Gini coefficient in [0, 1]", () => {
    const q = ["p10", "p25", "median", "p75", "p90"].map((k) => s.metric(`per_capita_income_${k}`));
    for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]!);
    expect(s.metric("income_gini")).toBeGreaterThan(0);
    expect(s.metric("income_gini")).toBeLessThan(1);
  });

  it("puts the median within the histogram's resolution of the exact person-weighted median", () => {
    const H = s.state.households;
    const pcs: Array<[number, number]> = [];
    for (let h = 0; h < H.count; h++) pcs.push([H.income12[h]! / Math.max(1, H.size[h]!), H.size[h]!]);
    pcs.sort((a, b) => a[0] - b[0]);
    const total = pcs.reduce((a, b) => a + b[1], 0);
    let cum = 0, median = 0;
    for (const [pc, w] of pcs) { cum += w; if (cum >= total / 2) { median = pc; break; } }
    expect(Math.abs(s.metric("per_capita_income_median") / median - 1)).toBeLessThan(0.03);
  });
});

describe("metricValues(acc, hist, out)", () => {
  it("gives NaN for ratios with an empty denominator and 0 for empty counts", () => {
    const out = new Float64Array(METRICS.length);
    metricValues(new Float64Array(NF), new Float64Array(BINS), out);
    const v = (m: string) => out[METRICS.indexOf(m as (typeof METRICS)[number])];
    expect(v("persons")).toBe(0);
    for (const m of ["employment_rate", "per_capita_income", "per_capita_income_median", "income_gini", "integration_index", "occupancy_rate", "local_jobs_per_100_households"]) expect(v(m), m).toBeNaN();
  });

  it("turns summed counts into the published ratios", () => {
    const acc = new Float64Array(NF);
    acc[F.persons] = 100; acc[F.labourForce] = 50; acc[F.employed] = 40; acc[F.local] = 10; acc[F.migrant] = 30;
    acc[F.signed] = 20; acc[F.resident] = 15; acc[F.returned] = 3; acc[F.gaveUp] = 2;
    acc[F.openHouseholds] = 20; acc[F.collectiveIncome] = 100; acc[F.localJobs] = 5;
    const hist = new Float64Array(BINS);
    hist[binOf(5000)] = 100;
    const out = new Float64Array(METRICS.length);
    metricValues(acc, hist, out);
    const v = (m: string) => out[METRICS.indexOf(m as (typeof METRICS)[number])];
    expect([v("employment_rate"), v("local_job_share"), v("migrant_job_share")]).toEqual([0.8, 0.25, 0.75]);
    expect([v("occupancy_rate"), v("return_rate"), v("give_up_rate")]).toEqual([0.75, 0.15, 0.1]);
    // The realised annual return, not 12 × a month's.
    expect(v("collective_income_per_household")).toBe(5);
    expect(v("local_jobs_per_100_households")).toBe(25);
    // Everyone in one bin: every quantile inside that bin, and no inequality.
    for (const m of ["per_capita_income_p10", "per_capita_income_median", "per_capita_income_p90"]) expect(Math.abs(v(m)! / 5000 - 1), m).toBeLessThan(0.02);
    expect(v("income_gini")).toBeCloseTo(0, 9);
  });
});

describe("binOf(pc) and binValue(b)", () => {
  it("puts incomes below 200 yuan and losses in bin 0, and higher incomes in increasing log-spaced bins", () => {
    expect([binOf(-500), binOf(0), binOf(199)]).toEqual([0, 0, 0]);
    let prev = 0;
    for (let x = 200; x < 1e6; x *= 1.1) {
      const b = binOf(x);
      expect(b).toBeGreaterThanOrEqual(prev);
      expect(b).toBeLessThan(BINS);
      prev = b;
    }
    for (const x of [250, 4221, 9313, 120_000]) expect(Math.abs(binValue(binOf(x)) / x - 1)).toBeLessThan(0.02);
  });
});

describe("collectSite(p, c, st, s, acc, hist, groups)", () => {
  it("writes every per-site field the metric table names (SITE_FIELDS), each once", () => {
    expect(new Set(SITE_FIELDS).size).toBe(NF);
    const acc = new Float64Array(s.state.sites.count * NF).fill(Number.NaN);
    const c = contextAt(s, s.stepsDone - 1);
    collectSite(s.params, c, s.state, 1, acc, new Float64Array(7 * BINS), new Int32Array(3));
    const unwritten = SITE_FIELDS.filter((f) => Number.isNaN(acc[NF + F[f]]!));
    expect(unwritten).toEqual([]);
  });
});

describe("METRIC_TABLE", () => {
  it("METRICS lists its names in order, each once", () => {
    expect([...METRICS]).toEqual(METRIC_TABLE.map((m) => m.name));
    expect(new Set(METRICS).size).toBe(METRICS.length);
  });

  it("metricValues computes each ratio as the table states it: Σ numerator fields × factor / Σ denominator fields × factor", () => {
    const acc = new Float64Array(NF).map((_, i) => 1 + i);
    const out = new Float64Array(METRICS.length);
    metricValues(acc, new Float64Array(BINS), out);
    const sum = (t: { sum: readonly string[]; times?: number }) => (t.times ?? 1) * t.sum.reduce((a, f) => a + acc[F[f as keyof typeof F]]!, 0);
    METRIC_TABLE.forEach((m, i) => {
      if ("num" in m.of) expect(out[i], m.name).toBeCloseTo(sum(m.of.num) / sum(m.of.den), 12);
      else if ("total" in m.of) expect(out[i], m.name).toBe(sum(m.of.total));
      else expect(out[i], m.name).toBeNaN();
    });
  });

  it("describeMetric(name) gives the table's label, unit, format and kind, and a reading of the name for others", () => {
    expect(describeMetric("employment_rate")).toEqual({ label: "Employment rate", unit: "share of labour force", format: ".0%", kind: "share" });
    expect(describeMetric("local_jobs_per_100_households").format).toBe(",.1f");
    expect(describeMetric("my_new_metric")).toEqual({ label: "My new metric", unit: "", format: ",.3~g", kind: "index" });
  });
});
