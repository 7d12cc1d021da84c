import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import type { State } from "../kernel/state.js";
import { normal, poisson, type Random } from "../kernel/random.js";

/**
 * Site economy: the local jobs open to residents and the site's public goods.
 * - Market jobs turn over (a share destroyed each year) and are re-created toward the site's
 *   base level, with site-level shocks: jobs that come and go.
 * - Industrial support (paper 3.2): short-term subsidies create a burst of jobs that fades
 *   exponentially after the subsidy ends; long-term development ramps up slowly and lasts.
 * - Talent introduction (4.1(1)): enterprises arrive as a Poisson process and close at a
 *   constant hazard; each offers a fixed number of jobs.
 * - Employment promotion (4.3(2)): assisted and public-welfare posts.
 * - Service quality (livability 4.1(3)), community activity (civilization 4.1(3)) and safety
 *   (governance 4.1(3), grid management 4.3(3)) move toward their policy levels.
 */
export function siteEconomy(p: Params, c: StepContext, st: State, s: number, r: Random, talent: Random = r): void {
  const S = st.sites;
  const m = c.step - S.openStep[s]!;
  if (m < 0) return;
  const households = S.hhEnd[s]! - S.hhStart[s]!;
  const urban = S.urban[s] === 1;
  const econ = p.siteEconomy;
  const pol = p.policies;

  const base = ((urban ? econ.urbanBaseJobsPer100Households : econ.ruralBaseJobsPer100Households) * households) / 100;
  const turnover = econ.jobTurnover / 12;
  if (m === 0) S.marketJobs[s] = base * 0.5;
  const shock = 0.25 * Math.sqrt(base) * normal(r);
  S.marketJobs[s] = Math.max(0, S.marketJobs[s]! + turnover * (base - S.marketJobs[s]!) + shock);

  const is = pol.industrialSupport;
  const full = (is.jobsPer100Households * households) / 100;
  S.supportJobs[s] =
    is.mode === "shortTerm"
      ? m < is.subsidyMonths ? full * Math.min(1, (m + 1) / 6) : full * Math.exp(-(m - is.subsidyMonths) / is.fadeMonths)
      : is.mode === "longTerm" ? full * (1 - Math.exp(-(m + 1) / is.rampMonths)) : 0;

  const ti = pol.talentIntroduction;
  if (ti.enabled) {
    let firms = S.talentFirms[s]!;
    const closing = 1 / (ti.enterpriseSurvivalYears * 12);
    for (let f = Math.floor(firms); f > 0; f--) if (talent() < closing) firms--;
    firms += poisson(talent, (ti.enterprisesPerYearPer1000Households * households) / 1000 / 12);
    S.talentFirms[s] = firms;
  } else S.talentFirms[s] = 0;

  const ep = pol.employmentPromotion;
  S.promotionJobs[s] = ep.enabled ? ((ep.jobsPer100Households * households) / 100) * (1 - Math.exp(-(m + 1) / 12)) : 0;

  const integ = p.integration;
  const el = pol.ecologicalLivability;
  const service = (urban ? integ.urbanServiceQuality : integ.ruralServiceQuality) + (el.enabled ? el.serviceQualityGain * (1 - Math.exp(-(m + 1) / el.buildMonths)) : 0);
  S.serviceQuality[s] = Math.min(1, service);
  S.activity[s] = Math.min(1, integ.baseCommunityActivity + (pol.ruralCivilization.enabled ? pol.ruralCivilization.communityActivityGain : 0));
  const safety = integ.baseSafety + (pol.effectiveGovernance.enabled ? pol.effectiveGovernance.safetyGain : 0) + (pol.gridManagement.enabled ? pol.gridManagement.safetyGain * pol.gridManagement.coverage : 0);
  S.safety[s] = Math.min(1, safety);
}

/** Local jobs at site s this step (market, industrial support, talent enterprises, assisted posts). */
export function localJobs(p: Params, st: State, s: number): number {
  const S = st.sites;
  return S.marketJobs[s]! + S.supportJobs[s]! + S.talentFirms[s]! * p.policies.talentIntroduction.jobsPerEnterprise + S.promotionJobs[s]!;
}
