import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Industrial development and employment promotion with employment tracking services
 * (paper 4.3(2)). Where it acts:
 * - site economy (model/siteEconomy.ts): assisted and public-welfare posts open at the site,
 *   building up over the first year (`promotionPosts`, part of localJobs);
 * - labour market: tracking services multiply the separation hazard of local wage jobs by
 *   `separationFactor` (the step context's `separation`, model/context.ts), and re-employment
 *   is faster: matching efficiency is multiplied by `matchingFactor` (model/labourMarket.ts).
 * - cost (model/costs.ts): `postYuanPerMonth` for each assisted post, and tracking services,
 *   `trackingYuanPerHouseholdYear` per household of an open site.
 */
export const employmentPromotion = group(
  "Industrial development and employment promotion; employment tracking services",
  {
    enabled: bool(false, paper("4.3(2)"), "Switch the lever on"),
    jobsPer100Households: num(8, { min: 0, max: 100, unit: "jobs per 100 households", range: [4, 15] }, "assumption", "Assisted and public-welfare posts created at the site"),
    separationReduction: num(0.3, { min: 0, max: 1, range: [0.1, 0.5] }, "assumption", "Relative fall of the separation hazard from tracking services"),
    matchingEfficiencyGain: num(0.5, { min: 0, max: 5, range: [0.2, 1] }, "assumption", "Relative rise of matching efficiency"),
    postYuanPerMonth: num(1000, { min: 0, max: 10000, unit: "yuan per post per month", range: [500, 2000] }, "assumption" + " (public-welfare posts paid about 500-2,000 yuan a month)", "Public cost of an assisted or public-welfare post, 2016 prices"),
    trackingYuanPerHouseholdYear: num(40, { min: 0, max: 1000, unit: "yuan per household per year", range: [10, 120] }, "assumption", "Public cost of employment tracking services, 2016 prices"),
  },
  "4.3(2)",
);

export interface EmploymentPromotionEffects {
  /** Factor on the monthly separation hazard (1 without the lever). */
  separationFactor: number;
  /** Factor on matching efficiency (1 without the lever). */
  matchingFactor: number;
}

export function employmentPromotionEffects(p: Params): EmploymentPromotionEffects {
  const ep = p.policies.employmentPromotion;
  return {
    separationFactor: ep.enabled ? 1 - ep.separationReduction : 1,
    matchingFactor: ep.enabled ? 1 + ep.matchingEfficiencyGain : 1,
  };
}

/** Assisted posts at a site of `households` households open for m months (0 without the lever). */
export function promotionPosts(p: Params, households: number, m: number): number {
  const ep = p.policies.employmentPromotion;
  return ep.enabled ? ((ep.jobsPer100Households * households) / 100) * (1 - Math.exp(-(m + 1) / 12)) : 0;
}

/** Public cost this month (yuan) at an open site of `households` households with `posts` assisted posts (0 without the lever). */
export function employmentPromotionCost(p: Params, households: number, posts: number, priceIndex: number): number {
  const ep = p.policies.employmentPromotion;
  if (!ep.enabled) return 0;
  return priceIndex * (posts * ep.postYuanPerMonth + (households * ep.trackingYuanPerHouseholdYear) / 12);
}
