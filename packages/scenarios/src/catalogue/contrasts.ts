import { defineScenario, type NamedScenario } from "./namedScenario.js";

/**
 * The paper's diagnoses as contrasts: two scenarios that differ in one choice only. Each side
 * sets its value explicitly, so a contrast keeps its meaning if the model's defaults change;
 * today the 'before' side of each equals the baseline (a test checks it).
 */
export interface Contrast {
  name: string;
  paperSection: string;
  question: string;
  /** The practice the paper criticises. */
  before: string;
  /** The alternative. */
  after: string;
}

export const industrialShortTerm = defineScenario({
  name: "industrial-short-term",
  kind: "contrast",
  title: "Industrial support as short-term subsidies (paper 3.2)",
  description: "Special funds used as short-term industrial subsidies: a burst of local jobs that fades when the subsidy ends, as the paper describes practice in 3.2 ('significant results in the short term' but 'not conducive to sustainable development'). The baseline's choice, set explicitly.",
  paperSections: ["3.2"],
  params: { policies: { industrialSupport: { mode: "shortTerm" } } },
  notes: { "policies.industrialSupport": "paper 3.2: special funds turned into short-term industrial support that lacks long-term consideration" },
});

export const industrialLongTerm = defineScenario({
  name: "industrial-long-term",
  kind: "contrast",
  title: "Industrial support as long-term development (paper 3.2)",
  description: "The same funds spent on long-term industrial development: jobs build up more slowly but last. The alternative that paper 3.2's diagnosis implies.",
  paperSections: ["3.2"],
  params: { policies: { industrialSupport: { mode: "longTerm" } } },
  notes: { "policies.industrialSupport": "paper 3.2: the long-term consideration the paper finds missing" },
});

/**
 * The 3.2 contrast at an equal budget: long-term development buying only the jobs the
 * short-term subsidy's money buys (each lever's cost, policies/industrialSupport.ts).
 */
export const industrialLongTermEqualBudget = defineScenario({
  name: "industrial-long-term-equal-budget",
  kind: "contrast",
  title: "Long-term industrial development at the short-term subsidy's budget (paper 3.2)",
  description:
    "Long-term industrial development given the same public money as the baseline's short-term subsidy, so the 3.2 contrast compares the two at an equal budget. " +
    "The short-term subsidy pays 1,000 yuan a job-month (subsidyYuanPerJobMonth) for 25 jobs per 100 households over the 24 subsidised months, 21.5 full-strength months after the six-month build-up: " +
    "21.5 × 25 × 1,000 = 537,500 yuan per 100 households (2016 prices). Long-term development costs 50,000 yuan per durable job as it is created (developmentYuanPerJob); " +
    "by the 2025-12 horizon a site open 6-10 years has built 1 − e^(−(months+1)/36) ≈ 0.92 of its jobs, paid about 3% later at higher prices, so the budget buys " +
    "537,500 / (50,000 × 0.92 × 1.03) ≈ 11 jobs per 100 households: jobsPer100Households = 11.1 (measured over the county population: the two industrial-support costs at the horizon match within 2%, test/equalBudget.test.ts). " +
    "At a longer horizon or other unit costs the equal-budget figure differs; set jobsPer100Households by the same arithmetic.",
  paperSections: ["3.2"],
  params: { policies: { industrialSupport: { mode: "longTerm", jobsPer100Households: 11.1 } } },
  notes: { "policies.industrialSupport": "paper 3.2: long-term development at the budget of the short-term subsidy (the arithmetic is in the description)" },
});

export const housingFixed = defineScenario({
  name: "housing-fixed",
  kind: "contrast",
  title: "Housing area fixed at signing (paper 3.3)",
  description: "Housing area and subsidy set by the family members approved at signing (at most 25 m2 a person) and never adjusted: births and marriages crowd the home, and some households give up moving in (paper 3.3). The baseline's choice, set explicitly.",
  paperSections: ["3.3"],
  params: { policies: { housingAdjustment: { enabled: false } } },
  notes: { "policies.housingAdjustment": "paper 3.3: area set by the family members approved when the relocation agreement is signed" },
});

export const housingAdjusted = defineScenario({
  name: "housing-adjusted",
  kind: "contrast",
  title: "Housing adjusted to family growth (paper 3.3)",
  description: "Housing area adjusted after a delay when a family grows, removing the crowding that paper 3.3 identifies as a reason to give up the resettlement home.",
  paperSections: ["3.3"],
  params: { policies: { housingAdjustment: { enabled: true } } },
  notes: { "policies.housingAdjustment": "paper 3.3: the remedy its diagnosis implies (the paper proposes none in section 4)" },
});

export const trainingUniform = defineScenario({
  name: "training-uniform",
  kind: "contrast",
  title: "Uniform vocational training (paper 4.1(2))",
  description: "One-size-fits-all training courses that raise general skill without regard to the site's own industries, the 'formalization and one-size-fits-all' practice paper 4.1(2) warns against. The baseline's choice, set explicitly.",
  paperSections: ["4.1(2)"],
  params: { policies: { vocationalTraining: { mode: "uniform" } } },
  notes: { "policies.vocationalTraining": "paper 4.1(2): the one-size-fits-all employment assistance to avoid" },
});

export const trainingNeedsBased = defineScenario({
  name: "training-needs-based",
  kind: "contrast",
  title: "Needs-based vocational training (paper 4.1(2))",
  description: "Training planned with local industry and the people's needs: a smaller general skill gain, but graduates match the site's own vacancies and local employers open posts for some of them (paper 4.1(2), 4.3(2)).",
  paperSections: ["4.1(2)", "4.3(2)"],
  params: { policies: { vocationalTraining: { mode: "needsBased" } } },
  notes: { "policies.vocationalTraining": "paper 4.1(2): grasp the industrial layout according to the needs of the relocated people" },
});

export const CONTRAST_SCENARIOS: readonly NamedScenario[] = [industrialShortTerm, industrialLongTerm, industrialLongTermEqualBudget, housingFixed, housingAdjusted, trainingUniform, trainingNeedsBased];

/** The paper's three diagnoses, each a pair of scenarios. */
export const CONTRASTS: readonly Contrast[] = [
  { name: "industrial-support", paperSection: "3.2", question: "Short-term industrial subsidies or long-term industrial development?", before: industrialShortTerm.name, after: industrialLongTerm.name },
  { name: "housing", paperSection: "3.3", question: "Housing area fixed at signing or adjusted when families grow?", before: housingFixed.name, after: housingAdjusted.name },
  { name: "training", paperSection: "4.1(2)", question: "Uniform (one size fits all) or needs-based vocational training?", before: trainingUniform.name, after: trainingNeedsBased.name },
];
