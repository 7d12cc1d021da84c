import { group, num, bool, paper } from "../params/spec.js";

/**
 * Ecological livability (paper 4.1(3)): roads, power and communications; schools and clinics.
 * Acts on the site's service and infrastructure quality, which feeds daily-life (social)
 * integration and lowers returns; schools and clinics cut carers' spending and free their time
 * for work.
 */
export const ecologicalLivability = group(
  "Ecological livability: roads, power, communications; schools and clinics",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    serviceQualityGain: num(0.3, { min: 0, max: 1, unit: "quality points" }, "assumption", "Rise of service and infrastructure quality (0-1) once built"),
    buildMonths: num(24, { min: 1, max: 120, unit: "months" }, "assumption", "Time constant of the build-up"),
    carerSpendingRelief: num(60, { min: 0, max: 1000, unit: "yuan per child or elder per month" }, "assumption", "Spending saved on schooling and care per dependant"),
    carerParticipationGain: num(0.5, { min: 0, max: 1 }, "assumption", "Share of carers' lost job-search intensity restored"),
  },
  "4.1(3)",
);
