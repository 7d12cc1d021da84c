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
 * Cost (model/costs.ts): the area added to a home beyond what it was given at signing, held
 * by a household with a home, at `yuanPerM2Month` (the rent of public housing of that size).
 */
export const housingAdjustment = group(
  "Housing adjustment when families grow (vs area fixed at signing)",
  {
    enabled: bool(false, paper("3.3"), "Switch the lever on"),
    delayMonths: num(12, { min: 0, max: 120, unit: "months", integer: true, range: [3, 36] }, "assumption", "Time from crowding to the adjusted area"),
    yuanPerM2Month: num(8, { min: 0, max: 200, unit: "yuan per m2 per month", range: [3, 20] }, "assumption" + " (rent of public rental housing in county towns)", "Public cost of an added m2 of housing a month, 2016 prices"),
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

/** Public cost this month (yuan) of `addedArea` m² added to homes by the adjustment (0 without the lever). */
export function housingAdjustmentCost(p: Params, addedArea: number, priceIndex: number): number {
  const ha = p.policies.housingAdjustment;
  return ha.enabled ? addedArea * ha.yuanPerM2Month * priceIndex : 0;
}
