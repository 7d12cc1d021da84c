import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { integration, rightsSecurity } from "../src/model/integration.js";
import { Emp, Land, Registration, Residence, countMembers } from "../src/kernel/state.js";
import type { Simulation } from "../src/index.js";
import { contextAt, householdsOf, members, sim, stepPastOpening } from "./helpers.js";

/** Site 0 open, every household resident since its opening, integration at 0.3 in every dimension. */
function residentSite(params: Record<string, unknown> = {}): Simulation {
  const s = sim(params);
  const H = s.state.households;
  for (const h of householdsOf(s.state, 0)) {
    H.residence[h] = Residence.Resident;
    H.moveStep[h] = s.state.sites.openStep[0]!;
    H.intEcon[h] = H.intSocial[h] = H.intPsych[h] = 0.3;
    H.area[h] = 25 * H.size[h]!;
  }
  const S = s.state.sites;
  S.activity[0] = 0.3;
  S.serviceQuality[0] = 0.55;
  S.safety[0] = 0.5;
  S.housingCondition[0] = 1;
  return s;
}

/** Share of household h's labour in local work or business, as integration reads it. */
function localShare(s: Simulation, h: number): number {
  const H = s.state.households;
  return H.nLabour[h]! > 0 ? (H.nLocal[h]! + H.nSelf[h]!) / H.nLabour[h]! : 0;
}

const month = (s: Simulation, m = 12) => contextAt(s, s.state.sites.openStep[0]! + m);

/** Run integration on site 0 from the same starting state for each variant; return household h's values. */
function variants(s: Simulation, h: number, change: Array<() => void>): Array<{ econ: number; social: number; psych: number }> {
  const H = s.state.households;
  const cols = [H.intEcon, H.intSocial, H.intPsych, H.tiesSite, H.tiesOrigin, H.area, H.registration] as const;
  const saved = cols.map((c) => c.slice());
  return change.map((f) => {
    cols.forEach((c, i) => (c as Float32Array).set(saved[i] as Float32Array));
    f();
    integration(s.params, month(s), s.state, 0);
    return { econ: H.intEcon[h]!, social: H.intSocial[h]!, psych: H.intPsych[h]! };
  });
}

describe("integration(p, c, st, s)", () => {
  it("leaves households that do not live at the site, and sites not yet open, unchanged", () => {
    const s = residentSite();
    const H = s.state.households;
    const [a, b, c] = householdsOf(s.state, 0) as [number, number, number];
    H.residence[a] = Residence.Transitional;
    H.residence[b] = Residence.Returned;
    integration(s.params, month(s), s.state, 0);
    expect([H.intEcon[a], H.intSocial[a], H.intPsych[a], H.intEcon[b]]).toEqual([0.3, 0.3, 0.3, 0.3].map(Math.fround));
    expect(H.intEcon[c]).not.toBe(Math.fround(0.3));
    const later = residentSite();
    integration(later.params, contextAt(later, later.state.sites.openStep[0]! - 1), later.state, 0);
    expect(later.state.households.intEcon[c]).toBe(Math.fround(0.3));
  });

  it("sets economic integration to 0.15 + 0.45·(share employed) + 0.4·min(1, income / 2 lines) at adjustmentRate 1", () => {
    const s = residentSite({ integration: { adjustmentRate: 1 } });
    const st = s.state;
    const [rich, idle] = householdsOf(st, 0).filter((h) => st.households.size[h]! >= 2) as [number, number];
    for (const q of members(st, rich)) st.persons.emp[q] = Emp.Local;
    st.households.income12[rich] = 1e6;
    for (const q of members(st, idle)) st.persons.emp[q] = Emp.Unemployed;
    st.households.income12[idle] = 0;
    // Integration reads the member counts that income() keeps; recount after editing by hand.
    countMembers(st, rich);
    countMembers(st, idle);
    integration(s.params, month(s), st, 0);
    expect(st.households.intEcon[rich]).toBeCloseTo(1, 6);
    expect(st.households.intEcon[idle]).toBeCloseTo(0.15, 6);
  });

  it("moves each dimension a share adjustmentRate of the way to its target", () => {
    const fast = residentSite({ integration: { adjustmentRate: 1 } });
    const slow = residentSite({ integration: { adjustmentRate: 0.06 } });
    const h = householdsOf(fast.state, 0)[3]!;
    integration(fast.params, month(fast), fast.state, 0);
    integration(slow.params, month(slow), slow.state, 0);
    const target = fast.state.households.intPsych[h]!;
    expect(slow.state.households.intPsych[h]).toBeCloseTo(0.3 + 0.06 * (target - 0.3), 6);
  });

  it("averages the own social target with the neighbours' social integration by peerWeight", () => {
    const s = residentSite({ integration: { adjustmentRate: 1, peerWeight: 1 } });
    const H = s.state.households;
    for (const h of householdsOf(s.state, 0)) H.intSocial[h] = 0.7;
    integration(s.params, month(s), s.state, 0);
    expect(householdsOf(s.state, 0).every((h) => Math.abs(H.intSocial[h]! - 0.7) < 1e-6)).toBe(true);
    const own = residentSite({ integration: { adjustmentRate: 1, peerWeight: 0 } });
    const h = householdsOf(own.state, 0)[0]!;
    const Ho = own.state.households;
    for (const q of members(own.state, h)) own.state.persons.emp[q] = Emp.NotInLabourForce;
    countMembers(own.state, h);
    Ho.tiesSite[h] = 0.2;
    integration(own.params, month(own), own.state, 0);
    const ties = 0.2 + 0.02 * (0.5 * 0.3) * 0.8;
    expect(Ho.tiesSite[h]).toBeCloseTo(ties, 6);
    expect(Ho.intSocial[h]).toBeCloseTo(0.4 * 0.3 + 0.3 * 0.55 + 0.3 * ties, 6);
  });

  it("lowers the psychological target by crowdingPenalty per unit of crowding", () => {
    const s = residentSite({ integration: { adjustmentRate: 1, crowdingPenalty: 0.6 } });
    const H = s.state.households;
    const h = householdsOf(s.state, 0).find((k) => H.size[k]! >= 2)!;
    const [roomy, crowded] = variants(s, h, [() => {}, () => (H.area[h] = 12.5 * H.size[h]!)]);
    expect(roomy!.psych - crowded!.psych).toBeCloseTo(0.6 * 0.5, 5);
  });

  it("raises the psychological target with safety, security of rights, ties at the site and housing condition", () => {
    const s = residentSite({ integration: { adjustmentRate: 1, housingConditionWeight: 0.3, safetyWeight: 0.3, rightsWeight: 0.2, siteTiesWeight: 0.15 } });
    const H = s.state.households;
    const S = s.state.sites;
    const h = householdsOf(s.state, 0)[1]!;
    // Keep the target inside [0, 1] so the differences are exact.
    const origin = () => { H.registration[h] = Registration.Origin; H.landStatus[h] = Land.Lost; H.tiesSite[h] = 0; };
    const [base, dual, safer, worn, tied] = variants(s, h, [
      origin,
      () => { origin(); H.registration[h] = Registration.Dual; },
      () => { origin(); S.safety[0] = 0.6; },
      () => { origin(); S.safety[0] = 0.5; S.housingCondition[0] = 0.5; },
      () => { origin(); S.housingCondition[0] = 1; H.tiesSite[h] = 0.5; },
    ]);
    // Origin registration: origin rights only (0.5); both books: origin and destination rights (1).
    expect(dual!.psych - base!.psych).toBeCloseTo(0.2 * 0.5, 5);
    expect(safer!.psych - base!.psych).toBeCloseTo(0.3 * 0.1, 5);
    expect(base!.psych - worn!.psych).toBeCloseTo(0.3 * 0.5, 5);
    // Ties grow within the month by tieFormationRate·0.5·activity·(1 − ties) before entering the target.
    const ties = (t: number) => t + 0.02 * (0.5 * 0.3 + 0.5 * localShare(s, h)) * (1 - t);
    expect(tied!.psych - base!.psych).toBeCloseTo(0.15 * (ties(0.5) - ties(0)), 5);
  });

  it("rightsSecurity(registration, landKept): half for origin rights (origin or dual books, or land kept), half for destination social security", () => {
    expect(rightsSecurity(Registration.Origin, false)).toBe(0.5);
    expect(rightsSecurity(Registration.Destination, false)).toBe(0.5);
    expect(rightsSecurity(Registration.Destination, true)).toBe(1);
    expect(rightsSecurity(Registration.Dual, false)).toBe(1);
  });

  it("the same state gives the same targets whichever levers are on: no lever adds to an integration target (issue 10, defect 8)", () => {
    const levers = {
      ruralCivilization: { enabled: true },
      ecologicalLivability: { enabled: true },
      effectiveGovernance: { enabled: true },
      maintenanceFund: { enabled: true },
      dualRegistration: { enabled: true },
      gridManagement: { enabled: true, coverage: 1 },
    };
    const run = (policies: Record<string, unknown>) => {
      const s = residentSite({ integration: { adjustmentRate: 1 }, policies });
      const H = s.state.households;
      householdsOf(s.state, 0).forEach((h, i) => { H.registration[h] = i % 3; H.tiesSite[h] = 0.1 * (i % 5); });
      integration(s.params, month(s), s.state, 0);
      return householdsOf(s.state, 0).flatMap((h) => [H.intEcon[h], H.intSocial[h], H.intPsych[h], H.tiesSite[h], H.tiesOrigin[h], H.registration[h]]);
    };
    const off = run({});
    for (const [lever, on] of Object.entries(levers)) expect(run({ [lever]: on }), lever).toEqual(off);
    expect(run(levers)).toEqual(off);
  });

  it("no lever's effect is read in integration.ts (levers act on state elsewhere)", () => {
    const code = readFileSync(new URL("../src/model/integration.ts", import.meta.url), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    expect(code).not.toMatch(/\blevers\b|\blv\./);
  });

  it("dualRegistration: a dual-registered resident settles on the destination register transitionMonths after moving in (4.2(3))", () => {
    const s = residentSite({ policies: { dualRegistration: { enabled: true, transitionMonths: 24 } } });
    const H = s.state.households;
    const [early, due] = householdsOf(s.state, 0) as [number, number];
    const open = s.state.sites.openStep[0]!;
    H.registration[early] = H.registration[due] = Registration.Dual;
    H.moveStep[early] = open + 1;
    H.moveStep[due] = open;
    integration(s.params, contextAt(s, open + 24), s.state, 0);
    expect([H.registration[early], H.registration[due]]).toEqual([Registration.Dual, Registration.Destination]);
  });

  it("fades origin ties while living at the site, more slowly with land kept at origin", () => {
    const s = residentSite();
    const H = s.state.households;
    const [kept, lost] = householdsOf(s.state, 0).filter((h) => !members(s.state, h).some((q) => s.state.persons.emp[q] === Emp.Farming)) as [number, number];
    H.landStatus[kept] = Land.Kept;
    H.landStatus[lost] = Land.Lost;
    H.tiesOrigin[kept] = H.tiesOrigin[lost] = 0.8;
    integration(s.params, month(s), s.state, 0);
    expect(H.tiesOrigin[kept]).toBeCloseTo(0.8 * (1 - 0.024) ** (1 / 12), 6);
    expect(H.tiesOrigin[lost]).toBeCloseTo(0.8 * (1 - 0.11) ** (1 / 12), 6);
  });

  it("keeps every dimension within [0, 1] over a run", () => {
    const s = sim({ integration: { adjustmentRate: 1, psychBase: 0.2, rightsWeight: 0.3, safetyWeight: 0.45 }, policies: { ruralCivilization: { enabled: true }, dualRegistration: { enabled: true } } });
    stepPastOpening(s, 3);
    const H = s.state.households;
    const all = [...H.intEcon, ...H.intSocial, ...H.intPsych];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...all)).toBeLessThanOrEqual(1);
  });
});
