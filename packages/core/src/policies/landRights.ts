import { group, num, bool, within, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Keep land contracting rights and collective distributions (paper 4.3(1)). Where it acts:
 * - residence (model/residence.ts), at signing: origin land is secure (`securesLand`); without
 *   it (or dual registration) a share of households lose their origin land
 *   (`income.landLossAtSigning`);
 * - income (model/income.ts): kept land not farmed earns `landRentPerMuMonth` (whenever land is
 *   kept: the lever keeps it from being lost), and households receive the origin collective
 *   distribution `originDistributionPerPersonMonth` per member;
 * kept land is also a tie to origin: it slows the fading of origin ties (model/integration.ts),
 * pulls residents back (model/residence.ts) and lets members farm (model/labourMarket.ts).
 * - cost (model/costs.ts): keeping the rights registered, `adminYuanPerHouseholdYear` per
 *   signed household whose origin land is kept (the distribution itself is the origin
 *   collective's, not public money).
 */
export const landRights = group(
  "Keep land contracting rights and collective distributions",
  {
    enabled: bool(false, paper("4.3(1)"), "Switch the lever on"),
    rentYuanPerMuYear: within(num(300, { min: 0, max: 3000, unit: "yuan per mu per year" }, "assumption", "Rent for origin land kept but not farmed (earned whenever land is kept; the lever keeps it from being lost)"), 100, 600, { why: "remote hill land rents for little; a few hundred yuan a mu where it is transferred to cooperatives" }),
    collectiveDistributionPerPersonYear: within(num(120, { min: 0, max: 5000, unit: "yuan per person per year" }, "assumption", "Origin collective distribution kept"), 0, 400, { why: "poor villages had little or no collective income" }),
    adminYuanPerHouseholdYear: num(30, { min: 0, max: 1000, unit: "yuan per household per year", range: [10, 100] }, "assumption", "Administrative cost of confirming and keeping land contracting rights registered, 2016 prices"),
  },
  "4.3(1)",
);

export interface LandRightsEffects {
  /** Is origin land secure at signing? */
  securesLand: boolean;
  /** Rent, yuan (2016 prices) per mu per month, for kept land not farmed. */
  landRentPerMuMonth: number;
  /** Origin collective distribution, yuan (2016 prices) per member per month (0 without the lever). */
  originDistributionPerPersonMonth: number;
}

export function landRightsEffects(p: Params): LandRightsEffects {
  const lr = p.policies.landRights;
  return {
    securesLand: lr.enabled,
    landRentPerMuMonth: lr.rentYuanPerMuYear / 12,
    originDistributionPerPersonMonth: lr.enabled ? lr.collectiveDistributionPerPersonYear / 12 : 0,
  };
}

/** Public cost this month (yuan) for `households` signed households whose land is kept (0 without the lever). */
export function landRightsCost(p: Params, households: number, priceIndex: number): number {
  const lr = p.policies.landRights;
  return lr.enabled ? (households * lr.adminYuanPerHouseholdYear * priceIndex) / 12 : 0;
}
