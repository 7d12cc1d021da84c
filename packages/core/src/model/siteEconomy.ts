import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import type { State } from "../kernel/state.js";
import { normal, type KeyedRandom } from "../kernel/random.js";
import { industrialSupportJobs } from "../policies/industrialSupport.js";
import { talentEnterprises, talentJobs } from "../policies/talentIntroduction.js";
import { promotionPosts } from "../policies/employmentPromotion.js";
import { serviceQualityGain } from "../policies/ecologicalLivability.js";

/**
 * Site economy: the local jobs open to residents and the site's public goods.
 * - Market jobs turn over (a share destroyed each year) and are re-created toward the site's
 *   base level, with site-level shocks: jobs that come and go.
 * - The levers' jobs: industrial support (paper 3.2), enterprises of introduced talent
 *   (4.1(1)) and assisted posts (employment promotion, 4.3(2)), each by its policy file's rule.
 * - Service quality (base by site type, plus livability 4.1(3)) and community activity (plus
 *   rural civilization 4.1(3)), each capped at 1; the response time of site management (base,
 *   cut by governance 4.1(3) and grid management 4.3(3)) and the safety that follows from it,
 *   safety = d½ / (d½ + response days), the one rule of every scenario.
 * Draws are the site's (keyed by site): the market shock from `economy`, the introduced
 * enterprises from `talent`, so switching talent introduction on leaves the shocks alone.
 */
export function siteEconomy(p: Params, c: StepContext, st: State, s: number, economy: KeyedRandom, talent: KeyedRandom): void {
  const S = st.sites;
  const m = c.step - S.openStep[s]!;
  if (m < 0) return;
  const households = S.hhEnd[s]! - S.hhStart[s]!;
  const urban = S.urban[s] === 1;
  const econ = p.siteEconomy;
  const lv = c.levers;

  const base = ((urban ? econ.urbanBaseJobsPer100Households : econ.ruralBaseJobsPer100Households) * households) / 100;
  const turnover = econ.jobTurnover / 12;
  if (m === 0) S.marketJobs[s] = base * 0.5;
  const shock = 0.25 * Math.sqrt(base) * normal(economy.at(s));
  S.marketJobs[s] = Math.max(0, S.marketJobs[s]! + turnover * (base - S.marketJobs[s]!) + shock);

  S.supportJobs[s] = industrialSupportJobs(p, households, m);
  S.talentFirms[s] = talentEnterprises(p, S.talentFirms[s]!, households, talent.at(s));
  S.promotionJobs[s] = promotionPosts(p, households, m);

  const integ = p.integration;
  const service = (urban ? integ.urbanServiceQuality : integ.ruralServiceQuality) + serviceQualityGain(p, m);
  S.serviceQuality[s] = Math.min(1, service);
  S.activity[s] = Math.min(1, integ.baseCommunityActivity + lv.ruralCivilization.activityGain);
  S.responseDays[s] = integ.baseResponseDays * lv.effectiveGovernance.responseFactor * lv.gridManagement.responseFactor;
  S.safety[s] = safetyOf(integ.safetyHalfDays, S.responseDays[s]!);
}

/** Local jobs at site s this step (market, industrial support, talent enterprises, assisted posts). */
export function localJobs(p: Params, st: State, s: number): number {
  const S = st.sites;
  return S.marketJobs[s]! + S.supportJobs[s]! + talentJobs(p, S.talentFirms[s]!) + S.promotionJobs[s]!;
}

/** Safety (0-1) of a site whose management takes `days` to respond: ½ at `halfDays`. */
export function safetyOf(halfDays: number, days: number): number {
  return halfDays / (halfDays + days);
}
