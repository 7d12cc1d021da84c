import { group, num, bool, share, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Dual household registration (paper 4.2(3)): origin land and collective rights plus
 * destination medical care and social security. Where it acts:
 * - residence (model/residence.ts), at signing: households register on both books (`dual`;
 *   without it urban sites register at the destination and rural ones keep origin
 *   registration), and their origin land is secure (`securesLand`: no land loss at signing);
 * - income (model/income.ts): households holding a home with destination or dual
 *   registration receive `socialSecurityPerPersonMonth` per member (so urban households get it
 *   without the lever; the lever extends it to rural sites);
 * - integration (model/integration.ts): secure rights raise a dual-registered resident's
 *   psychological-integration target by `rightsSecurity`, so fewer households return;
 * - residence (model/residence.ts), returns: kept land pulls a household back to origin; with
 *   rights held on both registers it need not go back to keep it, so the pull is multiplied by
 *   `landPullFactor` (without this, securing the land made dual registration raise returns).
 * - cost (model/costs.ts): the destination social security the lever extends (to
 *   dual-registered households of rural sites; urban ones would have it anyway), and keeping
 *   both registers, `adminYuanPerHouseholdYear` per dual-registered household.
 */
export const dualRegistration = group(
  "Dual household registration: origin land rights + destination social security",
  {
    enabled: bool(false, paper("4.2(3)"), "Switch the lever on"),
    socialSecurityYuanPerPersonMonth: num(60, { min: 0, max: 2000, unit: "yuan per person per month" }, "assumption", "Destination social-security and medical benefits added per member"),
    rightsSecurityGain: num(0.15, { min: 0, max: 1, unit: "identity points" }, "assumption", "Rise of the psychological-integration target from secure rights"),
    landPullRelief: share(0.5, paper("4.2(3)") + "; size an assumption", "Share of origin land's pull on returns removed for dual-registered households"),
    adminYuanPerHouseholdYear: num(30, { min: 0, max: 1000, unit: "yuan per household per year", range: [10, 100] }, "assumption", "Administrative cost of keeping a household on both registers, 2016 prices"),
  },
  "4.2(3)",
);

export interface DualRegistrationEffects {
  /** Do households register on both books at signing? */
  dual: boolean;
  /** Is origin land secure at signing? */
  securesLand: boolean;
  /** Destination social security, yuan (2016 prices) per member per month. */
  socialSecurityPerPersonMonth: number;
  /** Identity points added for a dual-registered resident (0 without the lever). */
  rightsSecurity: number;
  /** Factor on the pull of origin land for a dual-registered household. */
  landPullFactor: number;
}

export function dualRegistrationEffects(p: Params): DualRegistrationEffects {
  const dr = p.policies.dualRegistration;
  return {
    dual: dr.enabled,
    securesLand: dr.enabled,
    socialSecurityPerPersonMonth: dr.socialSecurityYuanPerPersonMonth,
    rightsSecurity: dr.enabled ? dr.rightsSecurityGain : 0,
    landPullFactor: dr.enabled ? 1 - dr.landPullRelief : 1,
  };
}

/**
 * Public cost this month (yuan): `extendedPersons` members of dual-registered households holding
 * a home at rural sites receive social security only because of the lever; `dualHouseholds`
 * households are on both registers (0 without the lever).
 */
export function dualRegistrationCost(p: Params, extendedPersons: number, dualHouseholds: number, priceIndex: number): number {
  const dr = p.policies.dualRegistration;
  if (!dr.enabled) return 0;
  return priceIndex * (extendedPersons * dr.socialSecurityYuanPerPersonMonth + (dualHouseholds * dr.adminYuanPerHouseholdYear) / 12);
}
