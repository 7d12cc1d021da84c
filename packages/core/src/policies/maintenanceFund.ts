import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Maintenance (overhaul) fund (paper 4.2(2)): government subsidy as the main body plus
 * residents' payments. Where it acts:
 * - housing (model/housing.ts): each month the government pays `governmentPerM2Year`/12 per m²
 *   of the site's housing and residents `residentPerM2Year`/12 per m² of the homes still held
 *   into the site's fund, which pays the repairs that offset the decay of housing condition
 *   (condition feeds psychological integration, model/integration.ts);
 * - income (model/income.ts): residents' payments are a household cost (spending).
 * Without the lever there is no fund: condition only decays.
 * - cost (model/costs.ts): the government's payments into the fund.
 */
export const maintenanceFund = group(
  "Maintenance (overhaul) fund: government share + residents' payments",
  {
    enabled: bool(false, paper("4.2(2)"), "Switch the lever on"),
    governmentYuanPerM2Year: num(20, { min: 0, max: 500, unit: "yuan per m2 per year", range: [10, 40] }, paper("4.2(2)") + " (government as main body); size an assumption", "Government contribution"),
    residentYuanPerM2Year: num(6, { min: 0, max: 500, unit: "yuan per m2 per year", range: [2, 12] }, "assumption", "Residents' payments"),
  },
  "4.2(2)",
);

export interface MaintenanceFundEffects {
  /** Is there a fund (paid into, paying repairs)? */
  funded: boolean;
  governmentPerM2Year: number;
  residentPerM2Year: number;
}

export function maintenanceFundEffects(p: Params): MaintenanceFundEffects {
  const mf = p.policies.maintenanceFund;
  return { funded: mf.enabled, governmentPerM2Year: mf.governmentYuanPerM2Year, residentPerM2Year: mf.residentYuanPerM2Year };
}

/** Public cost this month (yuan): the government's payment into a site's fund for `area` m² of housing (0 without the lever). */
export function maintenanceFundCost(p: Params, area: number): number {
  const mf = p.policies.maintenanceFund;
  return mf.enabled ? (mf.governmentYuanPerM2Year / 12) * area : 0;
}
