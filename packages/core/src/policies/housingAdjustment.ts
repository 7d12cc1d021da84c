import { group, num, bool, paper } from "../params/spec.js";

/**
 * Housing adjustment when families grow (paper 3.3). The area is fixed at signing (at most
 * 25 m2 a person); births and marriages crowd the home, which drives dissatisfaction and
 * give-ups unless the area is adjusted after a delay.
 */
export const housingAdjustment = group(
  "Housing adjustment when families grow (vs area fixed at signing)",
  {
    enabled: bool(false, paper("3.3"), "Switch the lever on"),
    delayMonths: num(12, { min: 0, max: 120, unit: "months", integer: true }, "assumption", "Time from crowding to the adjusted area"),
  },
  "3.3",
);
