/**
 * The simulation state, stored column-wise: one typed array per attribute, integer ids.
 * A site, a household and a person are row indices. Households are contiguous by site and
 * each site owns a range of person slots (with headroom for births and marriages), so a site
 * can be simulated on its own: the basis for determinism across workers.
 */

export const Emp = { NotInLabourForce: 0, Unemployed: 1, Local: 2, Migrant: 3, SelfEmployed: 4, Farming: 5 } as const;
export const Residence = { Pending: 0, Transitional: 1, Resident: 2, Returned: 3, GaveUp: 4 } as const;
export const Land = { Kept: 0, Lost: 1 } as const;
export const Registration = { Origin: 0, Destination: 1, Dual: 2 } as const;

export interface SiteTable {
  count: number;
  urban: Uint8Array;
  cohort: Int16Array;
  /** Step at which the site's households sign (may be before step 0 for earlier cohorts). */
  openStep: Int32Array;
  hhStart: Int32Array;
  hhEnd: Int32Array;
  pStart: Int32Array;
  pEnd: Int32Array;
  /** Bump pointer into the person range; freed slots go on the site's free stack. */
  pNext: Int32Array;
  freeCount: Int32Array;
  wageFactor: Float32Array;
  marketJobs: Float64Array;
  supportJobs: Float64Array;
  /** Enterprises founded by introduced talent (paper 4.1(1)). */
  talentFirms: Float64Array;
  promotionJobs: Float64Array;
  serviceQuality: Float32Array;
  activity: Float32Array;
  safety: Float32Array;
  /** Response time of site management, days (safety follows it). */
  responseDays: Float32Array;
  housingCondition: Float32Array;
  totalArea: Float64Array;
  collectiveBalance: Float64Array;
  collectiveIn: Float64Array;
  collectiveOut: Float64Array;
  collectiveIncome: Float64Array;
  maintenanceBalance: Float64Array;
  maintenanceIn: Float64Array;
  maintenanceOut: Float64Array;
  /** Dividend per household holding a home (transitional or resident) paid this step. */
  dividend: Float64Array;
  /** Collective fund: net return of the operating year so far (model/collective.ts). */
  collectiveYearReturn: Float64Array;
  /** Collective fund: past losses not yet offset by later gains (carried forward, >= 0). */
  collectiveLossCarried: Float64Array;
  /** Collective fund: dividends declared but not yet paid, and the monthly instalment. */
  collectivePayable: Float64Array;
  collectiveInstalment: Float64Array;
  /**
   * Public cost of each lever at the site since the start (yuan, current prices): row s holds
   * COST_ITEMS values, one per lever in the order of model/metricTable.ts COST_LEVERS
   * (model/costs.ts). And the site's household-months since the start, the cost's denominator.
   */
  publicCost: Float64Array;
  householdMonths: Float64Array;
  /**
   * Step at which the site's households sign the relocation agreement and their area is fixed
   * (paper 3.3): `openStep` less the construction lag, not before step 0.
   */
  signStep: Int32Array;
  /** Couples who have left the site's households to form their own (model/demography.ts), cumulative. */
  splits: Int32Array;
}

/** Levers with a public cost (one per lever; see SiteTable.publicCost). */
export const COST_ITEMS = 15;

export interface HouseholdTable {
  count: number;
  site: Int32Array;
  first: Int32Array;
  size: Int16Array;
  /** Members when the household signed (the area was fixed for them). */
  signedSize: Int16Array;
  area: Float32Array;
  adjustAt: Int32Array;
  residence: Uint8Array;
  moveStep: Int32Array;
  originHouseUntil: Int32Array;
  savings: Float64Array;
  land: Float32Array;
  landStatus: Uint8Array;
  registration: Uint8Array;
  farmReach: Uint8Array;
  gridDraw: Float32Array;
  tiesOrigin: Float32Array;
  tiesSite: Float32Array;
  intEcon: Float32Array;
  intSocial: Float32Array;
  intPsych: Float32Array;
  /** Ring of the last 12 months' net income (yuan), and its running sum. */
  incomeRing: Float32Array;
  income12: Float64Array;
  incWage: Float32Array;
  incBusiness: Float32Array;
  incAgriculture: Float32Array;
  incTransfer: Float32Array;
  incDividend: Float32Array;
  assistance: Float32Array;
  detected: Uint8Array;
  poor: Uint8Array;
  everExited: Uint8Array;
  care: Uint8Array;
  /**
   * Members by labour state, kept by income() (which walks every household's members after
   * the month's labour transitions) and by residence when a household leaves, so the later
   * phases (integration, collection) need not walk the member lists again.
   */
  nLabour: Uint8Array;
  nLocal: Uint8Array;
  nMigrant: Uint8Array;
  nSelf: Uint8Array;
  nFarming: Uint8Array;
  nTraining: Uint8Array;
  /**
   * Ring of the last 12 months' poverty assistance received (yuan, the part of `incomeRing`
   * that is assistance; same slots), and its running sum, so income excluding assistance over
   * 12 months is exactly income12 − assist12 (model/poverty.ts).
   */
  assistRing: Float32Array;
  assist12: Float64Array;
  neighbours: Int32Array;
  degree: number;
}

export interface PersonTable {
  capacity: number;
  /**
   * The person's key for random draws (kernel/random.ts keyed): who they are, not where they are
   * stored. A slot freed by a death or a departure is taken by the next birth or bride of its
   * site, and which one that is can differ between scenarios; keys cannot. The population's
   * persons have their slot index; a newborn's key hashes the mother's key with the month, a
   * bride's the husband's (model/demography.ts), so a lineage keeps its draws in every scenario.
   */
  key: Uint32Array;
  alive: Uint8Array;
  household: Int32Array;
  next: Int32Array;
  age: Uint8Array;
  birthMonth: Uint8Array;
  female: Uint8Array;
  married: Uint8Array;
  disabled: Uint8Array;
  inSchool: Uint8Array;
  skill: Float32Array;
  matched: Uint8Array;
  emp: Uint8Array;
  /**
   * When the person entered their employment state, on the labour market's clock (`tenureOf`):
   * tenure is not counted up month by month but derived where it is read, so the labour market
   * writes nothing for a member whose state does not change.
   */
  tenureFrom: Int16Array;
  training: Uint8Array;
  /** Free slots of each site, stored within the site's own range. */
  freeStack: Int32Array;
}

export interface State {
  sites: SiteTable;
  households: HouseholdTable;
  persons: PersonTable;
}

type TypedCtor<T> = { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
/**
 * Every column lives in a SharedArrayBuffer, so worker threads can step disjoint ranges of
 * sites of one simulation in place (no copies; Node allows shared memory without isolation).
 */
export function shared<T>(C: TypedCtor<T>, n: number): T {
  return new C(new SharedArrayBuffer(Math.max(1, n) * C.BYTES_PER_ELEMENT));
}
function cols<T extends Record<string, unknown>>(n: number, spec: { [K in keyof T]: TypedCtor<T[K]> }): T {
  const out: Record<string, unknown> = {};
  for (const [k, C] of Object.entries(spec)) out[k] = shared(C as TypedCtor<unknown>, n);
  return out as T;
}

export function allocSites(n: number): SiteTable {
  const t = cols<Omit<SiteTable, "count" | "publicCost">>(n, {
    urban: Uint8Array, cohort: Int16Array, openStep: Int32Array, hhStart: Int32Array, hhEnd: Int32Array,
    pStart: Int32Array, pEnd: Int32Array, pNext: Int32Array, freeCount: Int32Array, wageFactor: Float32Array,
    marketJobs: Float64Array, supportJobs: Float64Array, talentFirms: Float64Array, promotionJobs: Float64Array,
    serviceQuality: Float32Array, activity: Float32Array, safety: Float32Array, responseDays: Float32Array,
    housingCondition: Float32Array, totalArea: Float64Array, collectiveBalance: Float64Array, collectiveIn: Float64Array,
    collectiveOut: Float64Array, collectiveIncome: Float64Array, maintenanceBalance: Float64Array,
    maintenanceIn: Float64Array, maintenanceOut: Float64Array, dividend: Float64Array,
    collectiveYearReturn: Float64Array, collectiveLossCarried: Float64Array, collectivePayable: Float64Array, collectiveInstalment: Float64Array,
    householdMonths: Float64Array,
    signStep: Int32Array, splits: Int32Array,
  });
  return { count: n, publicCost: shared(Float64Array, n * COST_ITEMS), ...t };
}

export function allocHouseholds(n: number, degree: number): HouseholdTable {
  const t = cols<Omit<HouseholdTable, "count" | "incomeRing" | "assistRing" | "neighbours" | "degree">>(n, {
    site: Int32Array, first: Int32Array, size: Int16Array, signedSize: Int16Array, area: Float32Array,
    adjustAt: Int32Array, residence: Uint8Array, moveStep: Int32Array, originHouseUntil: Int32Array,
    savings: Float64Array, land: Float32Array, landStatus: Uint8Array, registration: Uint8Array, farmReach: Uint8Array,
    gridDraw: Float32Array, tiesOrigin: Float32Array, tiesSite: Float32Array, intEcon: Float32Array,
    intSocial: Float32Array, intPsych: Float32Array, income12: Float64Array, incWage: Float32Array,
    incBusiness: Float32Array, incAgriculture: Float32Array, incTransfer: Float32Array, incDividend: Float32Array,
    assistance: Float32Array, detected: Uint8Array, poor: Uint8Array, everExited: Uint8Array, care: Uint8Array,
    nLabour: Uint8Array, nLocal: Uint8Array, nMigrant: Uint8Array, nSelf: Uint8Array, nFarming: Uint8Array, nTraining: Uint8Array,
    assist12: Float64Array,
  });
  return { count: n, incomeRing: shared(Float32Array, n * 12), assistRing: shared(Float32Array, n * 12), neighbours: shared(Int32Array, n * degree).fill(-1), degree, ...t };
}

export function allocPersons(capacity: number): PersonTable {
  const t = cols<Omit<PersonTable, "capacity">>(capacity, {
    key: Uint32Array, alive: Uint8Array, household: Int32Array, next: Int32Array, age: Uint8Array, birthMonth: Uint8Array,
    female: Uint8Array, married: Uint8Array, disabled: Uint8Array, inSchool: Uint8Array, skill: Float32Array,
    matched: Uint8Array, emp: Uint8Array, tenureFrom: Int16Array, training: Uint8Array, freeStack: Int32Array,
  });
  t.next.fill(-1);
  return { capacity, ...t };
}

/**
 * A person's tenure: months in their employment state, capped at 32,767. The labour market
 * (model/labourMarket.ts) adds a month to every labour-force member's tenure each step, before
 * it reads it; the clock `months` counts those months: at step k it is k in the phases before
 * the labour market (the month not yet added) and k + 1 from the labour market on. A change of
 * state sets `tenureFrom` to the clock at that moment (tenure 0). Persons outside
 * the labour force are not counted, but nothing reads their tenure, and entering the labour
 * force starts it again.
 */
export function tenureOf(from: number, months: number): number {
  const t = months - from;
  return t < 32767 ? t : 32767;
}

/** Take a free person slot of site s, or -1 when the site's range is full. */
export function takePersonSlot(st: State, s: number): number {
  const S = st.sites;
  if (S.freeCount[s]! > 0) {
    S.freeCount[s]!--;
    return st.persons.freeStack[S.pStart[s]! + S.freeCount[s]!]!;
  }
  if (S.pNext[s]! < S.pEnd[s]!) return S.pNext[s]!++;
  return -1;
}

/** Recount household h's members by labour state (see HouseholdTable.nLabour). */
export function countMembers(st: State, h: number): void {
  const P = st.persons;
  const H = st.households;
  let lf = 0, local = 0, migrant = 0, self = 0, farming = 0, training = 0;
  for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
    const e = P.emp[q]!;
    if (e === Emp.NotInLabourForce) continue;
    lf++;
    if (P.training[q]! > 0) training++;
    if (e === Emp.Local) local++;
    else if (e === Emp.Migrant) migrant++;
    else if (e === Emp.SelfEmployed) self++;
    else if (e === Emp.Farming) farming++;
  }
  H.nLabour[h] = lf;
  H.nLocal[h] = local;
  H.nMigrant[h] = migrant;
  H.nSelf[h] = self;
  H.nFarming[h] = farming;
  H.nTraining[h] = training;
}

/** Add person p to household h (at the head of its member list). */
export function linkMember(st: State, h: number, p: number): void {
  const P = st.persons;
  const H = st.households;
  P.alive[p] = 1;
  P.household[p] = h;
  P.next[p] = H.first[h]!;
  H.first[h] = p;
  H.size[h]!++;
}

/** Remove person p from its household and free its slot. */
export function removePerson(st: State, p: number): void {
  const P = st.persons;
  const H = st.households;
  const h = P.household[p]!;
  if (H.first[h] === p) H.first[h] = P.next[p]!;
  else {
    let q = H.first[h]!;
    while (P.next[q] !== p) q = P.next[q]!;
    P.next[q] = P.next[p]!;
  }
  H.size[h]!--;
  P.alive[p] = 0;
  P.next[p] = -1;
  const s = H.site[h]!;
  const S = st.sites;
  P.freeStack[S.pStart[s]! + S.freeCount[s]!] = p;
  S.freeCount[s]!++;
}
