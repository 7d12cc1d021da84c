import { group, num, bool, paper } from "../params/spec.js";

/**
 * Maintenance (overhaul) fund (paper 4.2(2)): government subsidy as the main body plus
 * residents' payments. The fund pays repairs that offset the decay of housing condition;
 * residents' payments are a household cost.
 */
export const maintenanceFund = group(
  "Maintenance (overhaul) fund: government share + residents' payments",
  {
    enabled: bool(false, paper("4.2(2)"), "Switch the lever on"),
    governmentYuanPerM2Year: num(20, { min: 0, max: 500, unit: "yuan per m2 per year" }, paper("4.2(2)") + " (government as main body); size an assumption", "Government contribution"),
    residentYuanPerM2Year: num(6, { min: 0, max: 500, unit: "yuan per m2 per year" }, "assumption", "Residents' payments"),
  },
  "4.2(2)",
);
