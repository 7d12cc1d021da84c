import { group, num, bool, within, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";
import { poisson, type Random } from "../kernel/random.js";

/**
 * Talent introduction and training mechanism (paper 4.1(1)): outside talent is attracted to
 * the site to start enterprises and work. Where it acts:
 * - site economy (model/siteEconomy.ts): enterprises arrive at a site as a Poisson process and
 *   close at a constant hazard (`talentEnterprises`, drawn from the site's `talent` stream);
 *   each offers `jobsPerEnterprise` durable local jobs (`talentJobs`, part of localJobs);
 * - training (model/training.ts): while the site has such an enterprise, trainees gain more
 *   skill per course (`trainingSpillover`).
 * - cost (model/costs.ts): `supportYuanPerEnterpriseYear` a year for each introduced
 *   enterprise at the site (premises, start-up subsidies, talent allowances).
 */
export const talentIntroduction = group(
  "Talent introduction and training mechanism: enterprises founded by introduced talent; skill spill-over to trainees",
  {
    enabled: bool(false, paper("4.1(1)"), "Switch the lever on"),
    enterprisesPerYearPer1000Households: within(num(1.5, { min: 0, max: 20, unit: "enterprises per 1,000 households per year" }, "assumption", "Rate at which introduced talent founds enterprises at a site"), 0.5, 4, { log: true, why: "one enterprise every two years to a few a year at a site of a thousand households" }),
    jobsPerEnterprise: within(num(12, { min: 0, max: 200, unit: "jobs" }, "assumption", "Local jobs each such enterprise offers"), 5, 30, { why: "small firms and workshops" }),
    enterpriseSurvivalYears: within(num(8, { min: 0.5, max: 50, unit: "years" }, "assumption", "Mean lifetime of an introduced enterprise (its jobs then close)"), 4, 15, { why: "the mean lifetime of a small firm, shorter where the site's market is thin" }),
    trainingSpillover: within(num(0.5, { min: 0, max: 3 }, "assumption", "Relative increase of the skill gained per training course"), 0.2, 1, { why: "placements in a firm add a fifth to as much again as the course itself" }),
    supportYuanPerEnterpriseYear: num(100000, { min: 0, max: 1e7, unit: "yuan per enterprise per year", range: [30000, 300000] }, "assumption" + " (about 8,000 yuan a year per job of a 12-job enterprise, near the industrial subsidy per job)", "Public cost of attracting and keeping an introduced enterprise (premises, subsidies, talent allowances), 2016 prices"),
  },
  "4.1(1)",
);

/**
 * This month's introduced enterprises at a site of `households` households that had `firms`:
 * each closes at the monthly hazard, then new ones arrive (none without the lever, and no draw).
 */
export function talentEnterprises(p: Params, firms: number, households: number, draw: Random): number {
  const ti = p.policies.talentIntroduction;
  if (!ti.enabled) return 0;
  const closing = 1 / (ti.enterpriseSurvivalYears * 12);
  for (let f = Math.floor(firms); f > 0; f--) if (draw() < closing) firms--;
  return firms + poisson(draw, (ti.enterprisesPerYearPer1000Households * households) / 1000 / 12);
}

/** Local jobs the site's introduced enterprises offer. */
export function talentJobs(p: Params, firms: number): number {
  return firms * p.policies.talentIntroduction.jobsPerEnterprise;
}

/** Factor on the skill a course gives at a site with `firms` introduced enterprises. */
export function trainingSpillover(p: Params, firms: number): number {
  const ti = p.policies.talentIntroduction;
  return ti.enabled && firms > 0 ? 1 + ti.trainingSpillover : 1;
}

/** Public cost this month (yuan) of a site's `firms` introduced enterprises (0 without the lever: it has none). */
export function talentIntroductionCost(p: Params, firms: number, priceIndex: number): number {
  return (firms * p.policies.talentIntroduction.supportYuanPerEnterpriseYear * priceIndex) / 12;
}
