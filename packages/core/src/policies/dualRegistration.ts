import { group, num, bool, share, within, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";
import type { StepContext } from "../model/context.js";
import { Registration, Residence, type State } from "../kernel/state.js";

/**
 * Dual household registration (paper 4.2(3)): origin land and collective rights plus
 * destination medical care and social security. Where it acts:
 * - residence (model/residence.ts), at signing: households register on both books (`dual`;
 *   without it urban sites register at the destination and rural ones keep origin
 *   registration), and their origin land is secure (`securesLand`: no land loss at signing);
 * - income (model/income.ts): households holding a home with destination or dual
 *   registration receive `socialSecurityPerPersonMonth` per member (so urban households get it
 *   without the lever; the lever extends it to rural sites);
 * - integration (model/integration.ts) reads only the state this leaves: registration on both
 *   books, and land kept, give a household full security of rights, which the one integration
 *   rule turns into psychological integration (and so fewer returns); the lever adds nothing
 *   to the index itself;
 * - dual registration is a transition-period arrangement (4.2(3): "during the transition period
 *   of relocation, a double-book system"): `transitionMonths` after moving in, a household
 *   settles on the destination register (`settleRegistrations`, called by integration);
 *   its origin land contract rights stay (the land law protects them whatever the
 *   registration), so it keeps its rights security, but the relief on the pull of land ends;
 * - residence (model/residence.ts), returns: kept land pulls a household back to origin; with
 *   rights held on both registers it need not go back to keep it, so the pull is multiplied by
 *   `landPullFactor` (without this, securing the land made dual registration raise returns);
 *   the step's context (model/context.ts) forms that reduced pull once a month, and with it
 *   the bound of the return hazard under which a resident household is known to stay.
 * - cost (model/costs.ts): the destination social security the lever extends (to
 *   dual-registered households of rural sites; urban ones would have it anyway), and keeping
 *   both registers, `adminYuanPerHouseholdYear` per dual-registered household.
 */
export const dualRegistration = group(
  "Dual household registration: origin land rights + destination social security",
  {
    enabled: bool(false, paper("4.2(3)"), "Switch the lever on"),
    socialSecurityYuanPerPersonMonth: num(60, { min: 0, max: 2000, unit: "yuan per person per month", range: [30, 120] }, "assumption", "Destination social-security and medical benefits added per member"),
    landPullRelief: within(share(0.5, paper("4.2(3)") + "; size an assumption", "Share of origin land's pull on returns removed for dual-registered households"), 0.25, 0.75),
    transitionMonths: num(60, { min: 1, max: 600, unit: "months", integer: true, range: [36, 120] }, paper("4.2(3)") + " (dual books during the transition period); length an assumption (the five-year transition period after 2020)", "Months after moving in that a household stays on both registers before settling on the destination register"),
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
  /** Months after moving in that a household keeps dual registration. */
  dualMonths: number;
  /** Factor on the pull of origin land for a dual-registered household. */
  landPullFactor: number;
}

export function dualRegistrationEffects(p: Params): DualRegistrationEffects {
  const dr = p.policies.dualRegistration;
  return {
    dual: dr.enabled,
    securesLand: dr.enabled,
    socialSecurityPerPersonMonth: dr.socialSecurityYuanPerPersonMonth,
    dualMonths: dr.transitionMonths,
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

/**
 * End of the transition period (4.2(3)): resident households of site s registered on both
 * books for `dualMonths` since moving in settle on the destination register.
 */
export function settleRegistrations(c: StepContext, st: State, s: number): void {
  const H = st.households;
  const months = c.levers.dualRegistration.dualMonths;
  for (let h = st.sites.hhStart[s]!; h < st.sites.hhEnd[s]!; h++) {
    if (H.registration[h] === Registration.Dual && H.residence[h] === Residence.Resident && c.step - H.moveStep[h]! >= months) {
      H.registration[h] = Registration.Destination;
    }
  }
}
