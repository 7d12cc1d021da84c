import { group, num, oneOf, share, within, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";
import { monthly } from "../kernel/random.js";

/**
 * Vocational training (paper 4.1(2), 4.3(2)): "uniform" courses raise general skill without
 * regard to the site's own industries ("one size fits all", which the paper warns against);
 * "needs-based" courses are tied to local industry: a smaller general gain, but graduates
 * match the site's own vacancies more easily, and local employers who helped plan a course
 * open posts for some of its graduates (order-based training), so needs-based training adds
 * local jobs rather than only reshuffling who gets the few there are. Where it acts:
 * - training (model/training.ts), the course itself: who enters (`entryHazard`), for how long
 *   (`courseMonths`), the skill gained (`skillGain`), the match to local industry and the
 *   placement of unemployed graduates (`needsBased`, `placement`); no courses with mode "none";
 * - labour market (model/labourMarket.ts): a matched graduate's weight in local matching
 *   (`matchWeight`).
 * - cost (model/costs.ts): each month a person spends in a course costs
 *   `uniformYuanPerTraineeMonth` or `needsBasedYuanPerTraineeMonth`.
 */
export const vocationalTraining = group(
  "Vocational training: uniform (one size fits all) vs needs-based, tied to local industry",
  {
    mode: oneOf(["none", "uniform", "needsBased"], "uniform", paper("4.1(2)"), "Kind of training offered (baseline: uniform courses, which were widespread)"),
    annualCoverage: within(share(0.2, "assumption", "Share of unemployed or low-skilled labour entering a course each year", "share per year"), 0.1, 0.35),
    courseMonths: num(3, { min: 1, max: 24, unit: "months", integer: true, range: [1, 6] }, "assumption", "Course length"),
    uniformSkillGain: num(0.08, { min: 0, max: 1, unit: "skill points", range: [0.03, 0.15] }, "assumption", "Skill gained per uniform course"),
    needsBasedSkillGain: num(0.06, { min: 0, max: 1, unit: "skill points", range: [0.02, 0.12] }, "assumption", "Skill gained per needs-based course"),
    needsBasedMatchWeight: num(2.5, { min: 1, max: 20, range: [1.5, 4] }, paper("4.1(2)") + "; size an assumption", "Relative weight of a needs-based graduate in the matching to local vacancies"),
    needsBasedPlacement: within(share(0.1, paper("4.3(2)") + " (training tied to local industry); size an assumption", "Share of unemployed needs-based graduates placed in a post a local employer opens for them"), 0.03, 0.2),
    uniformYuanPerTraineeMonth: num(400, { min: 0, max: 10000, unit: "yuan per trainee per month", range: [200, 1000] }, "assumption" + " (a 3-month course of about 1,200 yuan, 2016 prices)", "Public cost of a uniform course per trainee-month"),
    needsBasedYuanPerTraineeMonth: num(600, { min: 0, max: 10000, unit: "yuan per trainee per month", range: [300, 1500] }, "assumption" + " (smaller classes planned with employers)", "Public cost of a needs-based course per trainee-month, 2016 prices"),
  },
  "4.1(2), 4.3(2)",
);

export interface VocationalTrainingEffects {
  /** Are courses offered at all (mode other than "none")? */
  offered: boolean;
  /** Monthly probability that an eligible worker enters a course (0 without courses). */
  entryHazard: number;
  courseMonths: number;
  /** Skill a graduate gains, before talent spill-over. */
  skillGain: number;
  /** Are courses tied to local industry (graduates matched, some placed)? */
  needsBased: boolean;
  /** Share of unemployed needs-based graduates placed in a post opened for them. */
  placement: number;
  /** Weight of a matched graduate in local matching (1 unless needs-based). */
  matchWeight: number;
}

export function vocationalTrainingEffects(p: Params): VocationalTrainingEffects {
  const vt = p.policies.vocationalTraining;
  const needsBased = vt.mode === "needsBased";
  return {
    offered: vt.mode !== "none",
    entryHazard: vt.mode === "none" ? 0 : monthly(vt.annualCoverage),
    courseMonths: vt.courseMonths,
    skillGain: needsBased ? vt.needsBasedSkillGain : vt.uniformSkillGain,
    needsBased,
    placement: vt.needsBasedPlacement,
    matchWeight: needsBased ? vt.needsBasedMatchWeight : 1,
  };
}

/** Public cost this month (yuan) of `trainees` persons in a course (no courses without the lever: none). */
export function vocationalTrainingCost(p: Params, trainees: number, priceIndex: number): number {
  const vt = p.policies.vocationalTraining;
  if (vt.mode === "none") return 0;
  return trainees * (vt.mode === "needsBased" ? vt.needsBasedYuanPerTraineeMonth : vt.uniformYuanPerTraineeMonth) * priceIndex;
}
