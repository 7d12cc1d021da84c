import { defineScenario } from "./namedScenario.js";

/** Paper 4.2: policy supplements (four levers). */
export const policySupplements = defineScenario({
  name: "policy-supplements",
  kind: "strategy",
  title: "Policy supplements (paper 4.2)",
  description:
    "The paper's strategy 4.2, 'pay attention to policy supplements': a longer transition period in which households keep the origin house, with classified compensation (4.2(1)); a maintenance (overhaul) fund paid mainly by government with residents' payments (4.2(2)); dual household registration, keeping origin land rights while gaining destination social security (4.2(3)); collective asset operation with joint investment by government, enterprises and residents (4.2(4)). Each lever at its documented default intensity; everything else is the baseline.",
  paperSections: ["4.2(1)", "4.2(2)", "4.2(3)", "4.2(4)"],
  params: {
    policies: {
      transitionPeriod: { enabled: true },
      maintenanceFund: { enabled: true },
      dualRegistration: { enabled: true },
      collectiveAssets: { enabled: true },
    },
  },
  notes: {
    "policies.transitionPeriod": "paper 4.2(1): extend the transition period; people may live in the original house for a time instead of immediate demolition; classified compensation",
    "policies.maintenanceFund": "paper 4.2(2): an overhaul fund with government subsidy as the main body and residents' payments",
    "policies.dualRegistration": "paper 4.2(3): a double-book registration: origin land and industry policies plus destination medical care and social security",
    "policies.collectiveAssets": "paper 4.2(4): government, enterprises and residents jointly invest to build collective income",
  },
});
