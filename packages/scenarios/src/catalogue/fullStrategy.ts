import { deepMerge } from "../deepMerge.js";
import { defineScenario } from "./namedScenario.js";
import { livelihoodLinkage } from "./livelihoodLinkage.js";
import { policySupplements } from "./policySupplements.js";
import { developmentPolicies } from "./developmentPolicies.js";

/** All three of the paper's strategies together (4.1 + 4.2 + 4.3). */
export const fullStrategy = defineScenario({
  name: "full-strategy",
  kind: "strategy",
  title: "Full strategy (paper 4.1 + 4.2 + 4.3)",
  description:
    "All three of the paper's strategies at once: livelihood linkage (4.1), policy supplements (4.2) and development policies (4.3), every lever they set at its documented default intensity. Housing adjustment to family growth (3.3) is not part of it: the paper diagnoses the problem but section 4 proposes no remedy (see the contrast housing-fixed vs housing-adjusted).",
  paperSections: [...new Set([...livelihoodLinkage.paperSections, ...policySupplements.paperSections, ...developmentPolicies.paperSections])],
  params: deepMerge(deepMerge(livelihoodLinkage.params, policySupplements.params), developmentPolicies.params),
  notes: { ...livelihoodLinkage.notes, ...policySupplements.notes, ...developmentPolicies.notes },
});
