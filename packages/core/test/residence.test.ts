import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { residence } from "../src/model/residence.js";
import { Emp, Land, Registration, Residence } from "../src/kernel/state.js";
import { monthly, unkeyed } from "../src/kernel/random.js";
import { crowding } from "../src/model/demography.js";
import { residentStayAbove } from "../src/model/context.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, householdsOf, members, never, scripted, sim, siteWhere } from "./helpers.js";

const at = (s: Simulation, site: number, m: number) => contextAt(s, s.state.sites.openStep[site]! + m);

/**
 * Site 0 with household h the only one still deciding: every other household has given up.
 * Its origin house stands until 12 months after the handover; savings of 1e6 leave it under no
 * income pressure.
 */
function alone(s: Simulation, state: number): number {
  const H = s.state.households;
  const hh = householdsOf(s.state, 0);
  for (const h of hh) H.residence[h] = Residence.GaveUp;
  const h = hh.find((k) => H.size[k]! >= 2)!;
  H.residence[h] = state;
  H.area[h] = 25 * H.size[h]!;
  H.moveStep[h] = s.state.sites.openStep[0]!;
  H.intEcon[h] = H.intSocial[h] = H.intPsych[h] = 0.5;
  H.landStatus[h] = Land.Lost;
  H.originHouseUntil[h] = s.state.sites.openStep[0]! + 12;
  H.savings[h] = 1e6;
  return h;
}

describe("residence(p, c, st, s, r)", () => {
  it("signs households at the site's signing step (the handover less the construction lag) with area = size × 25 m2 (a simulation stepped to the signing)", () => {
    const s = sim({}, 600);
    const S = s.state.sites;
    const H = s.state.households;
    let k = 0;
    for (let j = 0; j < S.count; j++) if (S.signStep[j]! > S.signStep[k]!) k = j;
    const lag = S.openStep[k]! - S.signStep[k]!;
    expect(lag).toBeGreaterThanOrEqual(6);
    expect(lag).toBeLessThanOrEqual(18);
    while (s.stepsDone < S.signStep[k]!) s.step();
    expect(householdsOf(s.state, k).every((h) => H.residence[h] === Residence.Pending && H.area[h] === 0)).toBe(true);
    s.step();
    const hh = householdsOf(s.state, k);
    expect(hh.every((h) => H.residence[h] === Residence.Transitional)).toBe(true);
    expect(hh.every((h) => H.signedSize[h] === H.size[h] && H.area[h] === 25 * H.size[h]!)).toBe(true);
    expect(hh.every((h) => H.originHouseUntil[h] === S.openStep[k]! + 3)).toBe(true);
    expect(S.totalArea[k]).toBeCloseTo(hh.reduce((a, h) => a + H.area[h]!, 0), 6);
  });

  it("crowds homes at entry through the construction lag: families change between signing and move-in (paper 3.3)", () => {
    // Share of households crowded in the month they move in, over the first four years.
    const crowdedAtEntry = (constructionMonths: number) => {
      const s = sim({ residence: { constructionMonths } }, 1500);
      const H = s.state.households;
      let moved = 0;
      let crowded = 0;
      while (s.stepsDone < 48) {
        s.step();
        for (let h = 0; h < H.count; h++) {
          if (H.residence[h] !== Residence.Resident || H.moveStep[h] !== s.stepsDone - 1) continue;
          moved++;
          if (crowding(s.params, s.state, h) > 0) crowded++;
        }
      }
      return crowded / moved;
    };
    const none = crowdedAtEntry(0);
    const lagged = crowdedAtEntry(12);
    expect(lagged, `lagged ${lagged}, none ${none}`).toBeGreaterThan(0.01);
    expect(lagged, `lagged ${lagged}, none ${none}`).toBeGreaterThan(2 * none);
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

  it("moves a transitional household in at the move-in rate after the handover, and keeps it waiting while its origin house stands", () => {
    const s = sim();
    const H = s.state.households;
    const h = alone(s, Residence.Transitional);
    H.originHouseUntil[h] = s.state.sites.openStep[0]! + 3;
    // Before the handover nothing happens, whatever the draws.
    residence(s.params, at(s, 0, -1), s.state, 0, always);
    expect(H.residence[h]).toBe(Residence.Transitional);
    residence(s.params, at(s, 0, 1), s.state, 0, never);
    expect(H.residence[h]).toBe(Residence.Transitional);
    // A move-in draw of 0, then no give-up.
    residence(s.params, at(s, 0, 2), s.state, 0, scripted([0, 0.999]));
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
      // No move-in draw; then a give-up draw of 0.3: above giveUpBase (0.04), below the crowded
      // probability logistic(logit(0.04) + 6 * 0.5) = 0.46.
      residence(s.params, at(s, 0, 1), s.state, 0, scripted([0.999, 0.3]));
      return H.residence[h];
    };
    expect(decide(false)).toBe(Residence.Resident);
    expect(decide(true)).toBe(Residence.GaveUp);
  });

  it("lets a crowded household hold back from moving in while its origin house stands: rate × (1 − crowding) (paper 3.3)", () => {
    const enter = (crowded: boolean) => {
      const s = sim();
      const H = s.state.households;
      const h = alone(s, Residence.Transitional);
      if (crowded) H.area[h] = 12.5 * H.size[h]!;
      // A draw between the crowded rate (half) and the uncrowded one.
      const rate = s.params.residence.moveInRate * (1 - 0.5 * H.tiesOrigin[h]!);
      residence(s.params, at(s, 0, 1), s.state, 0, scripted([0.75 * rate]));
      return H.residence[h];
    };
    expect(enter(false)).toBe(Residence.Resident);
    expect(enter(true)).toBe(Residence.Transitional);
  });

  it("weighs depleted savings under income pressure at the entry decision (giveUpHardship)", () => {
    const enter = (savings: number) => {
      const s = sim({ residence: { giveUpBase: 0.05, giveUpHardship: 1 } });
      const H = s.state.households;
      const h = alone(s, Residence.Transitional);
      H.income12[h] = 0;
      H.savings[h] = savings;
      H.originHouseUntil[h] = s.state.sites.openStep[0]!;
      // No move-in; logistic(logit(0.05) + 1) = 0.125 with no savings; 0.05 with a full buffer.
      residence(s.params, at(s, 0, 1), s.state, 0, scripted([0.999, 0.08]));
      return H.residence[h];
    };
    expect(enter(1e6)).toBe(Residence.Resident);
    expect(enter(0)).toBe(Residence.GaveUp);
  });

  it("needs a house for a return: the origin house standing, or rebuildCost paid from savings", () => {
    const decide = (houseStands: boolean, savings: number) => {
      const s = sim({ residence: { rebuildCost: 40000 } });
      const H = s.state.households;
      const h = alone(s, Residence.Resident);
      H.income12[h] = 1e6; // no income pressure
      H.savings[h] = savings;
      H.originHouseUntil[h] = s.state.sites.openStep[0]! + (houseStands ? 12 : 3);
      const c = at(s, 0, 6);
      residence(s.params, c, s.state, 0, always);
      return { res: H.residence[h], savings: H.savings[h]!, cost: 40000 * c.priceIndex };
    };
    expect(decide(true, 0).res).toBe(Residence.Returned);
    expect(decide(false, 0).res).toBe(Residence.Resident);
    const rebuilt = decide(false, 50000);
    expect(rebuilt.res).toBe(Residence.Returned);
    expect(rebuilt.savings).toBeCloseTo(50000 - rebuilt.cost, 6);
  });

  it("brings returned households back at the come-back hazard; the origin house then goes after the transition period", () => {
    const p = monthly(0.1);
    for (const [u, state] of [[p * 0.9, Residence.Resident], [p * 1.1, Residence.Returned]] as const) {
      const s = sim({ residence: { comeBackRate: 0.1 } });
      const H = s.state.households;
      const h = alone(s, Residence.Returned);
      const c = at(s, 0, 24);
      residence(s.params, c, s.state, 0, unkeyed(() => u));
      expect(H.residence[h]).toBe(state);
      if (state === Residence.Resident) {
        expect(H.moveStep[h]).toBe(c.step);
        expect(H.originHouseUntil[h]).toBe(c.step + s.params.residence.baselineTransitionMonths);
      }
    }
  });

  it("a savings buffer delays returns: depleted savings under income pressure raise the return hazard (returnHardship)", () => {
    // A draw between the hazard without pressure and the hazard × exp(1).
    const draw = unkeyed(() => monthly(0.01) * 2);
    for (const [savings, returned] of [[1e6, false], [0, true]] as const) {
      const s = sim({ residence: { returnRate: 0.01, returnHardship: 1 } });
      const H = s.state.households;
      const h = alone(s, Residence.Resident);
      H.income12[h] = 0;
      H.savings[h] = savings;
      residence(s.params, at(s, 0, 6), s.state, 0, draw);
      expect(H.residence[h] === Residence.Returned).toBe(returned);
    }
  });

  it("returns residents to origin at a hazard raised by low integration", () => {
    // A draw just above the base monthly hazard: taken only when integration is below 0.5.
    const draw = unkeyed(() => monthly(0.01) * 1.4);
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
    const draw = unkeyed(() => monthly(0.01) * 1.6);
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
    const p = monthly(0.04) * 6 * 0.5;
    for (const [u, state] of [[monthly(0.01) + p * 0.9, Residence.GaveUp], [monthly(0.01) + p * 1.1, Residence.Resident]] as const) {
      const s = sim();
      const H = s.state.households;
      const h = alone(s, Residence.Resident);
      H.area[h] = 12.5 * H.size[h]!;
      residence(s.params, at(s, 0, 6), s.state, 0, unkeyed(() => u));
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

  it("leaves given-up households where they are, and sites that have not signed alone", () => {
    const s = sim();
    const H = s.state.households;
    const h = alone(s, Residence.GaveUp);
    residence(s.params, at(s, 0, 6), s.state, 0, always);
    expect(H.residence[h]).toBe(Residence.GaveUp);
    const fresh = sim();
    const S = fresh.state.sites;
    const k = siteWhere(fresh.state, (j) => S.signStep[j]! > 0);
    residence(fresh.params, contextAt(fresh, S.signStep[k]! - 1), fresh.state, k, always);
    expect(householdsOf(fresh.state, k).every((j) => fresh.state.households.residence[j] === Residence.Pending)).toBe(true);
  });
});

describe("residentStayAbove(res, returnHazard, residentGiveUp, dualLandPull)", () => {
  it("is at least the return and give-up probabilities residence() computes for a resident household, whatever its integration, ties, pressure and crowding in [0, 1]", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const weight = fc.double({ min: 0, max: 20, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ returnRate: fc.double({ min: 0, max: 0.5, noNaN: true }), giveUpBase: fc.double({ min: 0.001, max: 0.5, noNaN: true }), giveUpCrowding: fc.double({ min: 0, max: 50, noNaN: true }), returnDissatisfaction: weight, returnLandPull: weight, returnHardship: weight }),
        unit, fc.boolean(), fc.boolean(), unit, unit, unit, unit,
        (res, landPullFactor, dual, landKept, integ, ties, pressure, crowd) => {
          const returnHazard = monthly(res.returnRate), residentGiveUp = monthly(res.giveUpBase);
          const dualPull = res.returnLandPull * landPullFactor;
          const bound = residentStayAbove(res, returnHazard, residentGiveUp, dualPull);
          // As model/residence.ts forms them.
          const landPull = landKept ? (dual ? dualPull : res.returnLandPull) * ties : 0;
          const pReturn = Math.min(1, returnHazard * Math.exp(res.returnDissatisfaction * (0.5 - integ) + landPull + res.returnHardship * pressure));
          const pGiveUp = Math.min(1, residentGiveUp * res.giveUpCrowding * crowd);
          expect(pReturn).toBeLessThanOrEqual(bound);
          expect(pReturn + pGiveUp).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
