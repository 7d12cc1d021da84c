import { group, num, bool, share, paper } from "../params/spec.js";

/**
 * Entrepreneurship support (paper 4.1(2)): rent-free or reduced-rent premises and start-up
 * knowledge. Acts in the labour market: the start-up probability rises with start-up
 * knowledge, and the rent a household business no longer pays raises its profit, which
 * lowers its failure hazard in the first years.
 */
export const entrepreneurshipSupport = group(
  "Entrepreneurship support: rent-free or reduced-rent premises, start-up knowledge",
  {
    enabled: bool(false, paper("4.1(2)"), "Switch the lever on"),
    rentReduction: share(1, paper("4.1(2)") + " (rent free)", "Share of the premises rent the site waives"),
    supportMonths: num(36, { min: 0, max: 240, unit: "months", integer: true }, "assumption", "How long a new business keeps the rent reduction"),
    startupKnowledgeBoost: num(1.0, { min: 0, max: 10 }, "assumption", "Relative increase of the monthly start-up probability from start-up training"),
  },
  "4.1(2)",
);
