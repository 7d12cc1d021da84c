import { group, num, bool, paper } from "../params/spec.js";

/**
 * Rural civilization (paper 4.1(3)): cultural activities and respect for customs. Raises the
 * site's community activity, which builds social ties at the site and, through them, social
 * and psychological integration.
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
