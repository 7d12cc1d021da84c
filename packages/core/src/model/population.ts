import type { Params } from "../params/types.js";
import { allocHouseholds, allocPersons, allocSites, linkMember, takePersonSlot, Emp, Residence, Land, Registration, type State } from "../kernel/state.js";
import { stream, poisson, normal, type Random } from "../kernel/random.js";
import { parseMonth } from "../params/resolve.js";

/**
 * The synthetic population at signing, built from the published national figures
 * (packages/core/data/national-targets.json): people, households and sites nationally, the
 * urban/rural split of people and sites, and the housing cap per person. A smaller scale keeps
 * the national ratios: households per site and people per household.
 *
 * Sites and their sizes come from one stream per seed; each site's households and persons from
 * the site's own stream, so a site's population does not depend on any other site; its
 * construction lag (signing to handover) from its own "construction" stream. These are
 * sequential streams (kernel/random.ts stream): the population is built once, before any
 * scenario acts, and is the same for every scenario of a comparison.
 */
export function buildPopulation(p: Params, households: number, seed: number): State {
  const pop = p.population;
  const nSites = Math.max(1, Math.min(households, Math.round((pop.sitesNational * households) / pop.householdsNational)));
  const nUrban = nSites === 1 ? (pop.urbanPeopleShare >= 0.5 ? 1 : 0) : Math.max(pop.urbanPeopleShare > 0 ? 1 : 0, Math.min(nSites - 1, Math.round((nSites * pop.urbanSitesNational) / pop.sitesNational)));
  const sizes = siteSizes(p, households, nSites, nUrban, stream(seed, "all", "sites"));
  const meanSize = pop.peopleNational / pop.householdsNational;

  const degree = pop.networkDegree;
  const H = allocHouseholds(households, degree);
  // Person capacity: expected members plus headroom for births and in-marrying spouses.
  const perSiteCapacity = sizes.map((n) => Math.ceil(n * meanSize * 1.45) + 12);
  const capacity = perSiteCapacity.reduce((a, b) => a + b, 0);
  const P = allocPersons(capacity);
  const S = allocSites(nSites);
  const st: State = { sites: S, households: H, persons: P };

  const cohortRandom = stream(seed, "all", "cohorts");
  const cohorts = siteCohorts(p, sizes, cohortRandom);
  const startAbs = parseMonth(p.horizon.start);
  let h0 = 0;
  let p0 = 0;
  for (let s = 0; s < nSites; s++) {
    S.urban[s] = s < nUrban ? 1 : 0;
    S.hhStart[s] = h0;
    S.hhEnd[s] = h0 + sizes[s]!;
    S.pStart[s] = p0;
    S.pNext[s] = p0;
    S.pEnd[s] = p0 + perSiteCapacity[s]!;
    const cohort = cohorts[s]!;
    S.cohort[s] = cohort;
    S.openStep[s] = cohort * 12 + Math.floor(cohortRandom() * 12) - startAbs;
    // Signing precedes the handover by the construction lag (paper 3.3: the area is fixed for
    // the family at signing). Sites that signed before the first month sign at step 0, with
    // the family the population is built with: their lag is cut short.
    const lag = Math.round(p.residence.constructionMonths * (0.5 + stream(seed, s, "construction")()));
    S.signStep[s] = Math.max(0, S.openStep[s]! - lag);
    S.wageFactor[s] = Math.exp(0.1 * normal(cohortRandom));
    S.housingCondition[s] = 1;
    h0 += sizes[s]!;
    p0 += perSiteCapacity[s]!;
    buildSite(p, st, s, stream(seed, s, "population"), meanSize);
  }
  return st;
}

/**
 * Each site's relocation cohort (2016-2019), whole sites in a seeded random order, cut where the
 * cumulative share of households crosses the cohort shares (a site belongs to the cohort its
 * middle household falls in). The cohorts' shares of households then miss the published shares
 * by at most about half a site at each cut, whatever the scale; drawing each site's cohort on its
 * own, as before, left the 2016 share of persons anywhere in 0.14-0.39 at county scale (131
 * sites of log-normal sizes).
 */
export function siteCohorts(p: Params, sizes: readonly number[], random: Random): Int16Array {
  const pop = p.population;
  const n = sizes.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  const cut1 = pop.cohortShare2016;
  const cut2 = cut1 + pop.cohortShare2017;
  const cut3 = cut2 + pop.cohortShare2018;
  const out = new Int16Array(n);
  let before = 0;
  for (const s of order) {
    const middle = (before + sizes[s]! / 2) / total;
    out[s] = middle < cut1 ? 2016 : middle < cut2 ? 2017 : middle < cut3 ? 2018 : 2019;
    before += sizes[s]!;
  }
  return out;
}

/** Households per site: log-normal weights around each type's mean, at least one each. */
function siteSizes(p: Params, households: number, nSites: number, nUrban: number, random: Random): number[] {
  const pop = p.population;
  const nRural = nSites - nUrban;
  const target = nUrban === 0 ? 0 : nRural === 0 ? households : Math.round(households * pop.urbanPeopleShare);
  // Every site gets at least one household, of either type, and the total stays `households`.
  const urbanHouseholds = Math.min(households - nRural, Math.max(nUrban, target));
  const out = new Array<number>(nSites).fill(0);
  const share = (from: number, to: number, total: number) => {
    const n = to - from;
    if (n <= 0) return;
    const sigma = pop.siteSizeSigma;
    const w = Array.from({ length: n }, () => Math.exp(sigma * normal(random) - (sigma * sigma) / 2));
    const sum = w.reduce((a, b) => a + b, 0);
    // Largest-remainder apportionment after giving every site one household.
    const rest = total - n;
    const exact = w.map((x) => (x / sum) * Math.max(0, rest));
    const floor = exact.map(Math.floor);
    let left = Math.max(0, rest) - floor.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => [x - floor[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; k < left; k++) floor[order[k % n]![1]]!++;
    left = 0;
    for (let i = 0; i < n; i++) out[from + i] = 1 + floor[i]!;
  };
  share(0, nUrban, urbanHouseholds);
  share(nUrban, nSites, households - urbanHouseholds);
  return out;
}

function buildSite(p: Params, st: State, s: number, r: Random, meanSize: number): void {
  const pop = p.population;
  const S = st.sites;
  const H = st.households;
  const P = st.persons;
  const urban = S.urban[s] === 1;
  // Initial savings are months of subsistence spending where the household lives (at origin).
  const spending = p.income.ruralSpendingPerPerson;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    H.site[h] = s;
    H.first[h] = -1;
    H.adjustAt[h] = -1;
    H.residence[h] = Residence.Pending;
    H.moveStep[h] = -1;
    H.originHouseUntil[h] = -1;
    H.land[h] = r() < 0.1 ? 0 : -Math.log(1 - r()) * pop.landMuMean / 0.9;
    H.landStatus[h] = Land.Kept;
    H.registration[h] = Registration.Origin;
    H.farmReach[h] = r() < (urban ? p.labour.farmingReachUrban : p.labour.farmingReachRural) ? 1 : 0;
    H.gridDraw[h] = r();
    H.tiesOrigin[h] = 0.6 + 0.3 * r();
    H.tiesSite[h] = 0.05;

    // Household size: 1 + Poisson(mean - 1), truncated at 9 (assumption; mean from NDRC 2020).
    const size = Math.min(9, 1 + poisson(r, meanSize - 1));
    const headAge = 24 + Math.floor(r() * 38);
    const headFemale = r() < 0.15 ? 1 : 0;
    addPerson(p, st, s, h, r, headAge, headFemale, size > 1 ? 1 : 0);
    if (size > 1) addPerson(p, st, s, h, r, clampAge(headAge + Math.round((r() - 0.5) * 6)), headFemale ? 0 : 1, 1);
    let rest = size - 2;
    if (rest > 0 && r() < 0.3) {
      addPerson(p, st, s, h, r, Math.min(90, Math.max(headAge + 20, 60) + Math.floor(r() * 15)), r() < 0.6 ? 1 : 0, 1);
      rest--;
    }
    for (let c = 0; c < rest; c++) {
      const maxChild = Math.max(0, Math.min(24, headAge - 18));
      addPerson(p, st, s, h, r, Math.floor(r() * (maxChild + 1)), r() < 0.48 ? 1 : 0, 0);
    }
    H.savings[h] = pop.savingsMonths * spending * H.size[h]!;
    H.intEcon[h] = 0.3;
    H.intSocial[h] = 0.2;
    H.intPsych[h] = 0.3;
  }
}

function clampAge(a: number): number {
  return Math.max(18, Math.min(90, a));
}

function addPerson(p: Params, st: State, s: number, h: number, r: Random, age: number, female: number, married: number): void {
  const pop = p.population;
  const P = st.persons;
  const q = takePersonSlot(st, s);
  if (q < 0) return; // capacity is sized with headroom; cannot happen at build time
  linkMember(st, h, q);
  // The population's persons are keyed by their slot (kernel/state.ts PersonTable.key).
  P.key[q] = q;
  P.age[q] = age;
  P.birthMonth[q] = 1 + Math.floor(r() * 12);
  P.female[q] = female;
  P.married[q] = married;
  P.training[q] = 0;
  P.matched[q] = 0;
  // Tenure 0-35 months at the start, on the labour market's clock (0 before the first step; kernel/state.ts tenureOf).
  P.tenureFrom[q] = -Math.floor(r() * 36);
  const workingAge = age >= pop.workingAgeMin && age <= pop.workingAgeMax;
  P.disabled[q] = workingAge && r() < pop.disabledShare ? 1 : 0;
  P.inSchool[q] = age < pop.workingAgeMin || (age <= 18 && r() < pop.schoolingShare16to18) ? 1 : 0;
  // Skill: mean skillMean, spread as the average of two uniforms (assumption).
  P.skill[q] = Math.min(1, Math.max(0, pop.skillMean * (0.3 + 1.4 * ((r() + r()) / 2))));
  P.emp[q] = Emp.NotInLabourForce;
  if (workingAge && !P.disabled[q] && !P.inSchool[q]) {
    const u = r();
    const hasLand = st.households.land[h]! > 0;
    if (u < pop.initialMigrantShare) P.emp[q] = Emp.Migrant;
    else if (u < pop.initialMigrantShare + pop.initialFarmingShare) P.emp[q] = hasLand ? Emp.Farming : Emp.Unemployed;
    else if (u < pop.initialMigrantShare + pop.initialFarmingShare + pop.initialLocalShare) P.emp[q] = Emp.Local;
    else P.emp[q] = Emp.Unemployed;
  }
}
