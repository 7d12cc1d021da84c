import { group, num, bool, paper } from "../params/spec.js";

/**
 * Effective governance (paper 4.1(3)): community safety, party and mass organisations.
 * Raises site safety and responsiveness, which feeds psychological integration, and speeds
 * detection of households at risk of relapse.
 */
export const effectiveGovernance = group(
  "Effective governance: community safety, organisations",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    safetyGain: num(0.25, { min: 0, max: 1, unit: "safety points" }, "assumption", "Rise of safety and responsiveness (0-1)"),
    detectionSpeedup: num(0.5, { min: 0, max: 10 }, "assumption", "Relative rise of the monthly probability that an at-risk household is detected"),
  },
  "4.1(3)",
);
