import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Transition period (paper 4.2(1)): keep the original house for a time instead of immediate
 * demolition, with classified compensation. Where it acts:
 * - residence (model/residence.ts): the origin house stands `originHouseMonths` after the
 *   site's handover (the lever's `months`, else `residence.baselineTransitionMonths`);
 *   meanwhile a household may stay transitional (a crowded one holds back), keep farming at
 *   origin, and is not yet forced to choose between moving in and giving up the home; a
 *   resident who returns meanwhile finds the house standing (no rebuilding cost);
 * - income (model/income.ts): `compensationPerHousehold` is paid once, as a transfer, in the
 *   month the household signs.
 * - cost (model/costs.ts): the compensation paid at signing, and for each month an origin
 *   house stands beyond the baseline period, `delayedReclamationYuanPerHouseholdMonth` (the
 *   county's land-quota revenue from reclaiming the homestead, delayed).
 */
export const transitionPeriod = group(
  "Transition period: keep the original house for a time, no immediate demolition; classified compensation",
  {
    enabled: bool(false, paper("4.2(1)"), "Switch the lever on"),
    months: num(36, { min: 0, max: 120, unit: "months", integer: true, range: [12, 60] }, paper("4.2(1)") + "; length an assumption", "How long the origin house is kept after the handover"),
    compensationPerHousehold: num(5000, { min: 0, max: 100000, unit: "yuan per household", range: [2000, 15000] }, "assumption", "Classified compensation paid once at signing"),
    delayedReclamationYuanPerHouseholdMonth: num(50, { min: 0, max: 2000, unit: "yuan per household per month", range: [0, 200] }, "assumption", "Cost of delaying the reclamation of an origin homestead (land-quota revenue deferred), 2016 prices"),
  },
  "4.2(1)",
);

export interface TransitionPeriodEffects {
  /** Months the origin house stands after signing. */
  originHouseMonths: number;
  /** Does a household receive classified compensation when it signs? */
  compensates: boolean;
  /** Yuan per household, paid at signing. */
  compensationPerHousehold: number;
}

export function transitionPeriodEffects(p: Params): TransitionPeriodEffects {
  const tp = p.policies.transitionPeriod;
  return {
    originHouseMonths: tp.enabled ? tp.months : p.residence.baselineTransitionMonths,
    compensates: tp.enabled,
    compensationPerHousehold: tp.compensationPerHousehold,
  };
}

/**
 * Public cost this month (yuan): compensation for the `signing` households that sign now, and
 * the deferred reclamation of `keptBeyondBaseline` origin houses that stand only because of
 * the lever (0 without it).
 */
export function transitionPeriodCost(p: Params, signing: number, keptBeyondBaseline: number, priceIndex: number): number {
  const tp = p.policies.transitionPeriod;
  if (!tp.enabled) return 0;
  return signing * tp.compensationPerHousehold + keptBeyondBaseline * tp.delayedReclamationYuanPerHouseholdMonth * priceIndex;
}
