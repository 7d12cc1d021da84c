import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Rural civilization (paper 4.1(3)): cultural activities and respect for customs. Where it acts:
 * - site economy (model/siteEconomy.ts): the site's community activity (cultural activities
 *   held in ways that respect the residents' customs) rises by `activityGain`;
 * - integration (model/integration.ts), by the one rule every scenario shares: activity enters
 *   the social target and forms ties at the site, and ties at the site raise social and
 *   psychological integration. The lever adds nothing to an integration target itself.
 * - cost (model/costs.ts): a venue, `venueYuanPerHousehold` per household when the site opens,
 *   and the activities, `activitiesYuanPerHouseholdYear` while they raise the site's activity.
 */
export const ruralCivilization = group(
  "Rural civilization: cultural activities, respect for customs",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    communityActivityGain: num(0.35, { min: 0, max: 1, unit: "activity points", range: [0.15, 0.5] }, paper("4.1(3)") + " (cultural activities; 40,000 cultural activity venues built, NDRC 2020-12-03); size an assumption", "Rise of community activity (0-1)"),
    venueYuanPerHousehold: num(4500, { min: 0, max: 100000, unit: "yuan per household", range: [2000, 10000] }, "assumption (40,000 cultural activity venues for 2.66 M households 2016-2020, NDRC 2020-12-03, about one per site; at an assumed 300,000 yuan each, 12 bn yuan)", "Capital cost of cultural venues per household, 2016 prices"),
    activitiesYuanPerHouseholdYear: num(60, { min: 0, max: 2000, unit: "yuan per household per year", range: [20, 200] }, "assumption", "Running cost of cultural activities per household, 2016 prices"),
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

/** Public cost this month (yuan) at a site of `households` households open for m months (0 without the lever). */
export function ruralCivilizationCost(p: Params, households: number, m: number, priceIndex: number): number {
  const rc = p.policies.ruralCivilization;
  if (!rc.enabled || m < 0 || rc.communityActivityGain <= 0) return 0;
  return households * priceIndex * ((m === 0 ? rc.venueYuanPerHousehold : 0) + rc.activitiesYuanPerHouseholdYear / 12);
}
