import { describe, expect, it } from "vitest";
import { residence } from "../src/model/residence.js";
import { Emp, Land, Registration, Residence } from "../src/kernel/state.js";
import { monthly, type Random } from "../src/kernel/random.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, householdsOf, members, never, scripted, sim } from "./helpers.js";

const at = (s: Simulation, site: number, m: number) => contextAt(s, s.state.sites.openStep[site]! + m);

/** Site 0 with household h the only one still deciding: every other household has returned. */
function alone(s: Simulation, state: number): number {
  const H = s.state.households;
  const hh = householdsOf(s.state, 0);
  for (const h of hh) H.residence[h] = Residence.Returned;
  const h = hh.find((k) => H.size[k]! >= 2)!;
  H.residence[h] = state;
  H.area[h] = 25 * H.size[h]!;
  H.moveStep[h] = s.state.sites.openStep[0]!;
  H.intEcon[h] = H.intSocial[h] = H.intPsych[h] = 0.5;
  H.landStatus[h] = Land.Lost;
  return h;
}

describe("residence(p, c, st, s, r)", () => {
  it("signs households at the site's open step with area = size × 25 m2 (a simulation stepped to the opening)", () => {
    const s = sim({}, 600);
    const S = s.state.sites;
    const H = s.state.households;
    let k = 0;
    for (let j = 0; j < S.count; j++) if (S.openStep[j]! > S.openStep[k]!) k = j;
    while (s.stepsDone < S.openStep[k]!) s.step();
    expect(householdsOf(s.state, k).every((h) => H.residence[h] === Residence.Pending && H.area[h] === 0)).toBe(true);
    s.step();
    const hh = householdsOf(s.state, k);
    expect(hh.every((h) => H.residence[h] === Residence.Transitional)).toBe(true);
    expect(hh.every((h) => H.signedSize[h] === H.size[h] && H.area[h] === 25 * H.size[h]!)).toBe(true);
    expect(hh.every((h) => H.originHouseUntil[h] === S.openStep[k]! + 3)).toBe(true);
    expect(S.totalArea[k]).toBeCloseTo(hh.reduce((a, h) => a + H.area[h]!, 0), 6);
  });

  it("registers households at the destination at urban sites and keeps origin registration at rural ones (dual with dualRegistration)", () => {
    const s = sim();
    const S = s.state.sites;
    const H = s.state.households;
    const urban = 0;
    const rural = S.count - 1;
    expect([S.urban[urban], S.urban[rural]]).toEqual([1, 0]);
    residence(s.params, at(s, urban, 0), s.state, urban, never);
    residence(s.params, at(s, rural, 0), s.state, rural, never);
    expect(householdsOf(s.state, urban).every((h) => H.registration[h] === Registration.Destination)).toBe(true);
    expect(householdsOf(s.state, rural).every((h) => H.registration[h] === Registration.Origin)).toBe(true);
    const dual = sim({ policies: { dualRegistration: { enabled: true } } });
    residence(dual.params, at(dual, urban, 0), dual.state, urban, never);
    expect(householdsOf(dual.state, urban).every((h) => dual.state.households.registration[h] === Registration.Dual)).toBe(true);
  });

  it("takes the origin land of households without secure rights at signing (landLossAtSigning), never with landRights or dualRegistration", () => {
    for (const [policies, lost] of [[{}, true], [{ landRights: { enabled: true } }, false], [{ dualRegistration: { enabled: true } }, false]] as const) {
      const s = sim({ policies });
      residence(s.params, at(s, 0, 0), s.state, 0, always);
      expect(householdsOf(s.state, 0).every((h) => (s.state.households.landStatus[h] === Land.Lost) === lost)).toBe(true);
    }
  });

  it("transitionPeriod: keeps the origin house standing for transitionPeriod.months after signing", () => {
    const s = sim({ policies: { transitionPeriod: { enabled: true, months: 36 } } });
    residence(s.params, at(s, 0, 0), s.state, 0, never);
    expect(householdsOf(s.state, 0).every((h) => s.state.households.originHouseUntil[h] === s.state.sites.openStep[0]! + 36)).toBe(true);
  });

  it("moves a transitional household in at the move-in rate, and keeps it waiting while its origin house stands", () => {
    const s = sim();
    const H = s.state.households;
    const h = alone(s, Residence.Transitional);
    H.originHouseUntil[h] = s.state.sites.openStep[0]! + 3;
    residence(s.params, at(s, 0, 1), s.state, 0, never);
    expect(H.residence[h]).toBe(Residence.Transitional);
    residence(s.params, at(s, 0, 2), s.state, 0, always);
    expect(H.residence[h]).toBe(Residence.Resident);
    expect(H.moveStep[h]).toBe(s.state.sites.openStep[0]! + 2);
  });

  it("makes a household still outside when its origin house goes choose: a crowded home is given up more often", () => {
    const decide = (crowded: boolean) => {
      const s = sim();
      const H = s.state.households;
      const h = alone(s, Residence.Transitional);
      H.originHouseUntil[h] = s.state.sites.openStep[0]!;
      if (crowded) H.area[h] = 12.5 * H.size[h]!;
      // No move-in draw; then a give-up draw of 0.3: above giveUpBase (0.06), below the crowded
      // probability logistic(logit(0.06) + 6 * 0.5) = 0.56.
      residence(s.params, at(s, 0, 1), s.state, 0, scripted([0.999, 0.3]));
      return H.residence[h];
    };
    expect(decide(false)).toBe(Residence.Resident);
    expect(decide(true)).toBe(Residence.GaveUp);
  });

  it("returns residents to origin at a hazard raised by low integration", () => {
    // A draw just above the base monthly hazard: taken only when integration is below 0.5.
    const draw: Random = () => monthly(0.01) * 1.4;
    for (const [integ, returned] of [[0.5, false], [0.3, true]] as const) {
      const s = sim({ residence: { returnRate: 0.01, returnDissatisfaction: 3 } });
      const H = s.state.households;
      const h = alone(s, Residence.Resident);
      H.intEcon[h] = H.intSocial[h] = H.intPsych[h] = integ;
      residence(s.params, at(s, 0, 6), s.state, 0, draw);
      expect(H.residence[h] === Residence.Returned).toBe(returned);
    }
  });

  it("pulls residents with land at origin back, half as much under dualRegistration (landPullRelief)", () => {
    const draw: Random = () => monthly(0.01) * 1.6;
    for (const [dual, returned] of [[false, true], [true, false]] as const) {
      const s = sim({ residence: { returnRate: 0.01, returnLandPull: 0.8 }, policies: { dualRegistration: { enabled: dual, landPullRelief: 0.5 } } });
      const H = s.state.households;
      const h = alone(s, Residence.Resident);
      H.landStatus[h] = Land.Kept;
      H.land[h] = 3;
      H.tiesOrigin[h] = 0.8;
      H.registration[h] = dual ? Registration.Dual : Registration.Origin;
      // Pull 0.8 * 0.8 = 0.64: hazard x1.9 (returns); halved, x1.38 (stays).
      residence(s.params, at(s, 0, 6), s.state, 0, draw);
      expect(H.residence[h] === Residence.Returned).toBe(returned);
    }
  });

  it("lets crowded residents give the home up at monthly(giveUpBase) × giveUpCrowding × crowding", () => {
    const p = monthly(0.06) * 6 * 0.5;
    for (const [u, state] of [[monthly(0.01) + p * 0.9, Residence.GaveUp], [monthly(0.01) + p * 1.1, Residence.Resident]] as const) {
      const s = sim();
      const H = s.state.households;
      const h = alone(s, Residence.Resident);
      H.area[h] = 12.5 * H.size[h]!;
      residence(s.params, at(s, 0, 6), s.state, 0, () => u);
      expect(H.residence[h]).toBe(state);
    }
  });

  it("ends local jobs, businesses and courses of a household that leaves; migrants keep working away", () => {
    const s = sim();
    const H = s.state.households;
    const P = s.state.persons;
    const h = alone(s, Residence.Resident);
    const [a, b] = members(s.state, h) as [number, number];
    P.emp[a] = Emp.Local;
    P.training[a] = 2;
    P.emp[b] = Emp.Migrant;
    residence(s.params, at(s, 0, 6), s.state, 0, always);
    expect(H.residence[h]).toBe(Residence.Returned);
    expect([P.emp[a], P.training[a], P.emp[b]]).toEqual([Emp.Unemployed, 0, Emp.Migrant]);
  });

  it("leaves returned and given-up households where they are, and sites that have not opened alone", () => {
    const s = sim();
    const H = s.state.households;
    const h = alone(s, Residence.GaveUp);
    residence(s.params, at(s, 0, 6), s.state, 0, always);
    expect(H.residence[h]).toBe(Residence.GaveUp);
    const fresh = sim();
    residence(fresh.params, at(fresh, 0, -1), fresh.state, 0, always);
    expect(householdsOf(fresh.state, 0).every((k) => fresh.state.households.residence[k] === Residence.Pending)).toBe(true);
  });
});
