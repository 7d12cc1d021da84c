import { within, group, num, bool, share, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Collective asset operation (paper 4.2(4)): government, enterprises and residents invest
 * jointly in site projects; the collective earns a risky return and pays dividends per
 * household. Where it acts:
 * - collective assets (model/collective.ts): when the site opens, `investmentPerHousehold`
 *   per household enters the site's fund, `residentContribution` of it from each household's
 *   savings; each month the fund's capital earns `monthlyReturn` plus `monthlyVolatility`
 *   times a normal draw; at each operating year's end `dividendShare` of the realised annual
 *   net return (after offsetting losses carried from earlier years) is declared and paid in
 *   12 monthly instalments over the next year; losses reduce capital and later dividends.
 *   Fund accounting is conserved: balance change = inflows - outflows. Without the lever a
 *   site has no collective operation;
 * - income (model/income.ts): the dividends per household, as dividend income.
 * - cost (model/costs.ts): the government's investment when the site opens (enterprise and
 *   resident money is not public).
 */
export const collectiveAssets = group(
  "Collective asset operation: government, enterprises, residents invest jointly",
  {
    enabled: bool(false, paper("4.2(4)"), "Switch the lever on"),
    governmentPerHousehold: num(6000, { min: 0, max: 200000, unit: "yuan per household", range: [3000, 12000] }, "assumption", "Government investment when the site opens"),
    enterprisePerHousehold: num(3000, { min: 0, max: 200000, unit: "yuan per household", range: [1000, 6000] }, "assumption", "Enterprise investment when the site opens"),
    residentPerHousehold: num(500, { min: 0, max: 50000, unit: "yuan per household", range: [0, 1500] }, "assumption", "Residents' contribution (paid from savings)"),
    annualReturn: num(0.06, { min: -0.5, max: 0.5, unit: "per year", range: [0, 0.1] }, "assumption", "Expected return on collective assets"),
    returnVolatility: num(0.1, { min: 0, max: 1, unit: "per year", range: [0.05, 0.25] }, "assumption", "Standard deviation of the annual return (losses possible)"),
    dividendShare: within(share(0.6, "assumption", "Share of the realised annual net return (after earlier losses are made good) paid out as dividends"), 0.4, 0.8),
  },
  "4.2(4)",
);

export interface CollectiveAssetsEffects {
  /** Do sites run collective assets? */
  operating: boolean;
  /** Yuan per household invested when the site opens (government + enterprises + residents). */
  investmentPerHousehold: number;
  /** Yuan each household pays in from its savings. */
  residentContribution: number;
  /** Mean and standard deviation of the monthly return. */
  monthlyReturn: number;
  monthlyVolatility: number;
  dividendShare: number;
}

export function collectiveAssetsEffects(p: Params): CollectiveAssetsEffects {
  const ca = p.policies.collectiveAssets;
  return {
    operating: ca.enabled,
    investmentPerHousehold: ca.governmentPerHousehold + ca.enterprisePerHousehold + ca.residentPerHousehold,
    residentContribution: ca.residentPerHousehold,
    monthlyReturn: ca.annualReturn / 12,
    monthlyVolatility: ca.returnVolatility / Math.sqrt(12),
    dividendShare: ca.dividendShare,
  };
}

/** Public cost this month (yuan) at a site of `households` households open for m months: the government's investment at opening. */
export function collectiveAssetsCost(p: Params, households: number, m: number): number {
  const ca = p.policies.collectiveAssets;
  return ca.enabled && m === 0 ? households * ca.governmentPerHousehold : 0;
}
