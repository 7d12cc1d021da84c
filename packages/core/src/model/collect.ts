import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { COST_ITEMS, Residence, type State } from "../kernel/state.js";
import { BINS, binOf } from "../kernel/histogram.js";
import { COST_LEVERS, SITE_FIELDS, type SiteField } from "./metricTable.js";
import { localJobs } from "./siteEconomy.js";

/**
 * Collection: per-site sums each step (so results do not depend on how sites are split across
 * workers), reduced over sites in a fixed order into groups (simulation.ts), then turned into
 * the metrics of the metric table (metricValues.ts). Integer counts are exact; income quantiles
 * and the Gini coefficient come from the income histogram (kernel/histogram.ts).
 */
export const SITE_GROUPS = ["all", "site:urban", "site:rural", "cohort:2016", "cohort:2017", "cohort:2018", "cohort:2019"] as const;

/**
 * Groups of households by type, classified every month from the state (a household ages into
 * and out of them): `with_labour` has ≥ 1 labour-force member (HouseholdTable.nLabour, the
 * denominator of households_with_employed_share), `without_labour` none (the two partition the
 * households); `elderly_only` has members who are all aged ≥ ELDERLY_AGE; `large` has
 * ≥ LARGE_HOUSEHOLD members.
 */
export const HOUSEHOLD_GROUPS = ["household:with_labour", "household:without_labour", "household:elderly_only", "household:large"] as const;

/** Groups of households by residence state this month (kernel/state.ts Residence; they partition the households). */
export const RESIDENCE_GROUPS = ["residence:pending", "residence:transitional", "residence:resident", "residence:returned", "residence:gave_up"] as const;

/**
 * Groups whose members are households, not sites: collected only when a run asks for one of
 * them (a second pass over every household, with a walk of its members for their ages), so
 * runs that do not ask pay nothing for them.
 */
export const MEMBER_GROUPS = [...HOUSEHOLD_GROUPS, ...RESIDENCE_GROUPS] as const;

/** Every group a run can report: site groups (always collected), then household and residence groups. */
export const GROUPS = [...SITE_GROUPS, ...MEMBER_GROUPS] as const;
export type GroupName = (typeof GROUPS)[number];

/**
 * Elderly: aged 60 or over (Law of the PRC on the Protection of the Rights and Interests of the
 * Elderly, art. 2; also the end of the official labour-force age range 16–59).
 */
export const ELDERLY_AGE = 60;

/**
 * Large household: 6 or more members. The relocated households average 3.6 persons (9.6 M
 * people in 2.66 M homes, NDRC 2020), so 6 is two-thirds above the mean; at the 25 m² per
 * person cap such a family is entitled to 150 m², nearly twice the 80.6 m² average home, and
 * it is where crowding after signing (paper 3.3) bites first. In the built population
 * (1 + Poisson(2.6) members) about one household in eight is this large.
 */
export const LARGE_HOUSEHOLD = 6;

/** True if the groups asked for include a household or residence group (collected on request). */
export function needsMemberGroups(groups: readonly string[]): boolean {
  return groups.some((g) => (MEMBER_GROUPS as readonly string[]).includes(g));
}

/** The groups whose values a run reporting `groups` collects, in the layout of its values. */
export function collectedGroups(groups: readonly string[]): readonly string[] {
  return needsMemberGroups(groups) ? GROUPS : SITE_GROUPS;
}

/** Per-site accumulator fields: F.name is the field's offset in a site's row. */
export const F = Object.fromEntries(SITE_FIELDS.map((k, i) => [k, i])) as { readonly [K in SiteField]: number };
export const NF = SITE_FIELDS.length;

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
  acc[a + F.intEcon] = intEcon; acc[a + F.intSocial] = intSocial; acc[a + F.intPsych] = intPsych;
  acc[a + F.signed] = signed; acc[a + F.transitional] = transitional; acc[a + F.resident] = resident; acc[a + F.returned] = returned; acc[a + F.gaveUp] = gaveUp;
  acc[a + F.crowded] = crowded; acc[a + F.inTraining] = inTraining;
  const n = h1 - S.hhStart[s]!;
  acc[a + F.openHouseholds] = open ? n : 0;
  acc[a + F.collectiveIncome] = open ? S.collectiveIncome[s]! : 0;
  acc[a + F.maintenanceBalance] = open ? S.maintenanceBalance[s]! : 0;
  acc[a + F.housingCondition] = open ? S.housingCondition[s]! * n : 0;
  acc[a + F.localJobs] = open ? localJobs(p, st, s) : 0;
  // Public cost since the start, by lever (model/costs.ts).
  acc[a + F.householdMonths] = S.householdMonths[s]!;
  for (let k = 0; k < COST_ITEMS; k++) acc[a + COST_FIELD[k]!] = S.publicCost[s * COST_ITEMS + k]!;
}

/** Offsets of the per-lever cost fields, in COST_LEVERS order. */
const COST_FIELD = COST_LEVERS.map((l) => F[`cost_${l}`]);

/** The group indices a site belongs to: all, its type, its cohort. */
export function siteGroups(st: State, s: number, out: Int32Array): void {
  out[0] = 0;
  out[1] = st.sites.urban[s] === 1 ? 1 : 2;
  out[2] = 3 + Math.min(3, Math.max(0, st.sites.cohort[s]! - 2016));
}

/** Index of each residence state's group within MEMBER_GROUPS (Residence.Pending … GaveUp). */
const RESIDENCE_GROUP = [0, 1, 2, 3, 4].map((r) => HOUSEHOLD_GROUPS.length + r);
/** Member groups, and the rows per site that collectMemberGroups fills. */
export const NM = MEMBER_GROUPS.length;
/** The member groups one household is in this month (at most four: labour, elderly, large, residence). */
const INTO = new Int32Array(4);
/** One household's share of its site's public cost by lever. */
const COST_SHARE = new Float64Array(COST_ITEMS);

/**
 * Sum one site's households into the rows of the groups each belongs to this month:
 * acc[(s * NM + g) * NF ...] for member group g, and the income histograms at
 * hist[(SITE_GROUPS.length + g) * BINS ...]. The household's fields are those collectSite sums;
 * a site's own quantities (collective income, maintenance fund, housing condition, local jobs,
 * public cost and household-months) are shared out equally over its households, so that a group's per-household figure is the
 * mean over its households of their site's, and the groups of a partition add up to the sites'.
 */
export function collectMemberGroups(p: Params, c: StepContext, st: State, s: number, acc: Float64Array, hist: Float64Array): void {
  const H = st.households;
  const P = st.persons;
  const S = st.sites;
  const h0 = S.hhStart[s]!, h1 = S.hhEnd[s]!;
  const n = h1 - h0;
  acc.fill(0, s * NM * NF, (s + 1) * NM * NF);
  if (n === 0) return;
  const open = c.step >= S.openStep[s]!;
  const poorBelow = c.povertyLine - 1e-6;
  const areaPerPerson = p.population.areaPerPerson;
  const perHh = open ? 1 / n : 0;
  const collective = open ? S.collectiveIncome[s]! * perHh : 0;
  const maintenance = open ? S.maintenanceBalance[s]! * perHh : 0;
  const condition = open ? S.housingCondition[s]! : 0;
  const jobs = open ? localJobs(p, st, s) * perHh : 0;
  // Public cost since the start and its household-months, shared likewise (open or not: costs.ts keeps them).
  const share = 1 / n;
  const months = S.householdMonths[s]! * share;
  for (let k = 0; k < COST_ITEMS; k++) COST_SHARE[k] = S.publicCost[s * COST_ITEMS + k]! * share;
  const into = INTO;
  for (let h = h0; h < h1; h++) {
    const size = H.size[h]!;
    const lf = H.nLabour[h]!;
    let k = 0;
    into[k++] = lf > 0 ? 0 : 1;
    if (size > 0) {
      let allOld = true;
      for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
        if (P.age[q]! < ELDERLY_AGE) {
          allOld = false;
          break;
        }
      }
      if (allOld) into[k++] = 2;
    }
    if (size >= LARGE_HOUSEHOLD) into[k++] = 3;
    const res = H.residence[h]!;
    into[k++] = RESIDENCE_GROUP[res]!;
    const hl = H.nLocal[h]!, hm = H.nMigrant[h]!, hs = H.nSelf[h]!, hf = H.nFarming[h]!;
    const emp = hl + hm + hs + hf;
    const inc = H.income12[h]!;
    const pc = inc / (size > 1 ? size : 1);
    const bin = binOf(pc);
    const exited = H.everExited[h]!;
    const poor = pc < poorBelow;
    const signed = res !== Residence.Pending;
    for (let i = 0; i < k; i++) {
      const g = into[i]!;
      const a = (s * NM + g) * NF;
      acc[a + F.persons]! += size;
      acc[a + F.households]! += 1;
      acc[a + F.labourForce]! += lf;
      acc[a + F.employed]! += emp;
      acc[a + F.local]! += hl;
      acc[a + F.migrant]! += hm;
      acc[a + F.self]! += hs;
      acc[a + F.farming]! += hf;
      acc[a + F.inTraining]! += H.nTraining[h]!;
      if (lf > 0) {
        acc[a + F.hhWithLabour]! += 1;
        if (emp > 0) acc[a + F.hhWithLabourEmployed]! += 1;
      }
      acc[a + F.income12]! += inc;
      acc[a + F.incWage]! += H.incWage[h]!;
      acc[a + F.incBusiness]! += H.incBusiness[h]!;
      acc[a + F.incAgriculture]! += H.incAgriculture[h]!;
      acc[a + F.incTransfer]! += H.incTransfer[h]!;
      acc[a + F.incDividend]! += H.incDividend[h]!;
      acc[a + F.savings]! += H.savings[h]!;
      hist[(SITE_GROUPS.length + g) * BINS + bin]! += size;
      if (poor) {
        acc[a + F.poorPersons]! += size;
        if (exited) acc[a + F.relapsedPersons]! += size;
      }
      if (exited) acc[a + F.exitedPersons]! += size;
      if (signed) {
        acc[a + F.signed]! += 1;
        if (size * areaPerPerson > H.area[h]!) acc[a + F.crowded]! += 1;
        if (res === Residence.Transitional) acc[a + F.transitional]! += 1;
        else if (res === Residence.Resident) {
          acc[a + F.resident]! += 1;
          acc[a + F.intEcon]! += H.intEcon[h]!;
          acc[a + F.intSocial]! += H.intSocial[h]!;
          acc[a + F.intPsych]! += H.intPsych[h]!;
        } else if (res === Residence.Returned) acc[a + F.returned]! += 1;
        else if (res === Residence.GaveUp) acc[a + F.gaveUp]! += 1;
      }
      acc[a + F.householdMonths]! += months;
      for (let k = 0; k < COST_ITEMS; k++) acc[a + COST_FIELD[k]!]! += COST_SHARE[k]!;
      if (open) {
        acc[a + F.openHouseholds]! += 1;
        acc[a + F.collectiveIncome]! += collective;
        acc[a + F.maintenanceBalance]! += maintenance;
        acc[a + F.housingCondition]! += condition;
        acc[a + F.localJobs]! += jobs;
      }
    }
  }
}
