import { group, num, oneOf, share, paper } from "../params/spec.js";

/**
 * Vocational training (paper 4.1(2), 4.3(2)): "uniform" courses raise general skill without
 * regard to the site's own industries ("one size fits all", which the paper warns against);
 * "needs-based" courses are tied to local industry: a smaller general gain, but graduates
 * match the site's own vacancies more easily, and local employers who helped plan a course
 * open posts for some of its graduates (order-based training), so needs-based training adds
 * local jobs rather than only reshuffling who gets the few there are.
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
    needsBasedPlacement: share(0.1, paper("4.3(2)") + " (training tied to local industry); size an assumption", "Share of unemployed needs-based graduates placed in a post a local employer opens for them"),
  },
  "4.1(2), 4.3(2)",
);
