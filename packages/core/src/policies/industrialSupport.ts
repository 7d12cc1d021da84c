import { group, num, oneOf, paper } from "../params/spec.js";
import type { Params } from "../params/types.js";

/**
 * Industrial support (paper 3.2): special funds used as short-term subsidies create a burst of
 * jobs that fades once the subsidy ends; long-term development grows more slowly but lasts.
 * Where it acts: the site economy (model/siteEconomy.ts), as the site's supported local jobs
 * (`industrialSupportJobs`, part of localJobs): short-term, full strength within six months
 * and an exponential fade after `subsidyMonths`; long-term, an exponential ramp-up that stays.
 * Cost (model/costs.ts): short-term, `subsidyYuanPerJobMonth` for each supported job while the
 * subsidy lasts (the jobs that fade after it cost nothing); long-term, `developmentYuanPerJob`
 * for each durable job as it is created (the ramp-up), nothing once built.
 */
export const industrialSupport = group(
  "Industrial support: short-term subsidy vs long-term development",
  {
    mode: oneOf(["none", "shortTerm", "longTerm"], "shortTerm", paper("3.2"), "Kind of support (baseline: short-term subsidies, as the paper describes)"),
    jobsPer100Households: num(25, { min: 0, max: 200, unit: "jobs per 100 households", range: [10, 40] }, "assumption", "Jobs the support creates at full strength"),
    subsidyMonths: num(24, { min: 0, max: 240, unit: "months", integer: true, range: [12, 36] }, "assumption", "Short-term: how long the subsidy lasts after the site opens"),
    fadeMonths: num(12, { min: 0.5, max: 240, unit: "months", range: [6, 24] }, "assumption", "Short-term: time constant of the job loss after the subsidy ends"),
    rampMonths: num(36, { min: 0.5, max: 240, unit: "months", range: [18, 60] }, "assumption", "Long-term: time constant of the build-up"),
    subsidyYuanPerJobMonth: num(1000, { min: 0, max: 20000, unit: "yuan per job per month", range: [500, 2500] }, "assumption" + " (about a third of a local wage)", "Short-term: public subsidy per supported job-month, 2016 prices"),
    developmentYuanPerJob: num(50000, { min: 0, max: 1e6, unit: "yuan per job", range: [20000, 150000] }, "assumption" + " (industrial parks and enterprise support per durable job)", "Long-term: public investment per durable job created, 2016 prices"),
  },
  "3.2",
);

/** Supported jobs at a site of `households` households open for m months. */
export function industrialSupportJobs(p: Params, households: number, m: number): number {
  const is = p.policies.industrialSupport;
  const full = (is.jobsPer100Households * households) / 100;
  return is.mode === "shortTerm"
    ? m < is.subsidyMonths ? full * Math.min(1, (m + 1) / 6) : full * Math.exp(-(m - is.subsidyMonths) / is.fadeMonths)
    : is.mode === "longTerm" ? full * (1 - Math.exp(-(m + 1) / is.rampMonths)) : 0;
}

/** Public cost this month (yuan) of the support at a site of `households` households open for m months. */
export function industrialSupportCost(p: Params, households: number, m: number, priceIndex: number): number {
  const is = p.policies.industrialSupport;
  if (m < 0) return 0;
  if (is.mode === "shortTerm") return m < is.subsidyMonths ? industrialSupportJobs(p, households, m) * is.subsidyYuanPerJobMonth * priceIndex : 0;
  if (is.mode === "longTerm") return Math.max(0, industrialSupportJobs(p, households, m) - industrialSupportJobs(p, households, m - 1)) * is.developmentYuanPerJob * priceIndex;
  return 0;
}
