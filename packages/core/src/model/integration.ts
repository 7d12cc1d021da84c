import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Land, Registration, Residence, type State } from "../kernel/state.js";
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
  // Per step, not here: V8 may move a Math.pow computed before the loop into it (once per household).
  const keepOrigin = c.originTiesKept;
  const keepOriginConnected = c.originTiesKeptConnected;
  // The hot loop reads locals only (no property loads, no calls: targets are clamped to 0-1
  // inline) and evaluates each formula with the same operations in the same order as above,
  // so results are exact. Terms that do not vary by household are computed once per site: the
  // same operation on the same operands gives the same double.
  const econBase = ig.econBase, econWork = ig.econWorkWeight, econIncome = ig.econIncomeWeight;
  const twoLines = 2 * line;
  const tiesFromActivity = fromActivity * activity, tiesFromWork = 1 - fromActivity;
  const ownSite = ig.socialActivityWeight * activity + ig.socialServiceWeight * service;
  const socialTies = ig.socialTiesWeight;
  const peerWeight = ig.peerWeight, ownWeight = 1 - ig.peerWeight;
  const psychSite = ig.psychBase + ig.safetyWeight * safety;
  const rightsWeight = ig.rightsWeight, siteTiesWeight = ig.siteTiesWeight;
  const housingTerm = ig.housingConditionWeight * (condition - 0.5);
  const crowdingPenalty = ig.crowdingPenalty, originPull = ig.originPull;
  const settlingGain = ig.settlingGain, settlingYears = ig.settlingYears;
  const serviceTerm = ig.psychServiceWeight * service;
  const areaPerPerson = p.population.areaPerPerson;
  const step = c.step;
  const { residence, nLabour, nLocal, nSelf, nMigrant, nFarming, income12, size, landStatus, registration, tiesSite, tiesOrigin, neighbours, intEcon, intSocial, intPsych, moveStep, area } = H;
  const h1 = S.hhEnd[s]!;
  for (let h = S.hhStart[s]!; h < h1; h++) {
    if (residence[h] !== Residence.Resident) continue;
    // Member counts by labour state, as income() left them this month.
    const lf = nLabour[h]!;
    const localWork = nLocal[h]! + nSelf[h]!;
    const farming = nFarming[h]!;
    const employed = localWork + nMigrant[h]! + farming;
    const members = size[h]!;
    const pc = income12[h]! / Math.max(1, members);
    const work = lf > 0 ? employed / lf : 0.5;
    const econRaw = econBase + econWork * work + econIncome * Math.min(1, pc / twoLines);
    const econTarget = econRaw < 0 ? 0 : econRaw > 1 ? 1 : econRaw;

    const landKept = landStatus[h] === Land.Kept;
    const ties0 = tiesSite[h]!;
    // Rounded as the Float32 column stores it, so what follows reads the stored value.
    const ties = (tiesSite[h] = Math.fround(ties0 + formation * (tiesFromActivity + tiesFromWork * (lf > 0 ? localWork / lf : 0)) * (1 - ties0)));
    const origin = (tiesOrigin[h] = Math.fround(tiesOrigin[h]! * (farming > 0 || landKept ? keepOriginConnected : keepOrigin)));
    let peer = 0, n = 0;
    const nb = h * deg;
    for (let k = 0; k < deg; k++) {
      const o = neighbours[nb + k]!;
      if (o >= 0 && residence[o] === Residence.Resident) { peer += intSocial[o]!; n++; }
    }
    const ownRaw = ownSite + socialTies * ties;
    const own = ownRaw < 0 ? 0 : ownRaw > 1 ? 1 : ownRaw;
    const socialTarget = n > 0 ? ownWeight * own + peerWeight * (peer / n) : own;

    const years = (step - moveStep[h]!) / 12;
    // rightsSecurity(registration, landKept) and crowding() (the household is resident), inline.
    const reg = registration[h]!;
    const rights = (reg === Registration.Origin || reg === Registration.Dual || landKept ? 0.5 : 0) + (reg === Registration.Destination || reg === Registration.Dual ? 0.5 : 0);
    const need = members * areaPerPerson;
    const home = area[h]!;
    const crowd = need > home ? 1 - home / need : 0;
    const psychRaw =
      psychSite + rightsWeight * rights + siteTiesWeight * ties + housingTerm - crowdingPenalty * crowd - originPull * origin +
      settlingGain * Math.min(1, years / settlingYears) + serviceTerm;
    const psychTarget = psychRaw < 0 ? 0 : psychRaw > 1 ? 1 : psychRaw;
    intEcon[h] = intEcon[h]! + rate * (econTarget - intEcon[h]!);
    intSocial[h] = intSocial[h]! + rate * (socialTarget - intSocial[h]!);
    intPsych[h] = intPsych[h]! + rate * (psychTarget - intPsych[h]!);
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
