import { group, num, bool, share, within, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Entrepreneurship support (paper 4.1(2)): rent-free or reduced-rent premises and start-up
 * knowledge. Where it acts (the first three in the labour market, model/labourMarket.ts):
 * - start-up: the monthly start-up probability of searchers at an open site is multiplied by
 *   `startupFactor`;
 * - rent: a new business of a resident pays `rentShareSupported` of the premises rent for its
 *   first `supportMonths` months, which raises its profit (income, through setEarningRates) and
 *   lowers its early failure hazard;
 * - start-up capital: a business needs `income.startupCapital` of the household's own savings;
 *   at an open site the support pays `startupCapitalCover` of it (a start-up grant or
 *   guaranteed loan), so households with less saved can start;
 * - cost (model/costs.ts): the rent the site waives for the businesses it supports, and
 *   start-up knowledge courses, `knowledgeYuanPerHouseholdYear` per household of an open site.
 */
export const entrepreneurshipSupport = group(
  "Entrepreneurship support: rent-free or reduced-rent premises, start-up knowledge",
  {
    enabled: bool(false, paper("4.1(2)"), "Switch the lever on"),
    rentReduction: share(1, paper("4.1(2)") + " (rent free)", "Share of the premises rent the site waives"),
    supportMonths: num(36, { min: 0, max: 240, unit: "months", integer: true, range: [12, 60] }, "assumption", "How long a new business keeps the rent reduction"),
    startupKnowledgeBoost: num(1.0, { min: 0, max: 10, range: [0.25, 2] }, "assumption", "Relative increase of the monthly start-up probability from start-up training"),
    startupCapitalCover: within(share(0.8, paper("4.1(2)") + " (start-up support); share an assumption (start-up grants and guaranteed small loans)", "Share of the start-up capital the support pays"), 0.5, 1),
    knowledgeYuanPerHouseholdYear: num(20, { min: 0, max: 1000, unit: "yuan per household per year", range: [5, 80] }, "assumption", "Public cost of start-up knowledge courses and advice at an open site, 2016 prices"),
  },
  "4.1(2)",
);

export interface EntrepreneurshipSupportEffects {
  /** Factor on the start-up probability at an open site (1 without the lever). */
  startupFactor: number;
  /** Share of the rent a supported business pays (1 without the lever). */
  rentShareSupported: number;
  /** Months from the start of a business during which it is supported. */
  supportMonths: number;
  /** Share of the start-up capital the household pays itself at an open site (1 without the lever). */
  capitalShare: number;
}

export function entrepreneurshipSupportEffects(p: Params): EntrepreneurshipSupportEffects {
  const es = p.policies.entrepreneurshipSupport;
  return {
    startupFactor: es.enabled ? 1 + es.startupKnowledgeBoost : 1,
    rentShareSupported: es.enabled ? 1 - es.rentReduction : 1,
    supportMonths: es.supportMonths,
    capitalShare: es.enabled ? 1 - es.startupCapitalCover : 1,
  };
}

/**
 * Public cost this month (yuan) at an open site of `households` households whose supported
 * businesses would pay `fullRent` (yuan, the sum of their premises rents) without support.
 */
export function entrepreneurshipSupportCost(p: Params, households: number, fullRent: number, priceIndex: number): number {
  const es = p.policies.entrepreneurshipSupport;
  if (!es.enabled) return 0;
  return fullRent * es.rentReduction + (households * es.knowledgeYuanPerHouseholdYear * priceIndex) / 12;
}
