import { group, num, bool, paper } from "../params/spec.js";

/**
 * Industrial development and employment promotion with employment tracking services
 * (paper 4.3(2)): more local vacancies (public-welfare and assisted posts), a lower
 * separation rate, and faster re-employment (higher matching efficiency).
 */
export const employmentPromotion = group(
  "Industrial development and employment promotion; employment tracking services",
  {
    enabled: bool(false, paper("4.3(2)"), "Switch the lever on"),
    jobsPer100Households: num(8, { min: 0, max: 100, unit: "jobs per 100 households" }, "assumption", "Assisted and public-welfare posts created at the site"),
    separationReduction: num(0.3, { min: 0, max: 1 }, "assumption", "Relative fall of the separation hazard from tracking services"),
    matchingEfficiencyGain: num(0.5, { min: 0, max: 5 }, "assumption", "Relative rise of matching efficiency"),
  },
  "4.3(2)",
);
