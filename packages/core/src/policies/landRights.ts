import { group, num, bool, paper } from "../params/spec.js";

/**
 * Keep land contracting rights and collective distributions (paper 4.3(1)). Without it a
 * share of households lose their origin land after relocation; with it they keep it and earn
 * rent (or farm it), and keep origin collective distributions: income and a tie to origin.
 */
export const landRights = group(
  "Keep land contracting rights and collective distributions",
  {
    enabled: bool(false, paper("4.3(1)"), "Switch the lever on"),
    rentYuanPerMuYear: num(300, { min: 0, max: 3000, unit: "yuan per mu per year" }, "assumption", "Rent for origin land kept but not farmed (earned whenever land is kept; the lever keeps it from being lost)"),
    collectiveDistributionPerPersonYear: num(120, { min: 0, max: 5000, unit: "yuan per person per year" }, "assumption", "Origin collective distribution kept"),
  },
  "4.3(1)",
);
