import { group, num, oneOf, paper } from "../params/spec.js";

/**
 * Industrial support (paper 3.2): special funds used as short-term subsidies create a burst of
 * jobs that fades once the subsidy ends; long-term development grows more slowly but lasts.
 */
export const industrialSupport = group(
  "Industrial support: short-term subsidy vs long-term development",
  {
    mode: oneOf(["none", "shortTerm", "longTerm"], "shortTerm", paper("3.2"), "Kind of support (baseline: short-term subsidies, as the paper describes)"),
    jobsPer100Households: num(25, { min: 0, max: 200, unit: "jobs per 100 households" }, "assumption", "Jobs the support creates at full strength"),
    subsidyMonths: num(24, { min: 0, max: 240, unit: "months", integer: true }, "assumption", "Short-term: how long the subsidy lasts after the site opens"),
    fadeMonths: num(12, { min: 0.5, max: 240, unit: "months" }, "assumption", "Short-term: time constant of the job loss after the subsidy ends"),
    rampMonths: num(36, { min: 0.5, max: 240, unit: "months" }, "assumption", "Long-term: time constant of the build-up"),
  },
  "3.2",
);
