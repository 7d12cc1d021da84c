import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Emp, Land, Registration, Residence, countMembers, type State } from "../kernel/state.js";
import { logistic, type KeyedRandom } from "../kernel/random.js";
import { crowding } from "./demography.js";
import { savingsPressure } from "./income.js";

/** Origin house rebuilt or lived in by a returned household: it stands for the rest of the run. */
const STANDS = 2_147_483_647;

/**
 * Residence decisions.
 * - Signing (`signStep`, the construction lag before the handover): the home's area is fixed at
 *   `areaPerPerson` per member then (3.3); the family changes until it moves in (demography runs
 *   from signing). Registration moves to the destination at urban sites and stays at origin at
 *   rural ones, unless dual registration (4.2(3)) keeps both; without secure land rights (4.3(1)
 *   or dual registration) the origin land may be lost. The origin house stands from the handover
 *   for the transition period (4.2(1)) or, without the lever, a few months.
 * - Transitional households wait for the handover (`openStep`), then move in at a monthly rate
 *   slower with strong origin ties and with crowding of the home fixed at signing for the
 *   family now (3.3: a crowded household holds back while it can). When the origin house is
 *   demolished, one still outside must choose at entry: it gives the home up with probability
 *   logistic(logit(giveUpBase) + giveUpCrowding·crowding + giveUpHardship·pressure), pressure =
 *   depleted savings under income pressure (income.savingsPressure); otherwise it moves in.
 * - Residents return to origin at a monthly hazard
 *   h = monthly(returnRate)·exp(returnDissatisfaction·(0.5 − integration) + landPull + returnHardship·pressure),
 *   landPull = returnLandPull·tiesOrigin for land kept (less under dual registration, which
 *   secures origin rights from the site, 4.2(3)). A return needs a house at origin: the origin
 *   house still standing (`originHouseUntil`) or `rebuildCost` paid from savings; without
 *   either the household stays. Crowded residents may give the home up.
 * - Returned households (who keep the home) come back at the hazard `comeBackRate`; the origin
 *   house is then demolished after the transition period again. Given-up households stay away.
 * Draws are the household's own (keyed by household), so another household's choice never
 * moves them.
 */
export function residence(p: Params, c: StepContext, st: State, s: number, draws: KeyedRandom): void {
  const H = st.households;
  const S = st.sites;
  if (c.step < S.signStep[s]!) return;
  const res = p.residence;
  const lv = c.levers;
  const urban = S.urban[s] === 1;
  const open = c.step >= S.openStep[s]!;
  const transition = lv.transitionPeriod.originHouseMonths;
  const dual = lv.dualRegistration.dual;
  const secureLand = lv.landRights.securesLand || lv.dualRegistration.securesLand;
  // Per-step constants (model/context.ts): the same doubles as computing them here.
  const baseGiveUp = c.giveUpLogit;
  const baseReturn = c.returnHazard;
  const residentGiveUp = c.residentGiveUp;
  const comeBack = c.comeBack;
  const stays = c.residentStayAbove;
  const rebuild = res.rebuildCost * c.priceIndex;
  const dualPull = c.dualLandPull;
  // The labour market's clock after this month's labour market (kernel/state.ts tenureOf).
  const months = c.step + 1;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    const state = H.residence[h];
    if (state === Residence.GaveUp) continue;
    const r = draws.at(h);
    switch (state) {
      case Residence.Pending: {
        H.residence[h] = Residence.Transitional;
        H.signedSize[h] = H.size[h]!;
        H.area[h] = H.size[h]! * p.population.areaPerPerson;
        S.totalArea[s]! += H.area[h]!;
        H.originHouseUntil[h] = S.openStep[s]! + transition;
        H.registration[h] = dual ? Registration.Dual : urban ? Registration.Destination : Registration.Origin;
        if (!secureLand && r() < p.income.landLossAtSigning) H.landStatus[h] = Land.Lost;
        break;
      }
      case Residence.Transitional: {
        if (!open) break;
        const crowd = crowding(p, st, h);
        if (r() < res.moveInRate * (1 - 0.5 * H.tiesOrigin[h]!) * (1 - crowd)) moveIn(H, h, c.step);
        else if (c.step >= H.originHouseUntil[h]!) {
          const giveUp = logistic(baseGiveUp + res.giveUpCrowding * crowd + res.giveUpHardship * savingsPressure(p, c, st, h));
          if (r() < giveUp) leave(st, h, Residence.GaveUp, months);
          else moveIn(H, h, c.step);
        }
        break;
      }
      case Residence.Resident: {
        const u = r();
        const integ = (H.intEcon[h]! + H.intSocial[h]! + H.intPsych[h]!) / 3;
        const ties = H.tiesOrigin[h]!;
        // Most months' draw is above any return or give-up probability (context.ts
        // residentStayAbove, which holds for integration and ties in [0, 1]): the household stays.
        if (u >= stays && integ >= 0 && integ <= 1 && ties >= 0 && ties <= 1) break;
        const pull = H.registration[h] === Registration.Dual ? dualPull : res.returnLandPull;
        const landPull = H.landStatus[h] === Land.Kept && H.land[h]! > 0 ? pull * ties : 0;
        const pressure = savingsPressure(p, c, st, h);
        const pReturn = Math.min(1, baseReturn * Math.exp(res.returnDissatisfaction * (0.5 - integ) + landPull + res.returnHardship * pressure));
        const pGiveUp = Math.min(1, residentGiveUp * res.giveUpCrowding * crowding(p, st, h));
        if (u < pReturn) {
          // A house to return to: the origin house still stands, or one is rebuilt from savings.
          if (c.step < H.originHouseUntil[h]!) leave(st, h, Residence.Returned, months);
          else if (H.savings[h]! >= rebuild) {
            H.savings[h] = H.savings[h]! - rebuild;
            leave(st, h, Residence.Returned, months);
          }
          if (H.residence[h] === Residence.Returned) H.originHouseUntil[h] = STANDS;
        } else if (u < pReturn + pGiveUp) leave(st, h, Residence.GaveUp, months);
        break;
      }
      case Residence.Returned: {
        if (r() < comeBack) {
          moveIn(H, h, c.step);
          H.originHouseUntil[h] = c.step + transition;
        }
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

/**
 * Leaving the site ends local jobs and site businesses; migrants keep working away. `months`:
 * the labour market's clock, this month counted (kernel/state.ts tenureOf).
 */
function leave(st: State, h: number, to: number, months: number): void {
  const P = st.persons;
  const H = st.households;
  H.residence[h] = to;
  for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
    if (P.emp[q] === Emp.Local || P.emp[q] === Emp.SelfEmployed) {
      P.emp[q] = Emp.Unemployed;
      P.tenureFrom[q] = months;
    }
    P.training[q] = 0;
  }
  countMembers(st, h);
}
