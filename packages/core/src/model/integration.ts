import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Emp, Land, Registration, Residence, type State } from "../kernel/state.js";
import { crowding } from "./demography.js";

/**
 * Integration of resident households in three dimensions (each 0-1), by partial adjustment
 * toward a target each month: x ← x + rate·(target − x).
 * - economic: work (the share of the household's labour employed) and income relative to the
 *   poverty line;
 * - social (daily life): community activity (rural civilization, 4.1(3)), service quality
 *   (livability, 4.1(3)) and social ties at the site, averaged with the neighbours' social
 *   integration over the within-site network (peer weight);
 * - psychological (identity): safety and responsiveness (governance 4.1(3), grid management
 *   4.3(3)), respect for customs (4.1(3)), security of rights (dual registration 4.2(3)),
 *   housing condition (maintenance fund 4.2(2)) and service quality (4.1(3)), minus crowding
 *   (3.3) and the pull of strong origin ties; it grows with time at the site.
 * Ties at the site grow with community activity and local work; origin ties fade while living
 * at the site, more slowly while a member still farms there or the household keeps its land.
 */
export function integration(p: Params, c: StepContext, st: State, s: number): void {
  const P = st.persons;
  const H = st.households;
  const S = st.sites;
  if (c.step < S.openStep[s]!) return;
  const ig = p.integration;
  const rate = ig.adjustmentRate;
  const activity = S.activity[s]!;
  const service = S.serviceQuality[s]!;
  const safety = S.safety[s]!;
  const condition = S.housingCondition[s]!;
  const customs = c.levers.ruralCivilization.customsRespect;
  const rights = c.levers.dualRegistration.rightsSecurity;
  const line = c.povertyLine;
  const deg = H.degree;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    if (H.residence[h] !== Residence.Resident) continue;
    // Member counts by labour state, as income() left them this month.
    const lf = H.nLabour[h]!;
    const localWork = H.nLocal[h]! + H.nSelf[h]!;
    const farming = H.nFarming[h]!;
    const employed = localWork + H.nMigrant[h]! + farming;
    const pc = H.income12[h]! / Math.max(1, H.size[h]!);
    const work = lf > 0 ? employed / lf : 0.5;
    const econTarget = clamp01(0.15 + 0.45 * work + 0.4 * Math.min(1, pc / (2 * line)));

    H.tiesSite[h] = H.tiesSite[h]! + 0.02 * (0.5 * activity + 0.5 * (lf > 0 ? localWork / lf : 0)) * (1 - H.tiesSite[h]!);
    H.tiesOrigin[h] = H.tiesOrigin[h]! * (farming > 0 || H.landStatus[h] === Land.Kept ? 0.998 : 0.99);
    let peer = 0, n = 0;
    for (let k = 0; k < deg; k++) {
      const o = H.neighbours[h * deg + k]!;
      if (o >= 0 && H.residence[o] === Residence.Resident) { peer += H.intSocial[o]!; n++; }
    }
    const own = clamp01(0.4 * activity + 0.3 * service + 0.3 * H.tiesSite[h]!);
    const socialTarget = n > 0 ? (1 - ig.peerWeight) * own + ig.peerWeight * (peer / n) : own;

    const years = (c.step - H.moveStep[h]!) / 12;
    const psychTarget = clamp01(
      0.2 + 0.3 * safety + customs + (H.registration[h] === Registration.Dual ? rights : 0) +
        ig.housingConditionWeight * (condition - 0.5) - ig.crowdingPenalty * crowding(p, st, h) -
        ig.originPull * H.tiesOrigin[h]! + 0.15 * Math.min(1, years / 3) + 0.1 * service,
    );
    H.intEcon[h] = H.intEcon[h]! + rate * (econTarget - H.intEcon[h]!);
    H.intSocial[h] = H.intSocial[h]! + rate * (socialTarget - H.intSocial[h]!);
    H.intPsych[h] = H.intPsych[h]! + rate * (psychTarget - H.intPsych[h]!);
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
