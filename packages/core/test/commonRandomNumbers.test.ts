/**
 * Common random numbers that stay paired (issue 12, part 5): every draw of the model is keyed by
 * the entity whose choice it is (kernel/random.ts keyed), so one household's or person's choice
 * leaves everyone else's draws where they were. Each test runs a process on two copies of one
 * state that differ in one entity's choice, and checks that every other entity does what it did;
 * the same test with one sequential stream per site (the design before) shows the difference.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { keyed, stream, unkeyed, type KeyedRandom } from "../src/kernel/random.js";
import { Emp, Land, Residence, removePerson, type State } from "../src/kernel/state.js";
import { residence } from "../src/model/residence.js";
import { labourMarket } from "../src/model/labourMarket.js";
import { demography } from "../src/model/demography.js";
import type { Simulation } from "../src/index.js";
import { stateColumns } from "../src/checkpoint/stateColumns.js";
import { contextAt, householdsOf, members, sim } from "./helpers.js";

/** Run f on x's state and put every column back as it was. */
function undone<T>(x: Simulation, f: () => T): T {
  const columns = stateColumns(x.state);
  const saved = columns.map((c) => (c.array as unknown as Float64Array).slice());
  try {
    return f();
  } finally {
    columns.forEach((c, i) => (c.array as unknown as Float64Array).set(saved[i]!));
  }
}

/** The keyed source of (seed, process) positioned at `step`. */
function source(seed: number, process: string, step: number): KeyedRandom {
  const r = keyed(seed, process);
  r.step(step);
  return r;
}

/** Two simulations of the same scenario and seed, stepped `steps` months: identical states. */
function twins(params: Record<string, unknown>, households: number, seed: number, steps: number): [Simulation, Simulation] {
  const a = sim(params, households, seed);
  const b = sim(params, households, seed);
  for (let k = 0; k < steps; k++) {
    a.step();
    b.step();
  }
  return [a, b];
}

/** The open site with the most resident households. */
function busiestSite(st: State): number {
  let best = 0, most = -1;
  for (let s = 0; s < st.sites.count; s++) {
    const n = householdsOf(st, s).filter((h) => st.households.residence[h] === Residence.Resident).length;
    if (n > most) [best, most] = [s, n];
  }
  return best;
}

describe("keyed draws: one household's choice moves no one else's", () => {
  it("residence: when one household has given its home up, every other household of the site decides this month as it would have (property over households and seeds)", () => {
    // Frequent decisions: residents would nearly all return within a year, the returned come back.
    const params = { residence: { returnRate: 0.99, comeBackRate: 0.99 } };
    const [a, b] = twins(params, 400, 3, 40);
    const s = busiestSite(a.state);
    const hh = householdsOf(a.state, s).filter((h) => a.state.households.residence[h] === Residence.Resident);
    const c = contextAt(a, 40);
    const changed = (x: Simulation, draws: KeyedRandom) =>
      undone(x, () => {
        const before = x.state.households.residence.slice();
        residence(x.params, c, x.state, s, draws);
        return hh.filter((h) => x.state.households.residence[h] !== before[h]).length;
      });
    // Many households decide something this month: the test has choices to keep.
    expect(changed(a, source(0, "residence", c.step))).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.constantFrom(...hh), fc.integer({ min: 0, max: 1000 }), (forced, seed) => {
        const run = (x: Simulation, draws: KeyedRandom, give: boolean) =>
          undone(x, () => {
            const H = x.state.households;
            if (give) H.residence[forced] = Residence.GaveUp;
            residence(x.params, c, x.state, s, draws);
            return householdsOf(x.state, s).filter((h) => h !== forced).map((h) => H.residence[h]!);
          });
        expect(run(b, source(seed, "residence", c.step), true)).toEqual(run(a, source(seed, "residence", c.step), false));
      }),
      { numRuns: 20, seed: 12 },
    );
    // One sequential stream for the site, as before: the household that no longer draws shifts
    // every later household's draw.
    const forced = hh[0]!;
    const sequential = (x: Simulation, give: boolean) => {
      const H = x.state.households;
      if (give) H.residence[forced] = Residence.GaveUp;
      residence(x.params, c, x.state, s, unkeyed(stream(3, s, "residence")));
      return householdsOf(x.state, s).filter((h) => h !== forced).map((h) => H.residence[h]!);
    };
    expect(sequential(b, true)).not.toEqual(sequential(a, false));
  });

  it("labour market: one more searcher at a site reshuffles no one: the other searchers' local hires are those of the run without them, less at most a few whose draw lies between their two probabilities", () => {
    const [a, b] = twins({}, 300, 5, 0);
    const quiet = (x: Simulation) => {
      const st = x.state;
      const out: number[] = [];
      for (const h of householdsOf(st, 0)) {
        st.households.residence[h] = Residence.Resident;
        st.households.landStatus[h] = Land.Lost; // no farming band
        st.households.care[h] = 0;
        st.households.detected[h] = 0;
        for (const q of members(st, h)) {
          st.persons.emp[q] = Emp.NotInLabourForce;
          st.persons.training[q] = 0;
          if (st.persons.age[q]! >= 16 && st.persons.age[q]! <= 59) out.push(q);
        }
      }
      st.sites.marketJobs[0] = 20;
      st.sites.supportJobs[0] = st.sites.talentFirms[0] = st.sites.promotionJobs[0] = 0;
      return out;
    };
    const qa = quiet(a);
    quiet(b);
    // The extra searcher is listed first, before every other searcher of the site.
    const extra = qa[0]!;
    const searchers = qa.slice(1);
    const c = contextAt(a, a.state.sites.openStep[0]! + 1);
    const hires = (x: Simulation, withExtra: boolean, draws: () => [KeyedRandom, KeyedRandom, KeyedRandom]) => {
      const P = x.state.persons;
      const emp = P.emp.slice(), tenure = P.tenureFrom.slice();
      // Unemployed for 5 months before this month's labour market (kernel/state.ts tenureOf).
      for (const q of searchers) [P.emp[q], P.tenureFrom[q]] = [Emp.Unemployed, c.step - 5];
      if (withExtra) [P.emp[extra], P.tenureFrom[extra]] = [Emp.Unemployed, c.step - 5];
      labourMarket(x.params, c, x.state, 0, ...draws());
      const hired = searchers.filter((q) => P.emp[q] === Emp.Local);
      const other = searchers.filter((q) => P.emp[q] !== Emp.Local && P.emp[q] !== Emp.Unemployed);
      P.emp.set(emp);
      P.tenureFrom.set(tenure);
      return { hired, other };
    };
    const keyedDraws = (): [KeyedRandom, KeyedRandom, KeyedRandom] => [source(9, "labour", c.step), source(9, "layoff", c.step), source(9, "search", c.step)];
    const without = hires(a, false, keyedDraws);
    const withOne = hires(b, true, keyedDraws);
    expect(without.hired.length).toBeGreaterThan(3);
    // One more searcher lowers everyone's chance of a local post a little: the hired are a subset.
    expect(withOne.hired.every((q) => without.hired.includes(q))).toBe(true);
    expect(without.hired.length - withOne.hired.length).toBeLessThanOrEqual(2);
    // Migrant work and businesses are bands below the local one: unchanged.
    expect(withOne.other).toEqual(without.other);
    // With one sequential stream (as before), the extra searcher's draw shifts the others'.
    const sequentialDraws = (): [KeyedRandom, KeyedRandom, KeyedRandom] => {
      const r = unkeyed(stream(9, 0, "labour"));
      return [r, r, r];
    };
    const seqWithout = hires(a, false, sequentialDraws);
    const seqWith = hires(b, true, sequentialDraws);
    const moved = seqWith.hired.filter((q) => !seqWithout.hired.includes(q)).length + seqWithout.hired.filter((q) => !seqWith.hired.includes(q)).length;
    expect(moved).toBeGreaterThan(2);
  });

  it("demography: a death leaves every other household's births, deaths and marriages over ten years as they were (persons matched by their key, whatever slot they took)", () => {
    const [a, b] = twins({}, 300, 8, 0);
    const s = busiestSite(a.state);
    const hh = householdsOf(a.state, s);
    const h = hh.find((k) => a.state.households.size[k]! >= 3)!;
    const victim = members(b.state, h)[0]!;
    removePerson(b.state, victim);
    // Every household's members by key: key, age, sex, married (sorted by key).
    const people = (x: Simulation) =>
      hh.filter((k) => k !== h).map((k) => members(x.state, k).map((q) => [x.state.persons.key[q]!, x.state.persons.age[q]!, x.state.persons.female[q]!, x.state.persons.married[q]!]).sort((u, v) => u[0]! - v[0]!));
    const run = (x: Simulation, draws: (step: number) => [KeyedRandom, KeyedRandom]) => {
      let overflow = 0;
      for (let step = 0; step < 120; step++) overflow += demography(x.params, contextAt(x, step), x.state, s, ...draws(step));
      expect(overflow).toBe(0);
      return people(x);
    };
    const keyedDraws = (step: number): [KeyedRandom, KeyedRandom] => [source(4, "demography", step), source(4, "split", step)];
    const before = people(a);
    const after = run(a, keyedDraws);
    expect(after).not.toEqual(before);
    expect(run(b, keyedDraws)).toEqual(after);
  });

  it("demography with one sequential stream per site (the design before) does not keep them: the death shifts later persons' draws", () => {
    const [a, b] = twins({}, 300, 8, 0);
    const s = busiestSite(a.state);
    const hh = householdsOf(a.state, s);
    const h = hh.find((k) => a.state.households.size[k]! >= 3)!;
    removePerson(b.state, members(b.state, h)[0]!);
    const people = (x: Simulation) => hh.filter((k) => k !== h).map((k) => members(x.state, k).map((q) => x.state.persons.age[q]!).sort());
    const run = (x: Simulation) => {
      const r = unkeyed(stream(4, s, "demography"));
      for (let step = 0; step < 120; step++) demography(x.params, contextAt(x, step), x.state, s, r, r);
      return people(x);
    };
    expect(run(b)).not.toEqual(run(a));
  });
});
