import type { Params } from "../params/types.js";
import type { StepContext } from "../model/context.js";
import { Emp, Residence, type State } from "./state.js";
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
  const H = st.households;
  const { size: hSize, income12: hIncome12, residence: hResidence, everExited: hEverExited, area: hArea } = H;
  const S = st.sites;
  siteGroups(st, s, groups);
  const g0 = groups[0]! * BINS, g1 = groups[1]! * BINS, g2 = groups[2]! * BINS;
  const open = c.step >= S.openStep[s]!;
  const poorBelow = c.povertyLine - 1e-6;
  const areaPerPerson = p.population.areaPerPerson;
  // Sums kept in locals (the hot loop touches no object properties), written once at the end.
  let persons = 0, households = 0, labourForce = 0, employed = 0, local = 0, migrant = 0, self = 0, farming = 0;
  let hhWithLabour = 0, hhWithLabourEmployed = 0, income12 = 0;
  let incWage = 0, incBusiness = 0, incAgriculture = 0, incTransfer = 0, incDividend = 0, savings = 0;
  let poorPersons = 0, relapsedPersons = 0, exitedPersons = 0;
  let resident = 0, intEcon = 0, intSocial = 0, intPsych = 0;
  let signed = 0, transitional = 0, returned = 0, gaveUp = 0, crowded = 0, inTraining = 0;
  const h1 = S.hhEnd[s]!;
  for (let h = S.hhStart[s]!; h < h1; h++) {
    const size = hSize[h]!;
    // Member counts by labour state, kept by income() and residence (HouseholdTable.nLabour).
    const lf = H.nLabour[h]!;
    const hl = H.nLocal[h]!, hm = H.nMigrant[h]!, hs = H.nSelf[h]!, hf = H.nFarming[h]!;
    const emp = hl + hm + hs + hf;
    local += hl;
    migrant += hm;
    self += hs;
    farming += hf;
    inTraining += H.nTraining[h]!;
    persons += size;
    households++;
    labourForce += lf;
    employed += emp;
    if (lf > 0) {
      hhWithLabour++;
      if (emp > 0) hhWithLabourEmployed++;
    }
    const inc = hIncome12[h]!;
    income12 += inc;
    incWage += H.incWage[h]!;
    incBusiness += H.incBusiness[h]!;
    incAgriculture += H.incAgriculture[h]!;
    incTransfer += H.incTransfer[h]!;
    incDividend += H.incDividend[h]!;
    savings += H.savings[h]!;
    const pc = inc / (size > 1 ? size : 1);
    const bin = binOf(pc);
    hist[g0 + bin]! += size;
    hist[g1 + bin]! += size;
    hist[g2 + bin]! += size;
    const exited = hEverExited[h]!;
    if (pc < poorBelow) {
      poorPersons += size;
      if (exited) relapsedPersons += size;
    }
    if (exited) exitedPersons += size;
    const res = hResidence[h]!;
    if (res === Residence.Pending) continue;
    signed++;
    // Crowding > 0 (see demography.crowding), without the call.
    if (size * areaPerPerson > hArea[h]!) crowded++;
    if (res === Residence.Transitional) transitional++;
    else if (res === Residence.Resident) {
      resident++;
      intEcon += H.intEcon[h]!;
      intSocial += H.intSocial[h]!;
      intPsych += H.intPsych[h]!;
    } else if (res === Residence.Returned) returned++;
    else if (res === Residence.GaveUp) gaveUp++;
  }
  const a = s * NF;
  acc[a + F.persons] = persons; acc[a + F.households] = households; acc[a + F.labourForce] = labourForce;
  acc[a + F.employed] = employed; acc[a + F.local] = local; acc[a + F.migrant] = migrant; acc[a + F.self] = self; acc[a + F.farming] = farming;
  acc[a + F.hhWithLabour] = hhWithLabour; acc[a + F.hhWithLabourEmployed] = hhWithLabourEmployed; acc[a + F.income12] = income12;
  acc[a + F.incWage] = incWage; acc[a + F.incBusiness] = incBusiness; acc[a + F.incAgriculture] = incAgriculture;
  acc[a + F.incTransfer] = incTransfer; acc[a + F.incDividend] = incDividend; acc[a + F.savings] = savings;
  acc[a + F.poorPersons] = poorPersons; acc[a + F.relapsedPersons] = relapsedPersons; acc[a + F.exitedPersons] = exitedPersons;
  acc[a + F.residentHouseholds] = resident; acc[a + F.intEcon] = intEcon; acc[a + F.intSocial] = intSocial; acc[a + F.intPsych] = intPsych;
  acc[a + F.signed] = signed; acc[a + F.transitional] = transitional; acc[a + F.resident] = resident; acc[a + F.returned] = returned; acc[a + F.gaveUp] = gaveUp;
  acc[a + F.crowded] = crowded; acc[a + F.inTraining] = inTraining;
  const n = h1 - S.hhStart[s]!;
  acc[a + F.openHouseholds] = open ? n : 0;
  acc[a + F.collectiveIncome] = open ? S.collectiveIncome[s]! : 0;
  acc[a + F.maintenanceBalance] = open ? S.maintenanceBalance[s]! : 0;
  acc[a + F.housingCondition] = open ? S.housingCondition[s]! * n : 0;
  acc[a + F.localJobs] = open ? localJobs(p, st, s) : 0;
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
