import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Emp, Land, Registration, Residence, countMembers, type State } from "../kernel/state.js";
import { logistic, logit, monthly, type Random } from "../kernel/random.js";
import { crowding } from "./demography.js";

/**
 * Residence decisions.
 * - Signing (the site opens): the home's area is fixed at `areaPerPerson` per member (3.3);
 *   registration moves to the destination at urban sites and stays at origin at rural ones,
 *   unless dual registration (4.2(3)) keeps both; without secure land rights (4.3(1) or dual
 *   registration) the origin land may be lost. The origin house stands for the transition
 *   period (4.2(1)) or, without the lever, a few months.
 * - Transitional households move in at a monthly rate (slower with strong origin ties). When
 *   the origin house is demolished, those still outside must decide: move in, or give up the
 *   home, more likely when it is crowded.
 * - Residents return to origin at a hazard raised by low integration and by land and ties
 *   still held at origin (less so under dual registration, which secures origin rights from
 *   the site, 4.2(3)); crowded residents may give the home up.
 * Returned and given-up households stay at origin for the rest of the run (assumption).
 */
export function residence(p: Params, c: StepContext, st: State, s: number, r: Random): void {
  const H = st.households;
  const S = st.sites;
  const P = st.persons;
  if (c.step < S.openStep[s]!) return;
  const res = p.residence;
  const lv = c.levers;
  const urban = S.urban[s] === 1;
  const transition = lv.transitionPeriod.originHouseMonths;
  const dual = lv.dualRegistration.dual;
  const secureLand = lv.landRights.securesLand || lv.dualRegistration.securesLand;
  const baseGiveUp = logit(res.giveUpBase);
  const baseReturn = monthly(res.returnRate);
  const residentGiveUp = monthly(res.giveUpBase);
  const dualPull = res.returnLandPull * lv.dualRegistration.landPullFactor;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    switch (H.residence[h]) {
      case Residence.Pending: {
        H.residence[h] = Residence.Transitional;
        H.signedSize[h] = H.size[h]!;
        H.area[h] = H.size[h]! * p.population.areaPerPerson;
        S.totalArea[s]! += H.area[h]!;
        H.originHouseUntil[h] = c.step + transition;
        H.registration[h] = dual ? Registration.Dual : urban ? Registration.Destination : Registration.Origin;
        // Draw whether or not the lever is on, so the lever does not shift later draws.
        const u = r();
        if (!secureLand && u < p.income.landLossAtSigning) H.landStatus[h] = Land.Lost;
        break;
      }
      case Residence.Transitional: {
        const u = r();
        if (u < res.moveInRate * (1 - 0.5 * H.tiesOrigin[h]!)) moveIn(H, h, c.step);
        else if (c.step >= H.originHouseUntil[h]!) {
          const giveUp = logistic(baseGiveUp + res.giveUpCrowding * crowding(p, st, h));
          if (r() < giveUp) leave(st, h, Residence.GaveUp);
          else moveIn(H, h, c.step);
        }
        break;
      }
      case Residence.Resident: {
        const integ = (H.intEcon[h]! + H.intSocial[h]! + H.intPsych[h]!) / 3;
        const pull = H.registration[h] === Registration.Dual ? dualPull : res.returnLandPull;
        const landPull = H.landStatus[h] === Land.Kept && H.land[h]! > 0 ? pull * H.tiesOrigin[h]! : 0;
        const pReturn = Math.min(1, baseReturn * Math.exp(res.returnDissatisfaction * (0.5 - integ) + landPull));
        const pGiveUp = Math.min(1, residentGiveUp * res.giveUpCrowding * crowding(p, st, h));
        const u = r();
        if (u < pReturn) leave(st, h, Residence.Returned);
        else if (u < pReturn + pGiveUp) leave(st, h, Residence.GaveUp);
        break;
      }
      default:
        break;
    }
  }
}

function moveIn(H: State["households"], h: number, step: number): void {
  H.residence[h] = Residence.Resident;
  H.moveStep[h] = step;
}

/** Leaving the site ends local jobs and site businesses; migrants keep working away. */
function leave(st: State, h: number, to: number): void {
  const P = st.persons;
  const H = st.households;
  H.residence[h] = to;
  for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
    if (P.emp[q] === Emp.Local || P.emp[q] === Emp.SelfEmployed) {
      P.emp[q] = Emp.Unemployed;
      P.tenure[q] = 0;
    }
    P.training[q] = 0;
  }
  countMembers(st, h);
}
