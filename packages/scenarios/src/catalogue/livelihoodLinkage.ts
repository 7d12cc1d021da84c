import { defineScenario } from "./namedScenario.js";

/** Paper 4.1: livelihood development linked with rural revitalization (six levers). */
export const livelihoodLinkage = defineScenario({
  name: "livelihood-linkage",
  kind: "strategy",
  title: "Livelihood linkage (paper 4.1)",
  description:
    "The paper's strategy 4.1, 'pay attention to livelihood development and link up with rural revitalization': talent introduction and training (4.1(1)); entrepreneurship support with rent-free premises and start-up knowledge, and needs-based instead of one-size-fits-all training (4.1(2)); ecological livability, rural civilization and effective governance at the sites (4.1(3)). Each lever is switched on at its documented default intensity; everything else is the baseline.",
  paperSections: ["4.1(1)", "4.1(2)", "4.1(3)"],
  params: {
    policies: {
      talentIntroduction: { enabled: true },
      entrepreneurshipSupport: { enabled: true },
      vocationalTraining: { mode: "needsBased" },
      ecologicalLivability: { enabled: true },
      ruralCivilization: { enabled: true },
      effectiveGovernance: { enabled: true },
    },
  },
  notes: {
    "policies.talentIntroduction": "paper 4.1(1): a talent introduction and training mechanism that attracts talent to the sites for entrepreneurship and employment",
    "policies.entrepreneurshipSupport": "paper 4.1(2): entrepreneurial knowledge and rent-free or reduced-rent premises for relocated people with entrepreneurial needs",
    "policies.vocationalTraining": "paper 4.1(2): avoid one-size-fits-all employment assistance; train according to the industrial layout and the people's needs",
    "policies.ecologicalLivability": "paper 4.1(3): roads, electricity and communications; education and medical services",
    "policies.ruralCivilization": "paper 4.1(3): diversified cultural activities that respect traditional customs",
    "policies.effectiveGovernance": "paper 4.1(3): community safety, party and mass organisations",
  },
});
