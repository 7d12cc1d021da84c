import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BINS } from "../src/kernel/histogram.js";
import { ELDERLY_AGE, F, GROUPS, HOUSEHOLD_GROUPS, LARGE_HOUSEHOLD, MEMBER_GROUPS, NF, NM, RESIDENCE_GROUPS, SITE_GROUPS, collectMemberGroups, collectSite } from "../src/model/collect.js";
import { SITE_FIELDS } from "../src/model/metricTable.js";
import { checkSeriesComplete } from "../src/results/checkSeriesComplete.js";
import { Residence } from "../src/kernel/state.js";
import { createSimulation, isInputError, type Simulation } from "../src/index.js";
import { contextAt, members, sim } from "./helpers.js";

const ask = (...extra: string[]) => [...SITE_GROUPS, ...extra];
const row = (g: string) => (MEMBER_GROUPS as readonly string[]).indexOf(g);

/** Sums per group (site groups by site, member groups by household) of one step, recollected from the state. */
function recollect(s: Simulation): { all: Float64Array; member: Float64Array[] } {
  const n = s.state.sites.count;
  const c = contextAt(s, s.stepsDone - 1);
  const siteAcc = new Float64Array(n * NF);
  const memberAcc = new Float64Array(n * NM * NF);
  const hist = new Float64Array(GROUPS.length * BINS);
  const all = new Float64Array(NF);
  const member = Array.from({ length: NM }, () => new Float64Array(NF));
  for (let k = 0; k < n; k++) {
    collectSite(s.params, c, s.state, k, siteAcc, hist, new Int32Array(3));
    collectMemberGroups(s.params, c, s.state, k, memberAcc, hist);
    for (let f = 0; f < NF; f++) all[f]! += siteAcc[k * NF + f]!;
    for (let g = 0; g < NM; g++) for (let f = 0; f < NF; f++) member[g]![f]! += memberAcc[(k * NM + g) * NF + f]!;
  }
  return { all, member };
}

/** Fields whose per-household values are a site's quantity shared out (sums agree to rounding only). */
const SHARED = new Set(["collectiveIncome", "maintenanceBalance", "localJobs", "householdMonths"]);

describe("collectMemberGroups(p, c, st, s, acc, hist): household and residence groups", () => {
  let s: Simulation;
  beforeAll(() => {
    s = sim({ policies: { collectiveAssets: { enabled: true }, maintenanceFund: { enabled: true } } }, 800, 2);
    while (s.stepsDone < 40) s.step();
  });

  it("residence groups partition the households: every field the metric table names adds up to the sites' sums", () => {
    const { all, member } = recollect(s);
    for (const parts of [RESIDENCE_GROUPS, ["household:with_labour", "household:without_labour"]] as const) {
      for (const f of SITE_FIELDS) {
        const sum = parts.reduce((a, g) => a + member[row(g)]![F[f]]!, 0);
        if (SHARED.has(f) || f.startsWith("cost_") || f.startsWith("inc") || f.startsWith("int") || f === "income12" || f === "savings" || f === "housingCondition") expect(sum, `${parts[0]} ${f}`).toBeCloseTo(all[F[f]]!, 3);
        else expect(sum, `${parts[0]} ${f}`).toBe(all[F[f]]!);
      }
    }
  });

  it("elderly_only and large are subsets: never more households than all", () => {
    const { all, member } = recollect(s);
    for (const g of ["household:elderly_only", "household:large"]) {
      expect(member[row(g)]![F.households]).toBeGreaterThan(0);
      expect(member[row(g)]![F.households]).toBeLessThan(all[F.households]!);
    }
  });

  it("classifies each household by its state this month: labour, all members ≥ 60, ≥ 6 members, residence state", () => {
    const st = s.state;
    const H = st.households;
    const P = st.persons;
    let site = 0;
    while (st.sites.hhEnd[site]! - st.sites.hhStart[site]! < 8) site++;
    const hs = Array.from({ length: 8 }, (_, i) => st.sites.hhStart[site]! + i).filter((h) => H.size[h]! >= 1);
    // A plain household everywhere first: labour, members of working age, small, resident.
    for (let h = st.sites.hhStart[site]!; h < st.sites.hhEnd[site]!; h++) {
      H.nLabour[h] = 1;
      H.size[h] = Math.min(H.size[h]!, LARGE_HOUSEHOLD - 1);
      H.residence[h] = Residence.Resident;
      for (const q of members(st, h)) P.age[q] = 30;
    }
    const [a, b, c, d, e] = hs as [number, number, number, number, number];
    // a: no labour, every member 60 or more: without_labour and elderly_only.
    H.nLabour[a] = 0;
    for (const q of members(st, a)) P.age[q] = ELDERLY_AGE;
    // b: every member but one elderly (one 59): not elderly_only.
    for (const q of members(st, b)) P.age[q] = 75;
    P.age[members(st, b)[0]!] = ELDERLY_AGE - 1;
    // c: six members (large); d: pending; e: gave up.
    H.size[c] = LARGE_HOUSEHOLD;
    H.residence[d] = Residence.Pending;
    H.residence[e] = Residence.GaveUp;
    const acc = new Float64Array(st.sites.count * NM * NF);
    collectMemberGroups(s.params, contextAt(s, s.stepsDone - 1), st, site, acc, new Float64Array(GROUPS.length * BINS));
    const count = (g: string) => acc[(site * NM + row(g)) * NF + F.households];
    const n = st.sites.hhEnd[site]! - st.sites.hhStart[site]!;
    expect(count("household:without_labour")).toBe(1);
    expect(count("household:with_labour")).toBe(n - 1);
    expect(count("household:elderly_only")).toBe(1);
    expect(count("household:large")).toBe(1);
    expect(count("residence:pending")).toBe(1);
    expect(count("residence:gave_up")).toBe(1);
    expect(count("residence:resident")).toBe(n - 2);
    expect(count("residence:transitional") + count("residence:returned")).toBe(0);
    // Ageing: once b's youngest turns 60, b is elderly-only the next time it is collected.
    P.age[members(st, b)[0]!] = ELDERLY_AGE;
    collectMemberGroups(s.params, contextAt(s, s.stepsDone - 1), st, site, acc, new Float64Array(GROUPS.length * BINS));
    expect(count("household:elderly_only")).toBe(2);
  });
});

describe("createSimulation(scenario, { groups })", () => {
  it("by default reports the site and cohort groups only, and refuses a household group it did not collect", () => {
    const s = createSimulation({ name: "t" }, { scale: 200, seed: 1 });
    s.step();
    expect(s.groups).toEqual(SITE_GROUPS);
    expect(Object.keys(s.summary())).toEqual([...SITE_GROUPS]);
    expect(() => s.metric("persons", "household:large")).toThrow(/collected only when asked for/);
    s.close();
  });

  it("reports the groups asked for, in that order; the site groups' values are those of a run without them", () => {
    const plain = createSimulation({ name: "t" }, { scale: 300, seed: 4 });
    const grouped = createSimulation({ name: "t" }, { scale: 300, seed: 4, groups: ["residence:resident", "all", "household:large"] });
    for (let k = 0; k < 30; k++) {
      plain.step();
      grouped.step();
    }
    expect(Object.keys(grouped.summary())).toEqual(["residence:resident", "all", "household:large"]);
    expect(grouped.summary().all).toEqual(plain.summary().all);
    expect(grouped.metric("employment_rate", "site:rural")).toBe(plain.metric("employment_rate", "site:rural"));
    expect(new Set(grouped.results().map((r) => r.group))).toEqual(new Set(["residence:resident", "all", "household:large"]));
  });

  it("refuses an unknown group naming it, with a did-you-mean", () => {
    let err: unknown;
    try {
      createSimulation({ name: "t" }, { scale: 200, groups: ["all", "household:larg"] });
    } catch (e) {
      err = e;
    }
    expect(isInputError(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(/groups\[1\].*household:larg.*did you mean 'household:large'/s);
  });

  it("group sums add up to the total for any small run (fast-check): households, persons, labour force, poor and employed persons", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 80, max: 400 }), fc.integer({ min: 1, max: 50 }), (seed, scale, months) => {
        const s = createSimulation({ name: "t", params: { horizon: { months } } }, { seed, scale, groups: ask(...MEMBER_GROUPS) });
        s.run();
        const total = (m: string, g: string) => {
          const v = s.metric(m, g);
          return Number.isNaN(v) ? 0 : v;
        };
        // Persons × rate gives back the persons counted (poverty rate, employment rate of the labour force).
        const weighted = (rate: string, base: string, g: string) => (total(base, g) > 0 ? total(rate, g) * total(base, g) : 0);
        for (const parts of [RESIDENCE_GROUPS, ["household:with_labour", "household:without_labour"]]) {
          for (const m of ["households", "persons", "labour_force"]) expect(parts.reduce((a, g) => a + total(m, g), 0)).toBe(total(m, "all"));
          expect(parts.reduce((a, g) => a + weighted("poverty_rate", "persons", g), 0)).toBeCloseTo(weighted("poverty_rate", "persons", "all"), 6);
          expect(parts.reduce((a, g) => a + weighted("employment_rate", "labour_force", g), 0)).toBeCloseTo(weighted("employment_rate", "labour_force", "all"), 6);
        }
        expect(total("labour_force", "household:without_labour")).toBe(0);
        for (const g of HOUSEHOLD_GROUPS) expect(total("households", g)).toBeLessThanOrEqual(total("households", "all"));
        s.close();
      }),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? 10) },
    );
  }, 120_000);
});

describe("checkSeriesComplete(file, rows, horizon) with household and residence groups", () => {
  const row = (group: string, step: number, replicate = 0) => ({ scenario: "s", replicate, seed: 1, step, date: "2016-01", group, metric: "poverty_rate", value: 0.1 });
  it("lets a household or residence group's series end before the horizon (an empty group), not a site group's, and every run must reach it", () => {
    expect(() => checkSeriesComplete("m.csv", [row("all", 1), row("all", 2), row("residence:pending", 1)], 2)).not.toThrow();
    expect(() => checkSeriesComplete("m.csv", [row("all", 1), row("all", 2), row("site:urban", 1)], 2)).toThrow(/site:urban, poverty_rate ending at step 1/);
    expect(() => checkSeriesComplete("m.csv", [row("all", 2), row("household:large", 2), row("household:large", 1, 1)], 2)).toThrow(/s replicate 1, household:large, poverty_rate ending at step 1.*cut short/);
  });
});
