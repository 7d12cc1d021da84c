import { describe, expect, it } from "vitest";
import { earnings, labourMarket } from "../src/model/labourMarket.js";
import { skillFactor } from "../src/model/context.js";
import { Emp, Land, Residence, tenureOf, type State } from "../src/kernel/state.js";
import { monthly, stream, unkeyed, type KeyedRandom } from "../src/kernel/random.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, members, never, sim } from "./helpers.js";

/**
 * Site 0 with every household resident and nobody in the labour force, no local jobs; returns
 * the working-age persons so a test can put chosen ones into chosen states.
 */
function quietSite(s: Simulation): number[] {
  const st: State = s.state;
  const S = st.sites;
  const out: number[] = [];
  for (let h = S.hhStart[0]!; h < S.hhEnd[0]!; h++) {
    st.households.residence[h] = Residence.Resident;
    st.households.moveStep[h] = S.openStep[0]!;
    st.households.care[h] = 0;
    st.households.detected[h] = 0;
    for (const q of members(st, h)) {
      st.persons.emp[q] = Emp.NotInLabourForce;
      st.persons.training[q] = 0;
      st.persons.matched[q] = 0;
      if (st.persons.age[q]! >= 16 && st.persons.age[q]! <= 59) out.push(q);
    }
  }
  S.marketJobs[0] = 0;
  S.supportJobs[0] = 0;
  S.talentFirms[0] = 0;
  S.promotionJobs[0] = 0;
  return out;
}

const at = (s: Simulation) => contextAt(s, s.state.sites.openStep[0]! + 1);

/** labourMarket on site 0 with one sequential source for its labour, layoff and search draws, in the order it makes them. */
function step(s: Simulation, r: KeyedRandom, st: State = s.state, c = at(s)): void {
  labourMarket(s.params, c, st, 0, r, r, r);
}

/** Person q in state e for `tenure` months before the labour market of at(s)'s step (the clock of kernel/state.ts tenureOf). */
function put(st: State, q: number, e: number, tenure = 5, skill = 0.3): void {
  st.persons.emp[q] = e;
  st.persons.tenureFrom[q] = st.sites.openStep[0]! + 1 - tenure;
  st.persons.skill[q] = skill;
}

/** Run labourMarket for site 0 `reps` times from the same state with different streams; mean of `count` after each. */
function replicate(s: Simulation, reps: number, count: (st: State) => number): { mean: number; se: number } {
  const P = s.state.persons;
  const emp = P.emp.slice();
  const tenure = P.tenureFrom.slice();
  const xs: number[] = [];
  for (let k = 0; k < reps; k++) {
    step(s, unkeyed(stream(k, 0, "labour-test")));
    xs.push(count(s.state));
    P.emp.set(emp);
    P.tenureFrom.set(tenure);
  }
  const m = xs.reduce((a, b) => a + b, 0) / reps;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (reps - 1));
  return { mean: m, se: sd / Math.sqrt(reps) };
}

const countIn = (qs: number[], e: number) => (st: State) => qs.filter((q) => st.persons.emp[q] === e).length;

describe("labourMarket(p, c, st, s, r)", () => {
  it("changes nobody's state when no event is drawn, and adds a month of tenure to the labour force", () => {
    const s = sim();
    const qs = quietSite(s);
    const states = [Emp.Unemployed, Emp.Local, Emp.Migrant, Emp.SelfEmployed];
    qs.slice(0, 8).forEach((q, i) => put(s.state, q, states[i % 4]!, 5));
    s.state.sites.marketJobs[0] = 10;
    step(s, never);
    expect(qs.slice(0, 8).map((q) => s.state.persons.emp[q])).toEqual(qs.slice(0, 8).map((_, i) => states[i % 4]));
    // Read after the labour market: its clock is the step + 1.
    expect(qs.slice(0, 8).map((q) => tenureOf(s.state.persons.tenureFrom[q]!, at(s).step + 1))).toEqual(new Array(8).fill(6));
  });

  it("matches M = A·U^α·V^(1−α) searchers to local jobs when searchers are few", () => {
    const s = sim({ labour: { matchingEfficiency: 0.35, matchingElasticity: 0.5 } });
    const qs = quietSite(s).slice(0, 20);
    for (const q of qs) put(s.state, q, Emp.Unemployed);
    s.state.sites.marketJobs[0] = 20;
    const { mean, se } = replicate(s, 60, countIn(qs, Emp.Local));
    const expected = 0.35 * Math.sqrt(20 * 20);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
  });

  it("fills no more than the vacancies when searchers are many", () => {
    const s = sim();
    const qs = quietSite(s);
    expect(qs.length).toBeGreaterThan(150);
    for (const q of qs) put(s.state, q, Emp.Unemployed);
    const filled = qs.slice(0, 5);
    for (const q of filled) put(s.state, q, Emp.Local, 30);
    s.state.sites.marketJobs[0] = 15;
    const { mean, se } = replicate(s, 60, (st) => countIn(qs.slice(5), Emp.Local)(st));
    // Ten vacancies; a few of the five filled posts separate and reopen within the month.
    expect(mean).toBeLessThan(10 + 0.2 + 4 * se);
    expect(mean).toBeGreaterThan(10 - 4 * se);
  });

  it("gives needs-based graduates (needsBasedMatchWeight) and detected households (x2) a larger share of local hires", () => {
    const s = sim({ policies: { vocationalTraining: { mode: "needsBased", needsBasedMatchWeight: 3 } } });
    const st = s.state;
    const qs = quietSite(s);
    for (const q of qs) put(st, q, Emp.Unemployed);
    const matched = qs.filter((_, i) => i % 2 === 0);
    const plain = qs.filter((_, i) => i % 2 === 1);
    for (const q of matched) st.persons.matched[q] = 1;
    st.sites.marketJobs[0] = 30;
    const a = replicate(s, 40, countIn(matched, Emp.Local)).mean / matched.length;
    const b = replicate(s, 40, countIn(plain, Emp.Local)).mean / plain.length;
    expect(a / b).toBeGreaterThan(2.2);
    expect(a / b).toBeLessThan(4);
  });

  it("needs-based training raises total local matches at equal vacancies (effective searchers Σw enter M)", () => {
    const total = (mode: "uniform" | "needsBased") => {
      const s = sim({ labour: { separationRate: 0, startupRate: 0 }, environment: { migrantFindRate: 0 }, policies: { vocationalTraining: { mode, needsBasedMatchWeight: 2.5 } } });
      const st = s.state;
      const qs = quietSite(s).slice(0, 40);
      // The same searchers in both runs; half of them graduates of a course tied to local industry.
      qs.forEach((q, i) => { put(st, q, Emp.Unemployed); st.persons.matched[q] = i % 2; });
      st.sites.marketJobs[0] = 30;
      return replicate(s, 60, countIn(qs, Emp.Local));
    };
    const uniform = total("uniform");
    const needs = total("needsBased");
    // M = 0.35·√(E·V): E = 40 plain searchers → 12.1; E = 20 + 20·2.5 = 70 → 16.0.
    expect(Math.abs(uniform.mean - 0.35 * Math.sqrt(40 * 30))).toBeLessThan(4 * uniform.se + 0.5);
    expect(needs.mean - uniform.mean).toBeGreaterThan(4 * Math.hypot(needs.se, uniform.se));
    expect(Math.abs(needs.mean - 0.35 * Math.sqrt(70 * 30))).toBeLessThan(4 * needs.se + 0.5);
  });

  it("lays off the excess when filled local posts exceed the site's jobs", () => {
    const s = sim({ labour: { separationRate: 0 } });
    const qs = quietSite(s).slice(0, 40);
    for (const q of qs) put(s.state, q, Emp.Local, 30);
    s.state.sites.marketJobs[0] = 10;
    const { mean, se } = replicate(s, 60, countIn(qs, Emp.Local));
    expect(Math.abs(mean - 10)).toBeLessThan(4 * se + 0.5);
  });

  it("separates local workers at the monthly hazard (lower with employmentPromotion)", () => {
    for (const [policies, hazard] of [[{}, monthly(0.2)], [{ employmentPromotion: { enabled: true, separationReduction: 0.3 } }, monthly(0.2) * 0.7]] as const) {
      const s = sim({ labour: { separationRate: 0.2 }, policies });
      const qs = quietSite(s);
      for (const q of qs) put(s.state, q, Emp.Local, 30);
      s.state.sites.marketJobs[0] = qs.length + 10;
      const { mean, se } = replicate(s, 40, countIn(qs, Emp.Unemployed));
      expect(Math.abs(mean / qs.length - hazard)).toBeLessThan((4 * se) / qs.length + 0.002);
    }
  });

  it("sends returning migrants of households not yet at the site to farm their kept land", () => {
    const s = sim();
    const st = s.state;
    const qs = quietSite(s);
    const q = qs[0]!;
    const h = st.persons.household[q]!;
    st.households.residence[h] = Residence.Transitional;
    st.households.landStatus[h] = Land.Kept;
    st.households.land[h] = 3;
    put(st, q, Emp.Migrant);
    step(s, always);
    expect(st.persons.emp[q]).toBe(Emp.Farming);
    st.households.landStatus[h] = Land.Lost;
    step(s, never);
    expect(st.persons.emp[q]).toBe(Emp.Unemployed);
  });

  it("entrepreneurshipSupport: a rent-free business survives a draw that closes one paying full rent", () => {
    const u = monthly(0.3) * 0.6;
    const draw = unkeyed(() => u);
    for (const [enabled, survives] of [[false, false], [true, true]] as const) {
      const s = sim({ labour: { businessFailureEarly: 0.3 }, policies: { entrepreneurshipSupport: { enabled, rentReduction: 1 } } });
      const q = quietSite(s)[0]!;
      put(s.state, q, Emp.SelfEmployed, 10);
      step(s, draw);
      expect(s.state.persons.emp[q] === Emp.SelfEmployed).toBe(survives);
    }
  });

  it("entrepreneurshipSupport: start-up knowledge turns a searcher's draw into a business start", () => {
    // The draw lies between the base start-up probability and the boosted one.
    const base = monthly(0.01) * (0.5 + 0.3);
    const draw = unkeyed(() => 1.5 * base);
    const outcome = (enabled: boolean) => {
      const s = sim({ labour: { startupRate: 0.01 }, policies: { entrepreneurshipSupport: { enabled, startupKnowledgeBoost: 1 } } });
      const q = quietSite(s)[0]!;
      put(s.state, q, Emp.Unemployed, 5, 0.3);
      s.state.households.savings[s.state.persons.household[q]!] = 1e6; // the start-up capital does not bind
      step(s, draw);
      return s.state.persons.emp[q];
    };
    expect(outcome(true)).toBe(Emp.SelfEmployed);
    expect(outcome(false)).not.toBe(Emp.SelfEmployed);
  });

  it("start-up capital: a business needs savings for income.startupCapital; entrepreneurshipSupport pays startupCapitalCover of it", () => {
    // Savings of 3,000 yuan: below the 10,000 needed alone, above the 2,000 left with 80% covered.
    const start = (enabled: boolean) => {
      const s = sim({ labour: { startupRate: 0.5 }, policies: { entrepreneurshipSupport: { enabled, startupKnowledgeBoost: 0, startupCapitalCover: 0.8 } } });
      const q = quietSite(s)[0]!;
      const h = s.state.persons.household[q]!;
      put(s.state, q, Emp.Unemployed, 5, 0.3);
      s.state.households.savings[h] = 3000;
      const c = at(s);
      step(s, always, s.state, c);
      return { emp: s.state.persons.emp[q], savings: s.state.households.savings[h]!, own: 10000 * 0.2 * c.priceIndex };
    };
    const without = start(false);
    expect(without.emp).not.toBe(Emp.SelfEmployed);
    expect(without.savings).toBe(3000);
    const supported = start(true);
    expect(supported.emp).toBe(Emp.SelfEmployed);
    expect(supported.savings).toBeCloseTo(3000 - supported.own, 6);
  });

  it("lets unemployed persons search only after a month out of work", () => {
    const s = sim();
    const qs = quietSite(s).slice(0, 10);
    for (const q of qs) put(s.state, q, Emp.Unemployed, 0);
    s.state.sites.marketJobs[0] = 10;
    step(s, always);
    expect(qs.every((q) => s.state.persons.emp[q] === Emp.Unemployed)).toBe(true);
  });
});

describe("earnings(p, c, st, s, q, resident)", () => {
  it("pays local wages by site type, wage factor and skill; migrants remit; businesses pay rent; farmers earn at prices", () => {
    const s = sim();
    const st = s.state;
    const c = at(s);
    const q = quietSite(s)[0]!;
    const p = s.params;
    const sf = skillFactor(0.5);
    put(st, q, Emp.Local, 5, 0.5);
    expect(earnings(p, c, st, 0, q, true)).toBeCloseTo(c.urbanWage * st.sites.wageFactor[0]! * sf, 6);
    expect(earnings(p, c, st, 0, q, false)).toBeCloseTo(c.ruralWage * sf, 6);
    put(st, q, Emp.Migrant, 5, 0.5);
    expect(earnings(p, c, st, 0, q, true)).toBeCloseTo(c.migrantWage * sf * p.environment.remittanceShare, 6);
    put(st, q, Emp.SelfEmployed, 5, 0.5);
    expect(earnings(p, c, st, 0, q, true)).toBeCloseTo(c.urbanWage * 1.3 * sf - 700 * c.priceIndex, 6);
    put(st, q, Emp.Farming, 5, 0.5);
    expect(earnings(p, c, st, 0, q, false)).toBeCloseTo(p.labour.farmingIncome * c.priceIndex, 6);
    put(st, q, Emp.Unemployed, 5, 0.5);
    expect(earnings(p, c, st, 0, q, true)).toBe(0);
  });

  it("entrepreneurshipSupport: waives the rent of a supported business", () => {
    const s = sim({ policies: { entrepreneurshipSupport: { enabled: true, rentReduction: 1, supportMonths: 36 } } });
    const st = s.state;
    const c = at(s);
    const q = quietSite(s)[0]!;
    put(st, q, Emp.SelfEmployed, 12, 0.5);
    expect(earnings(s.params, c, st, 0, q, true)).toBeCloseTo(c.urbanWage * 1.3 * skillFactor(0.5), 6);
    put(st, q, Emp.SelfEmployed, 40, 0.5);
    expect(earnings(s.params, c, st, 0, q, true)).toBeCloseTo(c.urbanWage * 1.3 * skillFactor(0.5) - 700 * c.priceIndex, 6);
  });
});
