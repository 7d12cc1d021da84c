import { group, num, bool, within, share, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Effective governance (paper 4.1(3)): community safety, party and mass organisations.
 * Where it acts:
 * - site economy (model/siteEconomy.ts): community organisations and a staffed site office cut
 *   the response time of site management by `responseTimeCut` (`responseFactor`); the site's
 *   safety follows its response time, and safety feeds psychological integration by the rule
 *   every scenario shares (model/integration.ts); the lever adds nothing to the index itself;
 * - poverty monitoring (model/poverty.ts): every household at risk of relapse is detected
 *   `detectionFactor` times as often.
 * - cost (model/costs.ts): community staff and organisations, `staffYuanPerHouseholdYear`
 *   per household of an open site.
 */
export const effectiveGovernance = group(
  "Effective governance: community safety, organisations",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    responseTimeCut: within(share(0.5, paper("4.1(3)") + " (community safety, organisations); size an assumption", "Relative cut of the response time of site management"), 0.25, 0.7),
    detectionSpeedup: num(0.5, { min: 0, max: 10, range: [0.2, 1.5] }, "assumption", "Relative rise of the monthly probability that an at-risk household is detected"),
    staffYuanPerHouseholdYear: num(150, { min: 0, max: 5000, unit: "yuan per household per year", range: [50, 400] }, "assumption" + " (one community worker at about 45,000 yuan a year per 300 households)", "Public cost of community safety staff and organisations, 2016 prices"),
  },
  "4.1(3)",
);

export interface EffectiveGovernanceEffects {
  /** Factor on the response time of site management (1 without the lever). */
  responseFactor: number;
  /** Factor on the monthly detection probability (1 without the lever). */
  detectionFactor: number;
}

export function effectiveGovernanceEffects(p: Params): EffectiveGovernanceEffects {
  const eg = p.policies.effectiveGovernance;
  return {
    responseFactor: eg.enabled ? 1 - eg.responseTimeCut : 1,
    detectionFactor: eg.enabled ? 1 + eg.detectionSpeedup : 1,
  };
}

/** Public cost this month (yuan) at an open site of `households` households (0 without the lever). */
export function effectiveGovernanceCost(p: Params, households: number, priceIndex: number): number {
  const eg = p.policies.effectiveGovernance;
  return eg.enabled ? (households * eg.staffYuanPerHouseholdYear * priceIndex) / 12 : 0;
}
