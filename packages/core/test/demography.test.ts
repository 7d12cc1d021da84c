import { describe, expect, it } from "vitest";
import { crowding, demography, updateCare } from "../src/model/demography.js";
import { Emp, Residence, removePerson, type State } from "../src/kernel/state.js";
import { unkeyed } from "../src/kernel/random.js";
import { always, contextAt, members, never, sim } from "./helpers.js";

/** No births, marriages or deaths unless a test asks for them. */
const quiet = { demography: { mortalityA: 0, fertility: 0, marriage: 0 } };

/** Give every person of site s a birthday in another month than `month`, so only chosen persons have events. */
function isolate(st: State, s: number, month: number): void {
  for (let h = st.sites.hhStart[s]!; h < st.sites.hhEnd[s]!; h++) for (const q of members(st, h)) st.persons.birthMonth[q] = (month % 12) + 1;
}

/** The first household of site 0 with at least `size` members. */
function householdOfSize(st: State, size: number): number {
  for (let h = st.sites.hhStart[0]!; h < st.sites.hhEnd[0]!; h++) if (st.households.size[h]! >= size) return h;
  throw new Error(`no household of size ${size} at site 0`);
}

describe("demography(p, c, st, s, r)", () => {
  it("removes a person who dies in their birth month, unlinks them and frees the slot", () => {
    const s = sim({ demography: { fertility: 0, marriage: 0 } });
    const st = s.state;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 3);
    const q = members(st, h)[1]!;
    st.persons.birthMonth[q] = c.month;
    const size = st.households.size[h]!;
    const free = st.sites.freeCount[0]!;
    demography(s.params, c, st, 0, always, never);
    expect(st.persons.alive[q]).toBe(0);
    expect(st.households.size[h]).toBe(size - 1);
    expect(members(st, h)).not.toContain(q);
    expect(members(st, h).length).toBe(size - 1);
    expect(st.sites.freeCount[0]).toBe(free + 1);
    expect(st.persons.freeStack[st.sites.pStart[0]! + free]).toBe(q);
  });

  it("keeps the last member of a household of one alive", () => {
    const s = sim({ demography: { mortalityA: 0.1, mortalityB: 0.3 } });
    const st = s.state;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = st.sites.hhStart[0]!;
    const keep = members(st, h)[0]!;
    for (const q of members(st, h).slice(1)) st.persons.birthMonth[q] = c.month;
    st.persons.birthMonth[keep] = c.month;
    demography(s.params, c, st, 0, always, never);
    expect(st.households.size[h]).toBe(1);
    expect(members(st, h).length).toBe(1);
  });

  it("links a newborn to the household of a married woman aged 20-39, in a new slot of the site's range", () => {
    const s = sim({ demography: { mortalityA: 0, fertility: 1, marriage: 0 } });
    const st = s.state;
    const P = st.persons;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 2);
    const mother = members(st, h)[0]!;
    P.female[mother] = 1;
    P.married[mother] = 1;
    P.age[mother] = 25;
    P.birthMonth[mother] = c.month;
    const size = st.households.size[h]!;
    const used = st.sites.pNext[0]!;
    demography(s.params, c, st, 0, always, never);
    expect(st.households.size[h]).toBe(size + 1);
    const child = st.households.first[h]!;
    expect(child).not.toBe(mother);
    expect(P.alive[child]).toBe(1);
    expect(P.household[child]).toBe(h);
    expect(P.age[child]).toBe(0);
    expect(P.inSchool[child]).toBe(1);
    expect(P.emp[child]).toBe(Emp.NotInLabourForce);
    expect(st.sites.pNext[0]).toBe(used + 1);
    expect(st.households.care[h]).toBe(1);
  });

  it("gives a newborn the slot of a person who died first", () => {
    const s = sim({ demography: { mortalityA: 0, fertility: 1, marriage: 0 } });
    const st = s.state;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 3);
    const [mother, gone] = members(st, h) as [number, number];
    removePerson(st, gone);
    Object.entries({ female: 1, married: 1, age: 30, birthMonth: c.month }).forEach(([k, v]) => ((st.persons as any)[k][mother] = v));
    demography(s.params, c, st, 0, always, never);
    expect(st.households.first[h]).toBe(gone);
    expect(st.persons.alive[gone]).toBe(1);
    expect(st.sites.freeCount[0]).toBe(0);
  });

  it("returns the number of births and marriages that found the site's person range full", () => {
    const s = sim({ demography: { mortalityA: 0, fertility: 1, marriage: 0 } });
    const st = s.state;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 2);
    const mother = members(st, h)[0]!;
    st.persons.female[mother] = 1;
    st.persons.married[mother] = 1;
    st.persons.age[mother] = 30;
    st.persons.birthMonth[mother] = c.month;
    st.sites.pNext[0] = st.sites.pEnd[0]!;
    st.sites.freeCount[0] = 0;
    const size = st.households.size[h]!;
    expect(demography(s.params, c, st, 0, always, never)).toBe(1);
    expect(st.households.size[h]).toBe(size);
  });

  it("marries a single son aged 20-34: his bride joins the household", () => {
    const s = sim({ demography: { mortalityA: 0, fertility: 0, marriage: 1 } });
    const st = s.state;
    const P = st.persons;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 2);
    const son = members(st, h)[0]!;
    P.female[son] = 0;
    P.married[son] = 0;
    P.age[son] = 24;
    P.birthMonth[son] = c.month;
    const size = st.households.size[h]!;
    demography(s.params, c, st, 0, always, never);
    expect(P.married[son]).toBe(1);
    expect(st.households.size[h]).toBe(size + 1);
    const bride = st.households.first[h]!;
    expect(P.female[bride]).toBe(1);
    expect(P.married[bride]).toBe(1);
    expect(P.age[bride]).toBeGreaterThanOrEqual(18);
    expect(P.household[bride]).toBe(h);
  });

  it("splits a marrying son off with his bride (the split stream), more often from a crowded home; counted in the site's splits", () => {
    const marry = (crowded: boolean, draw: number) => {
      const s = sim({ demography: { mortalityA: 0, fertility: 0, marriage: 1, splitBase: 0.3, splitCrowding: 4 } });
      const st = s.state;
      const P = st.persons;
      const H = st.households;
      const c = contextAt(s, 0);
      isolate(st, 0, c.month);
      const h = householdOfSize(st, 3);
      H.residence[h] = Residence.Resident;
      // The couple makes size + 1 members: 25 m2 each, or 20% short of it.
      H.area[h] = 25 * (H.size[h]! + 1) * (crowded ? 0.8 : 1);
      const son = members(st, h)[0]!;
      P.female[son] = 0;
      P.married[son] = 0;
      P.age[son] = 24;
      P.birthMonth[son] = c.month;
      const size = H.size[h]!;
      demography(s.params, c, st, 0, always, unkeyed(() => draw));
      return { change: H.size[h]! - size, splits: st.sites.splits[0]!, sonHere: P.alive[son] === 1 && P.household[son] === h };
    };
    // logistic(logit(0.3)) = 0.3 uncrowded; logistic(logit(0.3) + 4 · 0.2) = 0.49 crowded.
    expect(marry(false, 0.2)).toEqual({ change: -1, splits: 1, sonHere: false });
    expect(marry(false, 0.4)).toEqual({ change: 1, splits: 0, sonHere: true });
    expect(marry(true, 0.4)).toEqual({ change: -1, splits: 1, sonHere: false });
  });

  it("keeps crowding bounded over ten years: splits hold the crowded share below what it reaches without them", () => {
    // Three seeds pooled: at 600 households one seed's ratio ranges 0.80-0.90.
    const crowdedShare = (splitBase: number, splitCrowding: number) => {
      let crowded = 0, splits = 0;
      for (const seed of [1, 2, 3]) {
        const s = sim({ horizon: { months: 120 }, demography: { splitBase, splitCrowding } }, 600, seed);
        while (s.stepsDone < 120) s.step();
        for (let k = 0; k < s.state.sites.count; k++) splits += s.state.sites.splits[k]!;
        crowded += s.metric("crowded_share", "all", 120) / 3;
      }
      return { crowded, splits };
    };
    const none = crowdedShare(0, 0);
    const some = crowdedShare(0.3, 4);
    expect(none.splits).toBe(0);
    expect(some.splits).toBeGreaterThan(60);
    expect(some.crowded).toBeLessThan(0.9 * none.crowded);
  });

  it("marries a single daughter aged 20-34 out of the household", () => {
    const s = sim({ demography: { mortalityA: 0, fertility: 0, marriage: 1 } });
    const st = s.state;
    const P = st.persons;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 2);
    const daughter = members(st, h)[0]!;
    P.female[daughter] = 1;
    P.married[daughter] = 0;
    P.age[daughter] = 22;
    P.birthMonth[daughter] = c.month;
    const size = st.households.size[h]!;
    demography(s.params, c, st, 0, always, never);
    expect(P.alive[daughter]).toBe(0);
    expect(st.households.size[h]).toBe(size - 1);
    expect(members(st, h)).not.toContain(daughter);
  });

  it("ages each person by one year in their birth month only", () => {
    const s = sim(quiet);
    const st = s.state;
    const c = contextAt(s, 5);
    const before = Array.from(st.persons.age);
    demography(s.params, c, st, 0, never, never);
    let aged = 0, wrong = 0;
    for (let h = st.sites.hhStart[0]!; h < st.sites.hhEnd[0]!; h++) {
      for (const q of members(st, h)) {
        const expected = before[q]! + (st.persons.birthMonth[q] === c.month ? 1 : 0);
        if (st.persons.age[q] !== expected) wrong++;
        if (st.persons.birthMonth[q] === c.month) aged++;
      }
    }
    expect(wrong).toBe(0);
    expect(aged).toBeGreaterThan(0);
  });

  it("moves a school-leaver into the labour force at the working age and a 64-year-old out of it at 65", () => {
    const s = sim(quiet);
    const st = s.state;
    const P = st.persons;
    const c = contextAt(s, 0);
    isolate(st, 0, c.month);
    const h = householdOfSize(st, 2);
    const [young, old] = members(st, h) as [number, number];
    Object.entries({ age: 15, inSchool: 1, disabled: 0, married: 0, emp: Emp.NotInLabourForce }).forEach(([k, v]) => ((P as any)[k][young] = v));
    Object.entries({ age: 64, inSchool: 0, disabled: 0, emp: Emp.Local, training: 2 }).forEach(([k, v]) => ((P as any)[k][old] = v));
    P.birthMonth[young] = c.month;
    P.birthMonth[old] = c.month;
    demography(s.params, c, st, 0, always, never);
    expect(P.age[young]).toBe(16);
    expect(P.inSchool[young]).toBe(0);
    expect(P.emp[young]).toBe(Emp.Unemployed);
    expect(P.age[old]).toBe(65);
    expect(P.emp[old]).toBe(Emp.NotInLabourForce);
    expect(P.training[old]).toBe(0);
  });

  it("leaves the home's area alone without the housing-adjustment lever", () => {
    const s = sim(quiet);
    const st = s.state;
    const h = householdOfSize(st, 3);
    st.households.residence[h] = Residence.Resident;
    st.households.area[h] = 25;
    demography(s.params, contextAt(s, 0), st, 0, never, never);
    expect(st.households.area[h]).toBe(25);
  });

  it("enlarges a crowded home to 25 m2 a member delayMonths after it became crowded, with housingAdjustment", () => {
    const s = sim({ ...quiet, policies: { housingAdjustment: { enabled: true, delayMonths: 12 } } });
    const st = s.state;
    const H = st.households;
    const h = householdOfSize(st, 3);
    H.residence[h] = Residence.Resident;
    H.area[h] = 25 * (H.size[h]! - 1);
    st.sites.totalArea[0] = 1000;
    demography(s.params, contextAt(s, 3), st, 0, never, never);
    expect(H.adjustAt[h]).toBe(15);
    expect(H.area[h]).toBe(25 * (H.size[h]! - 1));
    demography(s.params, contextAt(s, 15), st, 0, never, never);
    expect(H.area[h]).toBe(25 * H.size[h]!);
    expect(st.sites.totalArea[0]).toBe(1025);
    expect(H.adjustAt[h]).toBe(-1);
  });
});

describe("crowding(p, st, h)", () => {
  it("is 0 before signing, 0 at 25 m2 a member and the missing share of the needed area below it", () => {
    const s = sim();
    const st = s.state;
    const H = st.households;
    const h = householdOfSize(st, 2);
    H.area[h] = 0;
    expect(crowding(s.params, st, h)).toBe(0);
    H.residence[h] = Residence.Transitional;
    H.area[h] = 25 * H.size[h]!;
    expect(crowding(s.params, st, h)).toBe(0);
    H.area[h] = 12.5 * H.size[h]!;
    expect(crowding(s.params, st, h)).toBeCloseTo(0.5, 12);
  });
});

describe("updateCare(st, h)", () => {
  it("marks a household with a child under 6 or an elder over 80 as caring", () => {
    const s = sim();
    const st = s.state;
    const h = householdOfSize(st, 2);
    for (const q of members(st, h)) st.persons.age[q] = 30;
    updateCare(st, h);
    expect(st.households.care[h]).toBe(0);
    st.persons.age[members(st, h)[0]!] = 85;
    updateCare(st, h);
    expect(st.households.care[h]).toBe(1);
  });
});
