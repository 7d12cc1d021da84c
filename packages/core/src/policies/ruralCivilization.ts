import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Rural civilization (paper 4.1(3)): cultural activities and respect for customs. Where it acts:
 * - site economy (model/siteEconomy.ts): the site's community activity rises by
 *   `activityGain`; activity builds social ties at the site and, through them, social and
 *   psychological integration (model/integration.ts);
 * - integration (model/integration.ts): respect for customs raises residents'
 *   psychological-identity target by `customsRespect`.
 */
export const ruralCivilization = group(
  "Rural civilization: cultural activities, respect for customs",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    communityActivityGain: num(0.35, { min: 0, max: 1, unit: "activity points" }, "assumption", "Rise of community activity (0-1)"),
    customsRespect: num(0.1, { min: 0, max: 1, unit: "identity points" }, paper("4.1(3)") + "; size an assumption", "Rise of the psychological-identity target from respect for customs"),
  },
  "4.1(3)",
);

export interface RuralCivilizationEffects {
  /** Community-activity points added at every open site (0 without the lever). */
  activityGain: number;
  /** Identity points added to residents' psychological target (0 without the lever). */
  customsRespect: number;
}

export function ruralCivilizationEffects(p: Params): RuralCivilizationEffects {
  const rc = p.policies.ruralCivilization;
  return {
    activityGain: rc.enabled ? rc.communityActivityGain : 0,
    customsRespect: rc.enabled ? rc.customsRespect : 0,
  };
}
