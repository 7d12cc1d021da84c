import type { Params } from "../params/types.js";
import type { StepContext } from "../model/context.js";
import { Emp, Residence, type State } from "./state.js";
import { crowding } from "../model/demography.js";
import { localJobs } from "../model/siteEconomy.js";

/**
 * Collection: per-site sums each step (so results do not depend on how sites are split across
 * workers), reduced over sites in a fixed order into groups, then turned into the published
 * metrics. Integer counts are exact; income quantiles and the Gini coefficient come from a
 * histogram of per-capita income with integer person counts in log-spaced bins.
 */
export const GROUPS = ["all", "site:urban", "site:rural", "cohort:2016", "cohort:2017", "cohort:2018", "cohort:2019"] as const;

const FIELDS = [
  "persons", "households", "labourForce", "employed", "local", "migrant", "self", "farming",
  "hhWithLabour", "hhWithLabourEmployed", "income12",
  "incWage", "incBusiness", "incAgriculture", "incTransfer", "incDividend",
  "poorPersons", "relapsedPersons", "exitedPersons",
  "residentHouseholds", "intEcon", "intSocial", "intPsych",
  "signed", "transitional", "resident", "returned", "gaveUp",
  "openHouseholds", "collectiveIncome", "maintenanceBalance", "crowded", "housingCondition",
  "localJobs", "inTraining", "savings",
] as const;
/** Per-site accumulator fields: F.name is the field's offset in a site's row. */
export const F = Object.fromEntries(FIELDS.map((k, i) => [k, i])) as { readonly [K in (typeof FIELDS)[number]]: number };
export const NF = FIELDS.length;

/** Histogram of per-capita income: bin 0 holds incomes below LO (and losses). */
export const BINS = 480;
const LO = 200;
const HI = 500_000;
const LOG_LO = Math.log(LO);
const SCALE = (BINS - 1) / (Math.log(HI) - LOG_LO);
export function binOf(pc: number): number {
  if (pc < LO) return 0;
  const b = 1 + Math.floor((Math.log(pc) - LOG_LO) * SCALE);
  return b >= BINS ? BINS - 1 : b;
}
/** Representative (geometric mid) value of a bin. */
export function binValue(b: number): number {
  if (b === 0) return LO / 2;
  return Math.exp(LOG_LO + (b - 0.5) / SCALE);
}

/**
 * Sum one site's state into acc[s*NF ...], and add its persons to the income histograms of
 * the groups in `groups` (integer counts: the sum is exact in any order).
 */
export function collectSite(p: Params, c: StepContext, st: State, s: number, acc: Float64Array, hist: Float64Array, groups: Int32Array): void {
  const P = st.persons;
  const H = st.households;
  const S = st.sites;
  const a = s * NF;
  acc.fill(0, a, a + NF);
  siteGroups(st, s, groups);
  const g0 = groups[0]! * BINS, g1 = groups[1]! * BINS, g2 = groups[2]! * BINS;
  const open = c.step >= S.openStep[s]!;
  const line = c.povertyLine;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    const size = H.size[h]!;
    let lf = 0, emp = 0;
    for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
      const e = P.emp[q]!;
      if (e === Emp.NotInLabourForce) continue;
      lf++;
      if (P.training[q]! > 0) acc[a + F.inTraining]!++;
      switch (e) {
        case Emp.Local: emp++; acc[a + F.local]!++; break;
        case Emp.Migrant: emp++; acc[a + F.migrant]!++; break;
        case Emp.SelfEmployed: emp++; acc[a + F.self]!++; break;
        case Emp.Farming: emp++; acc[a + F.farming]!++; break;
      }
    }
    acc[a + F.persons]! += size;
    acc[a + F.households]!++;
    acc[a + F.labourForce]! += lf;
    acc[a + F.employed]! += emp;
    if (lf > 0) {
      acc[a + F.hhWithLabour]!++;
      if (emp > 0) acc[a + F.hhWithLabourEmployed]!++;
    }
    acc[a + F.income12]! += H.income12[h]!;
    acc[a + F.incWage]! += H.incWage[h]!;
    acc[a + F.incBusiness]! += H.incBusiness[h]!;
    acc[a + F.incAgriculture]! += H.incAgriculture[h]!;
    acc[a + F.incTransfer]! += H.incTransfer[h]!;
    acc[a + F.incDividend]! += H.incDividend[h]!;
    acc[a + F.savings]! += H.savings[h]!;
    const pc = H.income12[h]! / Math.max(1, size);
    const bin = binOf(pc);
    hist[g0 + bin]! += size;
    hist[g1 + bin]! += size;
    hist[g2 + bin]! += size;
    if (pc < line - 1e-6) {
      acc[a + F.poorPersons]! += size;
      if (H.everExited[h]) acc[a + F.relapsedPersons]! += size;
    }
    if (H.everExited[h]) acc[a + F.exitedPersons]! += size;
    const res = H.residence[h]!;
    if (res !== Residence.Pending) {
      acc[a + F.signed]!++;
      if (crowding(p, st, h) > 0) acc[a + F.crowded]!++;
    }
    if (res === Residence.Transitional) acc[a + F.transitional]!++;
    else if (res === Residence.Resident) {
      acc[a + F.resident]!++;
      acc[a + F.residentHouseholds]!++;
      acc[a + F.intEcon]! += H.intEcon[h]!;
      acc[a + F.intSocial]! += H.intSocial[h]!;
      acc[a + F.intPsych]! += H.intPsych[h]!;
    } else if (res === Residence.Returned) acc[a + F.returned]!++;
    else if (res === Residence.GaveUp) acc[a + F.gaveUp]!++;
  }
  if (open) {
    const n = S.hhEnd[s]! - S.hhStart[s]!;
    acc[a + F.openHouseholds] = n;
    acc[a + F.collectiveIncome] = S.collectiveIncome[s]!;
    acc[a + F.maintenanceBalance] = S.maintenanceBalance[s]!;
    acc[a + F.housingCondition] = S.housingCondition[s]! * n;
    acc[a + F.localJobs] = localJobs(p, st, s);
  }
}

/** The group indices a site belongs to: all, its type, its cohort. */
export function siteGroups(st: State, s: number, out: Int32Array): void {
  out[0] = 0;
  out[1] = st.sites.urban[s] === 1 ? 1 : 2;
  out[2] = 3 + Math.min(3, Math.max(0, st.sites.cohort[s]! - 2016));
}

/** Metric names in output order (stable; see docs/ODD.md, Outcomes). */
export const METRICS = [
  "persons", "households", "labour_force",
  "employment_rate", "households_with_employed_share",
  "local_job_share", "migrant_job_share", "self_employed_share", "farming_share",
  "per_capita_income", "per_capita_income_median", "per_capita_income_p10", "per_capita_income_p25", "per_capita_income_p75", "per_capita_income_p90", "income_gini",
  "wage_income_share", "business_income_share", "agriculture_income_share", "transfer_income_share", "dividend_income_share",
  "poverty_rate", "poverty_relapse_rate",
  "integration_index", "integration_economic", "integration_social", "integration_psychological",
  "occupancy_rate", "transitional_share", "return_rate", "give_up_rate",
  "collective_income_per_household", "maintenance_fund_balance", "maintenance_fund_per_household",
  "housing_condition", "crowded_share", "local_jobs_per_100_households", "training_share", "savings_per_household",
] as const;
export type MetricName = (typeof METRICS)[number];

/** Metric values of one group from its reduced sums and histogram (NaN where undefined, e.g. no residents yet). */
export function metricValues(g: Float64Array, hist: Float64Array, out: Float64Array): void {
  const div = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  const sources = g[F.incWage]! + g[F.incBusiness]! + g[F.incAgriculture]! + g[F.incTransfer]! + g[F.incDividend]!;
  const q = quantiles(hist);
  const v = [
    g[F.persons]!, g[F.households]!, g[F.labourForce]!,
    div(g[F.employed]!, g[F.labourForce]!), div(g[F.hhWithLabourEmployed]!, g[F.hhWithLabour]!),
    div(g[F.local]!, g[F.employed]!), div(g[F.migrant]!, g[F.employed]!), div(g[F.self]!, g[F.employed]!), div(g[F.farming]!, g[F.employed]!),
    div(g[F.income12]!, g[F.persons]!), q.p50, q.p10, q.p25, q.p75, q.p90, q.gini,
    div(g[F.incWage]!, sources), div(g[F.incBusiness]!, sources), div(g[F.incAgriculture]!, sources), div(g[F.incTransfer]!, sources), div(g[F.incDividend]!, sources),
    div(g[F.poorPersons]!, g[F.persons]!), div(g[F.relapsedPersons]!, g[F.exitedPersons]!),
    div(g[F.intEcon]! + g[F.intSocial]! + g[F.intPsych]!, 3 * g[F.residentHouseholds]!),
    div(g[F.intEcon]!, g[F.residentHouseholds]!), div(g[F.intSocial]!, g[F.residentHouseholds]!), div(g[F.intPsych]!, g[F.residentHouseholds]!),
    div(g[F.resident]!, g[F.signed]!), div(g[F.transitional]!, g[F.signed]!), div(g[F.returned]!, g[F.signed]!), div(g[F.gaveUp]!, g[F.signed]!),
    div(12 * g[F.collectiveIncome]!, g[F.openHouseholds]!), g[F.maintenanceBalance]!, div(g[F.maintenanceBalance]!, g[F.openHouseholds]!),
    div(g[F.housingCondition]!, g[F.openHouseholds]!), div(g[F.crowded]!, g[F.signed]!), div(100 * g[F.localJobs]!, g[F.openHouseholds]!),
    div(g[F.inTraining]!, g[F.labourForce]!), div(g[F.savings]!, g[F.households]!),
  ];
  for (let i = 0; i < v.length; i++) out[i] = v[i]!;
}

function quantiles(hist: Float64Array): { p10: number; p25: number; p50: number; p75: number; p90: number; gini: number } {
  let n = 0;
  let total = 0;
  for (let b = 0; b < BINS; b++) { n += hist[b]!; total += hist[b]! * binValue(b); }
  if (n === 0) return { p10: NaN, p25: NaN, p50: NaN, p75: NaN, p90: NaN, gini: NaN };
  const targets = [0.1, 0.25, 0.5, 0.75, 0.9];
  const res: number[] = [];
  let cum = 0;
  let t = 0;
  let lorenzPrev = 0;
  let gini = 1;
  for (let b = 0; b < BINS; b++) {
    const w = hist[b]!;
    if (w === 0) continue;
    while (t < targets.length && cum + w >= targets[t]! * n) {
      // Geometric interpolation inside the bin.
      const f = (targets[t]! * n - cum) / w;
      const lo = b === 0 ? 0 : binValue(b) / Math.exp(0.5 / SCALE);
      const hi = b === 0 ? 200 : binValue(b) * Math.exp(0.5 / SCALE);
      res.push(b === 0 ? lo + f * (hi - lo) : lo * Math.pow(hi / lo, f));
      t++;
    }
    cum += w;
    const lorenz = lorenzPrev + (w * binValue(b)) / total;
    gini -= (w / n) * (lorenzPrev + lorenz);
    lorenzPrev = lorenz;
  }
  return { p10: res[0]!, p25: res[1]!, p50: res[2]!, p75: res[3]!, p90: res[4]!, gini };
}
