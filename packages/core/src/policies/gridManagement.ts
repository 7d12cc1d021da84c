import { group, num, bool, within, share, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Grid management of social governance (paper 4.3(3)): party members and volunteers cover the
 * site in grids. Where it acts:
 * - site economy (model/siteEconomy.ts): grid workers cut the response time of site
 *   management by `responseTimeCut` times the coverage (`responseFactor`); the site's safety
 *   follows its response time, and safety feeds psychological integration by the rule every
 *   scenario shares (model/integration.ts); the lever adds nothing to the index itself;
 * - poverty monitoring (model/poverty.ts): a household is inside a staffed grid when its grid
 *   draw (made once, when the population is built) is below `coverage`; at risk (own income
 *   below the line; with dynamic monitoring from March 2020 also below the monitoring line or
 *   hit by a shock), it is detected `detectionFactor` times as often as one outside. The lever
 *   changes the detection rate only, not the assistance rule.
 * - cost (model/costs.ts): grid members' stipends, `stipendYuanPerHouseholdYear` per covered
 *   household holding a home.
 */
export const gridManagement = group(
  "Grid management of social governance",
  {
    enabled: bool(false, paper("4.3(3)"), "Switch the lever on"),
    coverage: within(num(0.9, { min: 0, max: 1, unit: "share of households" }, "assumption", "Share of households inside a staffed grid"), 0.3, 1, { why: "from the partial coverage of the first grids (the historical scenario's 0.3 before 2019) to every household" }),
    detectionSpeedup: num(2, { min: 0, max: 20, range: [0.5, 5] }, "assumption", "Relative rise of the monthly detection probability for covered households"),
    responseTimeCut: within(share(0.4, paper("4.3(3)") + " (problems found and handled inside the grid); size an assumption", "Relative cut of the response time of site management at full coverage"), 0.2, 0.6),
    stipendYuanPerHouseholdYear: num(120, { min: 0, max: 2000, unit: "yuan per household per year", range: [40, 300] }, "assumption" + " (a grid member's stipend of about 1,000 yuan a month per 100 households)", "Public cost of grid members per covered household, 2016 prices"),
  },
  "4.3(3)",
);

export interface GridManagementEffects {
  /** Factor on the response time of site management (1 without the lever). */
  responseFactor: number;
  /** Households whose grid draw is below this are covered (0 without the lever: none). */
  coverage: number;
  /** Factor on the monthly detection probability of a covered household. */
  detectionFactor: number;
}

export function gridManagementEffects(p: Params): GridManagementEffects {
  const gm = p.policies.gridManagement;
  return {
    responseFactor: gm.enabled ? 1 - gm.responseTimeCut * gm.coverage : 1,
    coverage: gm.enabled ? gm.coverage : 0,
    detectionFactor: 1 + gm.detectionSpeedup,
  };
}

/** Public cost this month (yuan) of `covered` households inside a staffed grid (0 without the lever: none are). */
export function gridManagementCost(p: Params, covered: number, priceIndex: number): number {
  return (covered * p.policies.gridManagement.stipendYuanPerHouseholdYear * priceIndex) / 12;
}
