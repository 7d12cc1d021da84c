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
 */
export const transitionPeriod = group(
  "Transition period: keep the original house for a time, no immediate demolition; classified compensation",
  {
    enabled: bool(false, paper("4.2(1)"), "Switch the lever on"),
    months: num(36, { min: 0, max: 120, unit: "months", integer: true, range: [12, 60] }, paper("4.2(1)") + "; length an assumption", "How long the origin house is kept after the handover"),
    compensationPerHousehold: num(5000, { min: 0, max: 100000, unit: "yuan per household", range: [2000, 15000] }, "assumption", "Classified compensation paid once at signing"),
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
