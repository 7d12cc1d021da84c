import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Rural civilization (paper 4.1(3)): cultural activities and respect for customs. Where it acts:
 * - site economy (model/siteEconomy.ts): the site's community activity (cultural activities
 *   held in ways that respect the residents' customs) rises by `activityGain`;
 * - integration (model/integration.ts), by the one rule every scenario shares: activity enters
 *   the social target and forms ties at the site, and ties at the site raise social and
 *   psychological integration. The lever adds nothing to an integration target itself.
 */
export const ruralCivilization = group(
  "Rural civilization: cultural activities, respect for customs",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    communityActivityGain: num(0.35, { min: 0, max: 1, unit: "activity points", range: [0.15, 0.5] }, paper("4.1(3)") + " (cultural activities; 40,000 cultural activity venues built, NDRC 2020-12-03); size an assumption", "Rise of community activity (0-1)"),
  },
  "4.1(3)",
);

export interface RuralCivilizationEffects {
  /** Community-activity points added at every open site (0 without the lever). */
  activityGain: number;
}

export function ruralCivilizationEffects(p: Params): RuralCivilizationEffects {
  const rc = p.policies.ruralCivilization;
  return {
    activityGain: rc.enabled ? rc.communityActivityGain : 0,
  };
}
