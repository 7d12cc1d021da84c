import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Effective governance (paper 4.1(3)): community safety, party and mass organisations.
 * Where it acts:
 * - site economy (model/siteEconomy.ts): the site's safety and responsiveness rise by
 *   `safetyGain`, which feeds psychological integration (model/integration.ts);
 * - poverty monitoring (model/poverty.ts): every household at risk (own income below the line;
 *   with dynamic monitoring from March 2020 also below the monitoring line or hit by a shock) is
 *   detected `detectionFactor` times as often. The lever changes the detection rate only: who
 *   is assisted and how much follows from the household's own income, as in every scenario.
 * - cost (model/costs.ts): community staff and organisations, `staffYuanPerHouseholdYear`
 *   per household of an open site.
 */
export const effectiveGovernance = group(
  "Effective governance: community safety, organisations",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    safetyGain: num(0.25, { min: 0, max: 1, unit: "safety points" }, "assumption", "Rise of safety and responsiveness (0-1)"),
    detectionSpeedup: num(0.5, { min: 0, max: 10, range: [0.2, 1.5] }, "assumption", "Relative rise of the monthly probability that an at-risk household is detected"),
    staffYuanPerHouseholdYear: num(150, { min: 0, max: 5000, unit: "yuan per household per year", range: [50, 400] }, "assumption" + " (one community worker at about 45,000 yuan a year per 300 households)", "Public cost of community safety staff and organisations, 2016 prices"),
  },
  "4.1(3)",
);

export interface EffectiveGovernanceEffects {
  /** Safety points added at every open site (0 without the lever). */
  safetyGain: number;
  /** Factor on the monthly detection probability (1 without the lever). */
  detectionFactor: number;
}

export function effectiveGovernanceEffects(p: Params): EffectiveGovernanceEffects {
  const eg = p.policies.effectiveGovernance;
  return {
    safetyGain: eg.enabled ? eg.safetyGain : 0,
    detectionFactor: eg.enabled ? 1 + eg.detectionSpeedup : 1,
  };
}

/** Public cost this month (yuan) at an open site of `households` households (0 without the lever). */
export function effectiveGovernanceCost(p: Params, households: number, priceIndex: number): number {
  const eg = p.policies.effectiveGovernance;
  return eg.enabled ? (households * eg.staffYuanPerHouseholdYear * priceIndex) / 12 : 0;
}
