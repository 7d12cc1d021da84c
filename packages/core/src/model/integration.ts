import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Land, Registration, Residence, type State } from "../kernel/state.js";
import { crowding } from "./demography.js";
import { settleRegistrations } from "../policies/dualRegistration.js";

/**
 * Integration of resident households in three dimensions (each 0-1), by partial adjustment
 * toward a target each month: x ← x + rate·(target − x). The targets are one fixed function of
 * the household's and the site's state, the same in every scenario, with every coefficient in
 * `params.integration`; no lever enters here. Levers act by changing that state (the site's
 * community activity, service quality and response time, housing condition, households'
 * registration and land, work and income), see docs/ODD.md 7.x for each lever's chain.
 * - economic: work (the share of the household's labour employed) and income security
 *   (per-capita income against twice the poverty line);
 * - social (daily life): the site's community activity and service quality and the household's
 *   ties at the site, averaged with the neighbours' social integration over the within-site
 *   network (peer weight);
 * - psychological (identity): the site's safety (which follows the response time of site
 *   management), security of rights (origin land and collective rights, destination social
 *   security), ties at the site, housing condition and service quality, time at the site, minus
 *   crowding (3.3) and the pull of strong origin ties.
 * Ties at the site form with community activity and local work; origin ties fade while living
 * at the site, more slowly while a member still farms there or the household keeps its land.
 * Before the targets, households whose dual registration has run its transition period settle
 * on the destination register (policies/dualRegistration.ts, paper 4.2(3)).
 */
export function integration(p: Params, c: StepContext, st: State, s: number): void {
  const H = st.households;
  const S = st.sites;
  if (c.step < S.openStep[s]!) return;
  settleRegistrations(c, st, s);
  const ig = p.integration;
  const rate = ig.adjustmentRate;
  const activity = S.activity[s]!;
  const service = S.serviceQuality[s]!;
  const safety = S.safety[s]!;
  const condition = S.housingCondition[s]!;
  const line = c.povertyLine;
  const deg = H.degree;
  const formation = ig.tieFormationRate;
  const fromActivity = ig.tieActivityWeight;
  const keepOrigin = Math.pow(1 - ig.originTieDecay, 1 / 12);
  const keepOriginConnected = Math.pow(1 - ig.originTieDecayConnected, 1 / 12);
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    if (H.residence[h] !== Residence.Resident) continue;
    // Member counts by labour state, as income() left them this month.
    const lf = H.nLabour[h]!;
    const localWork = H.nLocal[h]! + H.nSelf[h]!;
    const farming = H.nFarming[h]!;
    const employed = localWork + H.nMigrant[h]! + farming;
    const pc = H.income12[h]! / Math.max(1, H.size[h]!);
    const work = lf > 0 ? employed / lf : 0.5;
    const econTarget = clamp01(ig.econBase + ig.econWorkWeight * work + ig.econIncomeWeight * Math.min(1, pc / (2 * line)));

    const landKept = H.landStatus[h] === Land.Kept;
    H.tiesSite[h] = H.tiesSite[h]! + formation * (fromActivity * activity + (1 - fromActivity) * (lf > 0 ? localWork / lf : 0)) * (1 - H.tiesSite[h]!);
    H.tiesOrigin[h] = H.tiesOrigin[h]! * (farming > 0 || landKept ? keepOriginConnected : keepOrigin);
    let peer = 0, n = 0;
    for (let k = 0; k < deg; k++) {
      const o = H.neighbours[h * deg + k]!;
      if (o >= 0 && H.residence[o] === Residence.Resident) { peer += H.intSocial[o]!; n++; }
    }
    const own = clamp01(ig.socialActivityWeight * activity + ig.socialServiceWeight * service + ig.socialTiesWeight * H.tiesSite[h]!);
    const socialTarget = n > 0 ? (1 - ig.peerWeight) * own + ig.peerWeight * (peer / n) : own;

    const years = (c.step - H.moveStep[h]!) / 12;
    const psychTarget = clamp01(
      ig.psychBase + ig.safetyWeight * safety + ig.rightsWeight * rightsSecurity(H.registration[h]!, landKept) +
        ig.siteTiesWeight * H.tiesSite[h]! + ig.housingConditionWeight * (condition - 0.5) -
        ig.crowdingPenalty * crowding(p, st, h) - ig.originPull * H.tiesOrigin[h]! +
        ig.settlingGain * Math.min(1, years / ig.settlingYears) + ig.psychServiceWeight * service,
    );
    H.intEcon[h] = H.intEcon[h]! + rate * (econTarget - H.intEcon[h]!);
    H.intSocial[h] = H.intSocial[h]! + rate * (socialTarget - H.intSocial[h]!);
    H.intPsych[h] = H.intPsych[h]! + rate * (psychTarget - H.intPsych[h]!);
  }
}

/**
 * Security of a household's rights (0-1): half for origin rights (registration at origin or on
 * both books, or origin land contract rights kept, which the land law protects whatever the
 * registration), half for destination social security (registration at the destination or on
 * both books), paper 4.2(3).
 */
export function rightsSecurity(registration: number, landKept: boolean): number {
  const origin = registration === Registration.Origin || registration === Registration.Dual || landKept;
  const destination = registration === Registration.Destination || registration === Registration.Dual;
  return (origin ? 0.5 : 0) + (destination ? 0.5 : 0);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
