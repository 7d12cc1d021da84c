import { group, num, bool, share, paper } from "../params/spec.js";

/**
 * Collective asset operation (paper 4.2(4)): government, enterprises and residents invest
 * jointly in site projects; the collective earns a risky return and pays dividends per
 * household. Fund accounting is conserved: balance change = inflows - outflows.
 */
export const collectiveAssets = group(
  "Collective asset operation: government, enterprises, residents invest jointly",
  {
    enabled: bool(false, paper("4.2(4)"), "Switch the lever on"),
    governmentPerHousehold: num(6000, { min: 0, max: 200000, unit: "yuan per household" }, "assumption", "Government investment when the site opens"),
    enterprisePerHousehold: num(3000, { min: 0, max: 200000, unit: "yuan per household" }, "assumption", "Enterprise investment when the site opens"),
    residentPerHousehold: num(500, { min: 0, max: 50000, unit: "yuan per household" }, "assumption", "Residents' contribution (paid from savings)"),
    annualReturn: num(0.06, { min: -0.5, max: 0.5, unit: "per year" }, "assumption", "Expected return on collective assets"),
    returnVolatility: num(0.1, { min: 0, max: 1, unit: "per year" }, "assumption", "Standard deviation of the annual return (losses possible)"),
    dividendShare: share(0.6, "assumption", "Share of positive collective income paid out as dividends"),
  },
  "4.2(4)",
);
