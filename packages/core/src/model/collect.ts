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
export const GROUPS = ["all", "site:urban", "site:rural", "cohort:2016", "cohort:2017", "cohort:2018", "cohort:2019"] as const;

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
