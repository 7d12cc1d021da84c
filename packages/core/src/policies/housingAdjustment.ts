import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Housing adjustment when families grow (paper 3.3). The area is fixed at signing (at most
 * 25 m2 a person); births and marriages between signing and move-in (the construction lag)
 * and after crowd the home, which drives dissatisfaction (model/integration.ts), holding back
 * and giving up at entry and after (model/residence.ts) and sons' couples splitting off
 * (model/demography.ts). Where the lever acts: demography
 * (model/demography.ts), after the month's births and marriages: a crowded home still held is
 * enlarged to the current size `delayMonths` after it became crowded.
 */
export const housingAdjustment = group(
  "Housing adjustment when families grow (vs area fixed at signing)",
  {
    enabled: bool(false, paper("3.3"), "Switch the lever on"),
    delayMonths: num(12, { min: 0, max: 120, unit: "months", integer: true, range: [3, 36] }, "assumption", "Time from crowding to the adjusted area"),
  },
  "3.3",
);

export interface HousingAdjustmentEffects {
  /** Are crowded homes enlarged? */
  adjusts: boolean;
  /** Months from crowding to the enlarged area. */
  delayMonths: number;
}

export function housingAdjustmentEffects(p: Params): HousingAdjustmentEffects {
  const ha = p.policies.housingAdjustment;
  return { adjusts: ha.enabled, delayMonths: ha.delayMonths };
}
