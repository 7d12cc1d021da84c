import { defineScenario } from "./namedScenario.js";

/** Paper 4.3: follow the development policies (land rights, industry and employment, grid governance). */
export const developmentPolicies = defineScenario({
  name: "development-policies",
  kind: "strategy",
  title: "Development policies (paper 4.3)",
  description:
    "The paper's strategy 4.3, 'follow the development policies': relocated people keep land contracting rights and collective distributions (4.3(1)); industrial development and employment promotion with employment assistance, training tied to industry and employment tracking services (4.3(2)), read here as long-term industrial development, the remedy for the short-term support the paper criticises in 3.2; grid management of social governance (4.3(3)). Each lever at its documented default intensity; everything else is the baseline.",
  paperSections: ["4.3(1)", "4.3(2)", "4.3(3)", "3.2"],
  params: {
    policies: {
      landRights: { enabled: true },
      employmentPromotion: { enabled: true },
      vocationalTraining: { mode: "needsBased" },
      industrialSupport: { mode: "longTerm" },
      gridManagement: { enabled: true },
    },
  },
  notes: {
    "policies.landRights": "paper 4.3(1): relocated people continue to enjoy land contracting rights and collective distributions",
    "policies.employmentPromotion": "paper 4.3(2): employment assistance policies and employment tracking services",
    "policies.vocationalTraining": "paper 4.3(2): 'education and training' among the industrial development policies, i.e. training tied to local industry (needs-based; the same lever as 4.1(2))",
    "policies.industrialSupport": "paper 4.3(2) industrial development, as long-term development: 3.2 criticises short-term support that 'lacks long-term consideration' (an interpretation; the contrast industrial-short-term vs industrial-long-term isolates it)",
    "policies.gridManagement": "paper 4.3(3): grid management with party members and volunteers; social service responsibilities implemented into the grid",
  },
});
