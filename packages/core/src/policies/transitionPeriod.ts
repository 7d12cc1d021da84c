import { group, num, bool, paper } from "../params/spec.js";

/**
 * Transition period (paper 4.2(1)): keep the original house for a time instead of immediate
 * demolition, with classified compensation. Households may stay transitional for longer,
 * keep farming at origin meanwhile, and give up the resettlement home less often when it is
 * not yet demolished; compensation is paid once, when the household signs.
 */
export const transitionPeriod = group(
  "Transition period: keep the original house for a time, no immediate demolition; classified compensation",
  {
    enabled: bool(false, paper("4.2(1)"), "Switch the lever on"),
    months: num(36, { min: 0, max: 120, unit: "months", integer: true }, paper("4.2(1)") + "; length an assumption", "How long the origin house is kept after signing"),
    compensationPerHousehold: num(5000, { min: 0, max: 100000, unit: "yuan per household" }, "assumption", "Classified compensation paid once at signing"),
  },
  "4.2(1)",
);
