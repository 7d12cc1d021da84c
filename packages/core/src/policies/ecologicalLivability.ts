import { group, num, bool, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Ecological livability (paper 4.1(3)): roads, power and communications; schools and clinics.
 * Where it acts:
 * - site economy (model/siteEconomy.ts): the site's service and infrastructure quality rises
 *   by `serviceQualityGain` as the works are built (`serviceQualityGain(p, m)`); quality feeds
 *   daily-life (social) and psychological integration (model/integration.ts), and through them
 *   fewer returns;
 * - labour market (model/labourMarket.ts): schools and clinics restore part of carers' lost
 *   search intensity (`carerPenaltyShare`, the share of the penalty left);
 * - income (model/income.ts): resident households spend `carerSpendingRelief` less per child
 *   or elder.
 * - cost (model/costs.ts): the works cost `facilitiesYuanPerHousehold` per household as they
 *   are built (the build-up of `serviceQualityGain`), and `upkeepShareYear` of what is built a year.
 */
export const ecologicalLivability = group(
  "Ecological livability: roads, power, communications; schools and clinics",
  {
    enabled: bool(false, paper("4.1(3)"), "Switch the lever on"),
    serviceQualityGain: num(0.3, { min: 0, max: 1, unit: "quality points", range: [0.15, 0.45] }, paper("4.1(3)") + " (6,100 schools and 12,000 clinics built or expanded, NDRC 2020-12-03); size an assumption", "Rise of service and infrastructure quality (0-1) once built"),
    buildMonths: num(24, { min: 1, max: 120, unit: "months", range: [12, 48] }, "assumption", "Time constant of the build-up"),
    carerSpendingRelief: num(60, { min: 0, max: 1000, unit: "yuan per child or elder per month", range: [20, 120] }, "assumption", "Spending saved on schooling and care per dependant"),
    carerParticipationGain: num(0.5, { min: 0, max: 1, range: [0.25, 0.75] }, "assumption", "Share of carers' lost job-search intensity restored"),
    facilitiesYuanPerHousehold: num(30000, { min: 0, max: 500000, unit: "yuan per household", range: [15000, 60000] }, "assumption (6,100 schools, 12,000 clinics, 3,400 elderly facilities built 2016-2020 for 2.66 M households, NDRC 2020-12-03; at an assumed 10 M, 1 M and 2 M yuan each, about 80 bn yuan, 30,000 a household, within the programme's 600 bn)", "Capital cost of roads, power, schools and clinics per household, 2016 prices"),
    upkeepShareYear: num(0.03, { min: 0, max: 0.2, unit: "share per year", range: [0.01, 0.06] }, "assumption", "Upkeep of the works a year, as a share of what is built"),
  },
  "4.1(3)",
);

export interface EcologicalLivabilityEffects {
  /** Share of carers' search penalty that remains (1 without the lever). */
  carerPenaltyShare: number;
  /** Does resident households' spending fall with their dependants? */
  relievesCarers: boolean;
  /** Yuan (2016 prices) per child or elder per month saved. */
  carerSpendingRelief: number;
}

export function ecologicalLivabilityEffects(p: Params): EcologicalLivabilityEffects {
  const el = p.policies.ecologicalLivability;
  return {
    carerPenaltyShare: el.enabled ? 1 - el.carerParticipationGain : 1,
    relievesCarers: el.enabled,
    carerSpendingRelief: el.carerSpendingRelief,
  };
}

/** Service-quality points the works add at a site open for m months (0 without the lever). */
export function serviceQualityGain(p: Params, m: number): number {
  const el = p.policies.ecologicalLivability;
  return el.enabled ? el.serviceQualityGain * (1 - Math.exp(-(m + 1) / el.buildMonths)) : 0;
}

/** Public cost this month (yuan) of the works at a site of `households` households open for m months (0 without the lever). */
export function ecologicalLivabilityCost(p: Params, households: number, m: number, priceIndex: number): number {
  const el = p.policies.ecologicalLivability;
  if (!el.enabled || m < 0) return 0;
  const built = (k: number) => (k < 0 ? 0 : 1 - Math.exp(-(k + 1) / el.buildMonths));
  const capital = households * el.facilitiesYuanPerHousehold * priceIndex;
  return capital * (built(m) - built(m - 1)) + (capital * built(m) * el.upkeepShareYear) / 12;
}
