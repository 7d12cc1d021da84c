import { defineScenario } from "./namedScenario.js";

/**
 * The model's defaults: relocation with minimal follow-up support. Short-term industrial
 * subsidies (3.2), uniform training courses (4.1(2)), housing fixed at signing (3.3), the origin
 * house demolished soon after signing, and no other lever. Same meaning as scenarios/baseline.json.
 */
export const baseline = defineScenario({
  name: "baseline",
  kind: "baseline",
  title: "Baseline: relocation with minimal follow-up support",
  description:
    "Households are relocated with the model's default, minimal follow-up: short-term industrial subsidies (paper 3.2), uniform vocational training (4.1(2)), housing fixed at signing (3.3), a short transition before the origin house is demolished, and no other lever. Every parameter keeps its default.",
  paperSections: ["3.2", "3.3"],
  params: {},
  notes: {},
});
