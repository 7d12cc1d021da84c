import { describe, expect, it } from "vitest";
import { buildPopulation } from "../src/model/population.js";
import { resolveParams } from "../src/params/resolve.js";
import { Emp, Land, Residence } from "../src/kernel/state.js";
import { members } from "./helpers.js";

const { params } = resolveParams({});
const N = 10_000;
const st = buildPopulation(params, N, 1);
const H = st.households;
const P = st.persons;
const S = st.sites;

describe("buildPopulation(p, households, seed)", () => {
  it("builds exactly the requested number of households, contiguous by site, each site non-empty", () => {
    expect(H.count).toBe(N);
    expect(S.hhStart[0]).toBe(0);
    expect(S.hhEnd[S.count - 1]).toBe(N);
    const bad: string[] = [];
    for (let s = 0; s < S.count; s++) {
      if (S.hhEnd[s]! - S.hhStart[s]! < 1) bad.push(`site ${s} empty`);
      if (s > 0 && S.hhStart[s] !== S.hhEnd[s - 1]) bad.push(`site ${s} not contiguous`);
      for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) if (H.site[h] !== s) bad.push(`household ${h} site ${H.site[h]}`);
    }
    expect(bad).toEqual([]);
  });

  it("keeps the national ratio of sites to households (35,000 sites for 2.66 M households; 5,000 urban)", () => {
    expect(S.count).toBe(Math.round((N * 35_000) / 2_660_000));
    let urban = 0;
    for (let s = 0; s < S.count; s++) urban += S.urban[s]!;
    expect(urban).toBe(Math.round((S.count * 5_000) / 35_000));
    // Urban sites come first and are larger on average: 52% of people live in a seventh of the sites.
    expect(S.urban[0]).toBe(1);
    expect(S.urban[S.count - 1]).toBe(0);
  });

  it("cuts whole sites into cohorts whose shares of households miss the cohort shares by at most half the largest site at each cut, for any seed", () => {
    const shares = [params.population.cohortShare2016, params.population.cohortShare2017, params.population.cohortShare2018];
    shares.push(1 - shares[0]! - shares[1]! - shares[2]!);
    for (const seed of [1, 2, 3]) {
      const { sites } = seed === 1 ? st : buildPopulation(params, N, seed);
      const households = [0, 0, 0, 0];
      let largest = 0;
      for (let s = 0; s < sites.count; s++) {
        const n = sites.hhEnd[s]! - sites.hhStart[s]!;
        households[sites.cohort[s]! - 2016]! += n;
        largest = Math.max(largest, n);
      }
      // Each cohort has two cuts, each off by at most half a site.
      households.forEach((n, k) => expect(Math.abs(n / N - shares[k]!), `seed ${seed}, cohort ${2016 + k}`).toBeLessThanOrEqual(largest / N));
    }
  });

  it("gives about 3.61 people per household (9.6 M people in 2.66 M households)", () => {
    let people = 0;
    for (let h = 0; h < N; h++) people += H.size[h]!;
    expect(people / N).toBeGreaterThan(3.55);
    expect(people / N).toBeLessThan(3.67);
    expect(Math.min(...H.size)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...H.size)).toBeLessThanOrEqual(9);
  });

  it("resettles about 52% of people at urban sites (5.0 M of 9.6 M)", () => {
    let urban = 0, all = 0;
    for (let h = 0; h < N; h++) {
      all += H.size[h]!;
      if (S.urban[H.site[h]!]) urban += H.size[h]!;
    }
    expect(urban / all).toBeGreaterThan(0.5);
    expect(urban / all).toBeLessThan(0.545);
  });

  it("links every member to its household and marks it alive, within its site's person range", () => {
    let alive = 0;
    for (let q = 0; q < P.capacity; q++) alive += P.alive[q]!;
    let linked = 0;
    const bad: string[] = [];
    for (let h = 0; h < N; h++) {
      const m = members(st, h);
      if (m.length !== H.size[h]) bad.push(`household ${h}: ${m.length} linked, size ${H.size[h]}`);
      const s = H.site[h]!;
      for (const q of m) {
        if (P.household[q] !== h || P.alive[q] !== 1 || q < S.pStart[s]! || q >= S.pEnd[s]!) bad.push(`person ${q} of household ${h}`);
      }
      linked += m.length;
    }
    expect(bad).toEqual([]);
    expect(linked).toBe(alive);
  });

  it("starts every household pending, with no area, its land kept and savings of a month and a half of subsistence spending at origin", () => {
    const bad: number[] = [];
    for (let h = 0; h < N; h++) {
      // Months of subsistence spending at origin, where every household lives at the start.
      const spending = params.income.ruralSpendingPerPerson * H.size[h]!;
      if (H.residence[h] !== Residence.Pending || H.area[h] !== 0 || H.landStatus[h] !== Land.Kept || Math.abs(H.savings[h]! - 1.5 * spending) > 1e-9) bad.push(h);
    }
    expect(bad).toEqual([]);
  });

  it("puts the working-age (16-59, the NBS definition), able, out-of-school persons in the labour force in the initial shares", () => {
    const counts = [0, 0, 0, 0, 0, 0];
    let lf = 0;
    const bad: number[] = [];
    for (let q = 0; q < P.capacity; q++) {
      if (!P.alive[q]) continue;
      const working = P.age[q]! >= 16 && P.age[q]! <= 59 && !P.disabled[q] && !P.inSchool[q];
      if ((P.emp[q] !== Emp.NotInLabourForce) !== working || P.skill[q]! < 0 || P.skill[q]! > 1) bad.push(q);
      if (working) { lf++; counts[P.emp[q]!]!++; }
    }
    expect(bad).toEqual([]);
    const pop = params.population;
    expect(counts[Emp.Migrant]! / lf).toBeCloseTo(pop.initialMigrantShare, 1);
    expect(counts[Emp.Local]! / lf).toBeCloseTo(pop.initialLocalShare, 1);
    // Farming needs land at origin (a tenth of households have none): a little under the share.
    expect(counts[Emp.Farming]! / lf).toBeGreaterThan(pop.initialFarmingShare - 0.1);
    expect(counts[Emp.Farming]! / lf).toBeLessThan(pop.initialFarmingShare);
  });

  it("opens each site in its cohort year (2016-2019), in the cohort shares", () => {
    const byCohort = new Map<number, number>();
    const bad: number[] = [];
    for (let s = 0; s < S.count; s++) {
      const c = S.cohort[s]!;
      byCohort.set(c, (byCohort.get(c) ?? 0) + 1);
      // Steps count from 2016-01: a site of cohort c opens in months (c-2016)*12 ... +11.
      if (c < 2016 || c > 2019 || S.openStep[s]! < (c - 2016) * 12 || S.openStep[s]! >= (c - 2016) * 12 + 12) bad.push(s);
    }
    expect(bad).toEqual([]);
    expect(byCohort.get(2017)! / S.count).toBeGreaterThan(0.2);
  });

  it("is a function of the seed: the same seed gives the same population, another seed another", () => {
    const again = buildPopulation(params, N, 1);
    expect(Array.from(again.households.size)).toEqual(Array.from(H.size));
    expect(Array.from(again.persons.age)).toEqual(Array.from(P.age));
    const other = buildPopulation(params, N, 2);
    expect(Array.from(other.persons.age)).not.toEqual(Array.from(P.age));
  });

  it("keeps exactly the requested households, each site non-empty, at the extremes of urbanPeopleShare", () => {
    for (const share of [0, 1e-6, 0.999999, 1]) {
      for (const n of [8, 200, 1000]) {
        const { params: p } = resolveParams({ population: { urbanPeopleShare: share } });
        const t = buildPopulation(p, n, 3);
        expect(t.sites.hhEnd[t.sites.count - 1], `share ${share}, ${n} households`).toBe(n);
        let empty = 0;
        for (let s = 0; s < t.sites.count; s++) if (t.sites.hhEnd[s]! <= t.sites.hhStart[s]!) empty++;
        expect(empty).toBe(0);
      }
    }
  });

  it("builds a single household as a single site", () => {
    const one = buildPopulation(params, 1, 1);
    expect(one.sites.count).toBe(1);
    expect(one.households.count).toBe(1);
    expect(members(one, 0).length).toBe(one.households.size[0]);
  });
});
