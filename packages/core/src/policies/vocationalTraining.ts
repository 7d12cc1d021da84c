import { group, num, oneOf, share, paper } from "../params/spec.js";

/**
 * Vocational training (paper 4.1(2), 4.3(2)): "uniform" courses raise general skill without
 * regard to the site's own industries ("one size fits all", which the paper warns against);
 * "needs-based" courses are tied to local industry: a smaller general gain, but graduates
 * match the site's own vacancies more easily.
 */
export const vocationalTraining = group(
  "Vocational training: uniform (one size fits all) vs needs-based, tied to local industry",
  {
    mode: oneOf(["none", "uniform", "needsBased"], "uniform", paper("4.1(2)"), "Kind of training offered (baseline: uniform courses, which were widespread)"),
    annualCoverage: share(0.2, "assumption", "Share of unemployed or low-skilled labour entering a course each year", "share per year"),
    courseMonths: num(3, { min: 1, max: 24, unit: "months", integer: true }, "assumption", "Course length"),
    uniformSkillGain: num(0.08, { min: 0, max: 1, unit: "skill points" }, "assumption", "Skill gained per uniform course"),
    needsBasedSkillGain: num(0.06, { min: 0, max: 1, unit: "skill points" }, "assumption", "Skill gained per needs-based course"),
    needsBasedMatchWeight: num(2.5, { min: 1, max: 20 }, paper("4.1(2)") + "; size an assumption", "Relative weight of a needs-based graduate in the matching to local vacancies"),
  },
  "4.1(2), 4.3(2)",
);
