import { group, num, bool, paper } from "../params/spec.js";

/**
 * Talent introduction and training mechanism (paper 4.1(1)): outside talent is attracted to
 * the site to start enterprises and work. Acts in the site economy (new enterprises add
 * durable local jobs) and in training (skill spill-over: trainees learn more per course).
 */
export const talentIntroduction = group(
  "Talent introduction and training mechanism: enterprises founded by introduced talent; skill spill-over to trainees",
  {
    enabled: bool(false, paper("4.1(1)"), "Switch the lever on"),
    enterprisesPerYearPer1000Households: num(1.5, { min: 0, max: 20, unit: "enterprises per 1,000 households per year" }, "assumption", "Rate at which introduced talent founds enterprises at a site"),
    jobsPerEnterprise: num(12, { min: 0, max: 200, unit: "jobs" }, "assumption", "Local jobs each such enterprise offers"),
    enterpriseSurvivalYears: num(8, { min: 0.5, max: 50, unit: "years" }, "assumption", "Mean lifetime of an introduced enterprise (its jobs then close)"),
    trainingSpillover: num(0.5, { min: 0, max: 3 }, "assumption", "Relative increase of the skill gained per training course"),
  },
  "4.1(1)",
);
