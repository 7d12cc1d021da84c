import { describe, expect, it } from "vitest";
import { training } from "../src/model/training.js";
import { Emp, Residence, tenureOf, type State } from "../src/kernel/state.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, members, never, sim } from "./helpers.js";

/** Make household h of site 0 the only resident one, with four working-age members; return them. */
function setUp(s: Simulation): { h: number; q: number[] } {
  const st: State = s.state;
  const S = st.sites;
  for (let h = S.hhStart[0]!; h < S.hhEnd[0]!; h++) st.households.residence[h] = Residence.Pending;
  for (let h = S.hhStart[0]!; h < S.hhEnd[0]!; h++) {
    if (st.households.size[h]! < 4) continue;
    st.households.residence[h] = Residence.Resident;
    const q = members(st, h).slice(0, 4);
    for (const p of q) { st.persons.age[p] = 30; st.persons.training[p] = 0; st.persons.matched[p] = 0; st.persons.skill[p] = 0.3; }
    return { h, q };
  }
  throw new Error("no household of four at site 0");
}

const at = (s: Simulation, months = 0) => contextAt(s, s.state.sites.openStep[0]! + months);

describe("training(p, c, st, s, r)", () => {
  it("puts unemployed residents and low-skilled farmers into a course; farmers stop farming for it", () => {
    const s = sim({ policies: { vocationalTraining: { mode: "uniform", courseMonths: 3 } } });
    const P = s.state.persons;
    const { q } = setUp(s);
    const [unemployed, lowFarmer, farmer, local] = q as [number, number, number, number];
    P.emp[unemployed] = Emp.Unemployed;
    P.emp[lowFarmer] = Emp.Farming;
    P.skill[lowFarmer] = 0.2;
    P.emp[farmer] = Emp.Farming;
    P.skill[farmer] = 0.5;
    P.emp[local] = Emp.Local;
    training(s.params, at(s), s.state, 0, always);
    expect([P.training[unemployed], P.training[lowFarmer], P.training[farmer], P.training[local]]).toEqual([3, 3, 0, 0]);
    expect(P.emp[lowFarmer]).toBe(Emp.Unemployed);
    expect(P.emp[farmer]).toBe(Emp.Farming);
  });

  it("trains nobody with mode none, before the site opens, or outside resident households", () => {
    for (const [mode, months, residence] of [["none", 0, Residence.Resident], ["uniform", -1, Residence.Resident], ["uniform", 0, Residence.Transitional]] as const) {
      const s = sim({ policies: { vocationalTraining: { mode } } });
      const { h, q } = setUp(s);
      s.state.households.residence[h] = residence;
      for (const p of q) s.state.persons.emp[p] = Emp.Unemployed;
      training(s.params, at(s, months), s.state, 0, always);
      expect(q.map((p) => s.state.persons.training[p])).toEqual([0, 0, 0, 0]);
    }
  });

  it("uniform: a graduate gains uniformSkillGain and no local match", () => {
    const s = sim({ policies: { vocationalTraining: { mode: "uniform", uniformSkillGain: 0.08 } } });
    const P = s.state.persons;
    const { q } = setUp(s);
    const p = q[0]!;
    P.emp[p] = Emp.Unemployed;
    P.training[p] = 2;
    training(s.params, at(s), s.state, 0, never);
    expect(P.training[p]).toBe(1);
    expect(P.skill[p]).toBeCloseTo(0.3, 6);
    training(s.params, at(s, 1), s.state, 0, never);
    expect(P.training[p]).toBe(0);
    expect(P.skill[p]).toBeCloseTo(0.38, 6);
    expect(P.matched[p]).toBe(0);
    expect(P.emp[p]).toBe(Emp.Unemployed);
  });

  it("needsBased: a graduate gains needsBasedSkillGain and a match to the site's own industries", () => {
    const s = sim({ policies: { vocationalTraining: { mode: "needsBased", needsBasedSkillGain: 0.06 } } });
    const P = s.state.persons;
    const { q } = setUp(s);
    const p = q[0]!;
    P.emp[p] = Emp.Unemployed;
    P.training[p] = 1;
    training(s.params, at(s), s.state, 0, never);
    expect(P.skill[p]).toBeCloseTo(0.36, 6);
    expect(P.matched[p]).toBe(1);
    expect(P.emp[p]).toBe(Emp.Unemployed);
  });

  it("needsBased: a placed graduate takes a new local post that a local employer opens", () => {
    const s = sim({ policies: { vocationalTraining: { mode: "needsBased", needsBasedPlacement: 0.1 } } });
    const P = s.state.persons;
    const S = s.state.sites;
    const { q } = setUp(s);
    const [placed, employed] = q as [number, number];
    P.emp[placed] = Emp.Unemployed;
    P.training[placed] = 1;
    P.emp[employed] = Emp.Migrant;
    P.training[employed] = 1;
    S.marketJobs[0] = 4;
    training(s.params, at(s), s.state, 0, always);
    expect(P.emp[placed]).toBe(Emp.Local);
    // Tenure starts again: 0 on the labour market's clock before its phase (kernel/state.ts tenureOf).
    expect(tenureOf(P.tenureFrom[placed]!, at(s).step)).toBe(0);
    // Someone who found work during the course keeps it and opens no post.
    expect(P.emp[employed]).toBe(Emp.Migrant);
    expect(S.marketJobs[0]).toBe(5);
  });

  it("talentIntroduction: graduates gain more while introduced enterprises operate at the site", () => {
    const s = sim({ policies: { vocationalTraining: { mode: "uniform", uniformSkillGain: 0.08 }, talentIntroduction: { enabled: true, trainingSpillover: 0.5 } } });
    const P = s.state.persons;
    const { q } = setUp(s);
    const [a, b] = q as [number, number];
    for (const p of [a, b]) { P.emp[p] = Emp.Unemployed; P.training[p] = 1; }
    training(s.params, at(s), s.state, 0, never);
    expect(P.skill[a]).toBeCloseTo(0.38, 6);
    s.state.sites.talentFirms[0] = 1;
    P.training[b] = 1;
    P.skill[b] = 0.3;
    training(s.params, at(s, 1), s.state, 0, never);
    expect(P.skill[b]).toBeCloseTo(0.42, 6);
  });

  it("drops the course of a trainee who has left the labour force", () => {
    const s = sim();
    const P = s.state.persons;
    const { q } = setUp(s);
    P.emp[q[0]!] = Emp.NotInLabourForce;
    P.training[q[0]!] = 2;
    training(s.params, at(s), s.state, 0, never);
    expect(P.training[q[0]!]).toBe(0);
    expect(P.skill[q[0]!]).toBeCloseTo(0.3, 6);
  });
});
