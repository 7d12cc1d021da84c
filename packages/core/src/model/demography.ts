import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Emp, Residence, linkMember, removePerson, takePersonSlot, type State } from "../kernel/state.js";
import { logistic, logit, triple32, type KeyedRandom } from "../kernel/random.js";
import { moveBirthMonth, type BirthIndex } from "../kernel/birthIndex.js";

/**
 * Demography: births, marriages, deaths and ageing. Each person ages in their birth month and
 * draws that year's events then (annual probabilities spread evenly over the year, a twelfth
 * of the population each month). Marriage follows the rural custom: a son's bride joins the
 * household, a daughter leaves it. Household growth is what crowds the housing area fixed at
 * signing (paper 3.3); the housing-adjustment lever answers it here. A son who marries in a
 * household of three or more may instead leave with his bride to set up their own home, more
 * often the more the couple would crowd the home (one draw of the `split` source per such
 * marriage): the couple leaves the site's population (the model keeps a fixed set of
 * households per site) and is counted in the site's `splits`. So crowding stays bounded.
 *
 * The site's person slots with a birthday this month are visited in slot order: those the
 * birth index lists under the month (kernel/birthIndex.ts; the engine keeps one), or, without
 * an index, every slot of the site in turn. Births and brides found in the pass join their
 * households after it, so no one born this month has a birthday this month. Returns the
 * number of births and brides dropped because the site's slots were full.
 *
 * A household's care duty (updateCare) is recomputed when it can change: a member reaching 6
 * or 81, leaving or dying, a birth (brides are 18 to 34). Households start with none computed,
 * so in the run's first twelve months every household with a birthday is recomputed, which
 * reaches every household once.
 *
 * Draws are keyed by person (P.key): a person's events this month depend on their own draws
 * alone, whoever else was born, married or died. A newborn's and a bride's attributes are the
 * draws of their own new keys (personKey), so a lineage draws the same in every scenario.
 */
export function demography(p: Params, c: StepContext, st: State, s: number, draws: KeyedRandom, splits: KeyedRandom, index: BirthIndex | null = null): number {
  const P = st.persons;
  const H = st.households;
  const S = st.sites;
  const d = p.demography;
  const pop = p.population;
  const mortality = c.mortality;
  const { alive, birthMonth, age: ages, married, female, household, key } = P;
  const month = c.month;
  const q1 = S.pNext[s]!;
  const queue = eventQueue(q1 - S.pStart[s]!);
  let births = 0; // queue[0..births): mothers of a newborn
  let brides = 0; // queue[cap - k - 1]: husbands whose bride joins their household
  let touched = 0; // touchedList[0..touched): households whose members changed or aged
  const cap = queue.length;
  const splitBase = logit(d.splitBase);
  const areaPerPerson = pop.areaPerPerson;
  // At most two entries per person with a birthday (a change of care by age, and a death, departure or birth).
  const touchedList = touchedQueue(2 * (q1 - S.pStart[s]!));
  // Every household with a birthday until care has been computed for all (see above).
  const allTouched = c.step < 12;
  // The month's slots: listed by the index, or every slot of the site.
  const slots = index === null ? null : index.slots;
  const k0 = index === null ? S.pStart[s]! : index.start[s * 13 + month - 1]!;
  const k1 = index === null ? q1 : index.start[s * 13 + month]!;
  for (let k = k0; k < k1; k++) {
    const q = slots === null ? k : slots[k]!;
    if (alive[q] === 0 || birthMonth[q] !== month) continue;
    const h = household[q]!;
    const r = draws.at(key[q]!);
    const age = ages[q]! + 1;
    ages[q] = age > 255 ? 255 : age;
    // Care changes with age only when a member leaves the under-6s or joins the over-80s.
    if (allTouched || age === 6 || age === 81) touchedList[touched++] = h;
    // A household of one is kept alive (its death would end the household, which the model
    // does not track); the event is rare and counted as survival.
    if (r() < mortality[age]! && H.size[h]! > 1) {
      removePerson(st, q);
      touchedList[touched++] = h;
      continue;
    }
    if (married[q]) {
      if (female[q] && age >= 20 && age <= 39 && r() < d.fertility) {
        queue[births++] = q;
        touchedList[touched++] = h;
      }
    } else if (age >= 20 && age <= 34 && r() < d.marriage) {
      married[q] = 1;
      if (female[q]) {
        if (H.size[h]! > 1) {
          removePerson(st, q);
          touchedList[touched++] = h;
          continue;
        }
      } else {
        const n = H.size[h]!;
        if (n >= 3) {
          // Crowding the couple would cause in the home fixed at signing (none before signing).
          const need = (n + 1) * areaPerPerson;
          const crowd = H.residence[h] !== Residence.Pending && need > H.area[h]! ? 1 - H.area[h]! / need : 0;
          if (splits.draw(key[q]!) < logistic(splitBase + d.splitCrowding * crowd)) {
            removePerson(st, q);
            touchedList[touched++] = h;
            S.splits[s]!++;
            continue;
          }
        }
        queue[cap - ++brides] = q;
      }
    }
    // Leaving school, entering the labour force, retiring.
    if (P.inSchool[q] && age >= pop.workingAgeMin && (age > 18 || r() < 0.4)) P.inSchool[q] = 0;
    const working = age >= pop.workingAgeMin && age <= pop.workingAgeMax && !P.disabled[q] && !P.inSchool[q];
    // (Tenure starts now: the labour market's clock before its phase, kernel/state.ts tenureOf.)
    if (working && P.emp[q] === Emp.NotInLabourForce) { P.emp[q] = Emp.Unemployed; P.tenureFrom[q] = c.step; }
    else if (!working && P.emp[q] !== Emp.NotInLabourForce) { P.emp[q] = Emp.NotInLabourForce; P.tenureFrom[q] = c.step; P.training[q] = 0; }
  }
  let overflow = 0;
  for (let k = 0; k < births; k++) {
    const fresh = S.pNext[s]!;
    const child = takePersonSlot(st, s);
    if (child < 0) overflow++;
    else {
      // A slot from the unused range is not yet in the index; a freed one is, under its last month.
      const was = child === fresh ? 0 : birthMonth[child]!;
      newborn(st, queue[k]!, child, month, c.step, personKey(key[queue[k]!]!, c.step, 0), draws);
      if (index !== null) moveBirthMonth(index, s, child, was, month);
    }
  }
  for (let k = 0; k < brides; k++) {
    const fresh = S.pNext[s]!;
    const spouse = takePersonSlot(st, s);
    if (spouse < 0) overflow++;
    else {
      const was = spouse === fresh ? 0 : birthMonth[spouse]!;
      bride(p, st, queue[cap - k - 1]!, spouse, c.step, personKey(key[queue[cap - k - 1]!]!, c.step, 1), draws);
      if (index !== null) moveBirthMonth(index, s, spouse, was, birthMonth[spouse]!);
    }
  }
  for (let k = 0; k < touched; k++) updateCare(st, touchedList[k]!);
  if (c.levers.housingAdjustment.adjusts) for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) housingAdjustment(p, c, st, h);
  return overflow;
}

/** Scratch queues reused across sites and steps (one per thread): the step loop does not allocate. */
let events = new Int32Array(4096);
let touchedHouseholds = new Int32Array(4096);
function eventQueue(persons: number): Int32Array {
  // Births use the front, brides the back; each person adds at most one.
  if (events.length < persons + 1) events = new Int32Array(Math.max(persons + 1, events.length * 2));
  return events;
}
function touchedQueue(persons: number): Int32Array {
  if (touchedHouseholds.length < persons) touchedHouseholds = new Int32Array(Math.max(persons, touchedHouseholds.length * 2));
  return touchedHouseholds;
}

/**
 * The key of a person who joins a household at `step`: a hash of the key of the person they
 * join through (the mother of a newborn, kind 0; the husband of a bride, kind 1), who has one
 * such event a month at most. A 32-bit hash: two persons share a key about once in 2^32 pairs.
 */
export function personKey(through: number, step: number, kind: 0 | 1): number {
  return triple32(triple32(through ^ (kind ? 0x5bd1e995 : 0x27d4eb2f)) + step) >>> 0;
}

function newborn(st: State, mother: number, q: number, month: number, step: number, key: number, draws: KeyedRandom): void {
  const P = st.persons;
  const r = draws.at(key);
  linkMember(st, P.household[mother]!, q);
  P.key[q] = key;
  P.age[q] = 0;
  P.birthMonth[q] = month;
  P.female[q] = r() < 0.48 ? 1 : 0;
  P.married[q] = 0;
  P.disabled[q] = 0;
  P.inSchool[q] = 1;
  P.skill[q] = 0;
  P.matched[q] = 0;
  P.emp[q] = Emp.NotInLabourForce;
  P.tenureFrom[q] = step;
  P.training[q] = 0;
}

function bride(p: Params, st: State, husband: number, q: number, step: number, key: number, draws: KeyedRandom): void {
  const P = st.persons;
  const r = draws.at(key);
  linkMember(st, P.household[husband]!, q);
  P.key[q] = key;
  const age = Math.max(18, P.age[husband]! - Math.floor(r() * 4));
  P.age[q] = age;
  P.birthMonth[q] = 1 + Math.floor(r() * 12);
  P.female[q] = 1;
  P.married[q] = 1;
  P.disabled[q] = 0;
  P.inSchool[q] = 0;
  P.skill[q] = Math.min(1, p.population.skillMean * (0.3 + 1.4 * r()));
  P.matched[q] = 0;
  P.emp[q] = age <= p.population.workingAgeMax ? Emp.Unemployed : Emp.NotInLabourForce;
  P.tenureFrom[q] = step;
  P.training[q] = 0;
}

/** A household cares for a child under 6 or an elder over 80: its working-age women search less and rarely migrate. */
export function updateCare(st: State, h: number): void {
  const P = st.persons;
  let care = 0;
  for (let q = st.households.first[h]!; q >= 0; q = P.next[q]!) {
    const a = P.age[q]!;
    if (a < 6 || a > 80) { care = 1; break; }
  }
  st.households.care[h] = care;
}

/**
 * Crowding: the share of the needed area (areaPerPerson for each current member) that the home
 * allocated at signing lacks. Zero before signing.
 */
export function crowding(p: Params, st: State, h: number): number {
  const H = st.households;
  if (H.residence[h] === Residence.Pending) return 0;
  const need = H.size[h]! * p.population.areaPerPerson;
  return need > H.area[h]! ? 1 - H.area[h]! / need : 0;
}

/** Housing adjustment (paper 3.3, policies/housingAdjustment.ts): a crowded home still held is enlarged to the current size after the lever's delay. */
function housingAdjustment(p: Params, c: StepContext, st: State, h: number): void {
  const H = st.households;
  const res = H.residence[h];
  if (res !== Residence.Transitional && res !== Residence.Resident) return;
  if (crowding(p, st, h) <= 0) { H.adjustAt[h] = -1; return; }
  if (H.adjustAt[h]! < 0) H.adjustAt[h] = c.step + c.levers.housingAdjustment.delayMonths;
  if (c.step >= H.adjustAt[h]!) {
    const s = H.site[h]!;
    const added = H.size[h]! * p.population.areaPerPerson - H.area[h]!;
    H.area[h] = H.size[h]! * p.population.areaPerPerson;
    st.sites.totalArea[s]! += added;
    H.adjustAt[h] = -1;
  }
}
