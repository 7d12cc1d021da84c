import type { Params } from "../params/types.js";
import { skillFactor, type StepContext } from "./context.js";
import { Emp, Land, Residence, tenureOf, type State } from "../kernel/state.js";
import { logistic, monthly, type KeyedRandom } from "../kernel/random.js";
import { localJobs } from "./siteEconomy.js";

/**
 * Labour market of one site, in two passes over its households.
 *
 * Pass 1 (the employed): local wage workers separate at the monthly hazard (lower with
 * employment tracking, 4.3(2)); migrants come home (more in a demand shock); household
 * businesses fail at a hazard that is higher in the first three years and falls with the rent
 * they no longer pay (4.1(2)); resident farmers stop farming when their land is lost or out of
 * reach, or at the exit hazard. Resident searchers are counted with their matching weights.
 *
 * Then, if local jobs shrank below the filled posts, the excess is laid off.
 *
 * Pass 2 (the searchers listed in pass 1):
 * Local matches follow M = A·E^α·V^(1−α) on the site's *effective* searchers E = Σw (capped
 * by the vacancies V and by the number of searchers), shared among resident searchers in
 * proportion to their weight w. A searcher's weight is its search effectiveness: skill
 * (relative to a searcher of the population's mean skill, so w = 1 for a plain searcher),
 * search intensity (lower for carers, restored by schools and clinics, 4.1(3); halved while in
 * a course), a needs-based training match to the site's own industries (4.1(2)) and the
 * employment services' priority for households that poverty monitoring has detected. Because
 * weights enter M itself, better-prepared searchers fill more of the site's vacancies in a
 * month rather than only taking them from others (a matching function in efficiency units of
 * search, Pissarides 2000 ch. 5). Each searcher draws one uniform that selects among
 * competing outcomes: starting a business (more likely with start-up support, 4.1(2); only
 * when the household's savings cover the start-up capital, `income.startupCapital`, of which
 * start-up support at an open site pays a share; the rest is paid from savings),
 * migrant work (logistic choice on the wage gap, care duties and attachment to the site),
 * a local job, or farming at origin where the household still has land within reach.
 *
 * Every draw is the person's own (keyed by P.key): a `labour` draw for a transition out of
 * work, a `layoff` draw against the site's layoff share, a `search` draw against the
 * searcher's own probabilities. Matching needs no order among searchers: each compares their
 * own draw with their own probability of a local job (perWeight × weight), so one more
 * searcher at the site moves every searcher's probability a little and reshuffles no one's
 * draw; a person's outcome changes only where their own probabilities cross their draw.
 */
export function labourMarket(p: Params, c: StepContext, st: State, s: number, labour: KeyedRandom, layoffs: KeyedRandom, search: KeyedRandom): void {
  const P = st.persons;
  const H = st.households;
  const S = st.sites;
  const { emp, tenureFrom, skill, training, female, next, key } = P;
  const { residence, landStatus, land, farmReach, first, care } = H;
  const lab = p.labour;
  const lv = c.levers;
  const open = c.step >= S.openStep[s]!;
  const urban = S.urban[s] === 1;
  const wage = (urban ? c.urbanWage : c.ruralWage) * S.wageFactor[s]!;
  const es = lv.entrepreneurshipSupport;
  const rentShareSupported = es.rentShareSupported;
  const supportMonths = es.supportMonths;
  const carerIntensity = 1 - lab.carerSearchPenalty * lv.ecologicalLivability.carerPenaltyShare;
  const matchWeightTrained = lv.vocationalTraining.matchWeight;
  const shock = p.environment.demandShock;
  const h0 = S.hhStart[s]!;
  const h1 = S.hhEnd[s]!;
  const list = searcherList(S.pEnd[s]! - S.pStart[s]!);
  const weights = searcherWeights;
  const skillRef = 0.5 + p.population.skillMean;
  const trainee = lab.trainingSearchIntensity;
  const priority = lab.detectedPriority;
  // The labour market's clock from this phase on (kernel/state.ts tenureOf): this month is counted.
  const months = c.step + 1;

  // Pass 1: transitions out of employment; count filled local posts; list and weigh searchers.
  let filled = 0;
  let searchWeight = 0;
  let searchers = 0;
  let listed = 0;
  for (let h = h0; h < h1; h++) {
    const resident = residence[h] === Residence.Resident && open;
    const landKept = landStatus[h] === Land.Kept && land[h]! > 0;
    const canFarm = resident ? landKept && farmReach[h] === 1 : landKept;
    for (let q = first[h]!; q >= 0; q = next[q]!) {
      const e = emp[q]!;
      if (e === Emp.NotInLabourForce) continue;
      const t = tenureOf(tenureFrom[q]!, months);
      switch (e) {
        case Emp.Local:
          if (labour.draw(key[q]!) < c.separation) toState(P, q, Emp.Unemployed, months);
          else if (resident) filled++;
          break;
        case Emp.Migrant:
          if (labour.draw(key[q]!) < c.migrantReturn) toState(P, q, !resident && canFarm ? Emp.Farming : Emp.Unemployed, months);
          break;
        case Emp.SelfEmployed: {
          const rentShare = resident && t <= supportMonths ? rentShareSupported : 1;
          const hazard = t <= 36 ? c.businessFailEarly * (rentShare + 0.5) / 1.5 : c.businessFailLate;
          if (labour.draw(key[q]!) < hazard) toState(P, q, Emp.Unemployed, months);
          break;
        }
        case Emp.Farming:
          if (!canFarm) toState(P, q, Emp.Unemployed, months);
          else if (resident && labour.draw(key[q]!) < c.farmingExit) toState(P, q, Emp.Unemployed, months);
          break;
        case Emp.Unemployed:
          // Searching from the second month out of work; residents compete for local posts.
          if (t > 1) {
            const w = resident ? weight(P, H, q, h, carerIntensity, matchWeightTrained, trainee, priority) / skillRef : 0;
            weights[listed] = w;
            list[listed++] = q;
            if (resident) {
              searchWeight += w;
              searchers++;
            }
          }
          break;
      }
    }
  }

  // Matching function for the site's vacancies.
  const jobs = open ? localJobs(p, st, s) : 0;
  const layoff = filled > jobs && filled > 0 ? (filled - jobs) / filled : 0;
  const vacancies = Math.max(0, jobs - filled);
  const efficiency = lab.matchingEfficiency * lv.employmentPromotion.matchingFactor;
  const alpha = lab.matchingElasticity;
  // Effective searchers Σw, not their head count, enter the matching function.
  const matches = searchWeight > 0 && vacancies > 0
    ? Math.min(vacancies, searchers, efficiency * Math.pow(searchWeight, alpha) * Math.pow(vacancies, 1 - alpha))
    : 0;
  const perWeight = searchWeight > 0 ? matches / searchWeight : 0;

  const startBase = monthly(lab.startupRate) * (open ? es.startupFactor : 1);
  const ownCapital = p.income.startupCapital * c.priceIndex * (open ? es.capitalShare : 1);
  const findMigrant = p.environment.migrantFindRate * (1 - shock);
  const originAccess = lab.originMigrantAccess;
  // Skill scales the migrant and the local wage alike, so the wage gap is the site's.
  const wageGap = lab.migrateIntercept + lab.migrateWageGap * Math.log(c.migrantWage / wage);

  // Layoffs when local jobs shrank below the filled posts: each local worker at the layoff share,
  // by their own draw.
  if (layoff > 0) {
    for (let h = h0; h < h1; h++) {
      if (residence[h] !== Residence.Resident) continue;
      for (let q = first[h]!; q >= 0; q = next[q]!) if (emp[q] === Emp.Local && layoffs.draw(key[q]!) < layoff) toState(P, q, Emp.Unemployed, months);
    }
  }

  // Pass 2: each searcher's one draw among competing outcomes.
  for (let i = 0; i < listed; i++) {
    const q = list[i]!;
    const h = P.household[q]!;
    const resident = residence[h] === Residence.Resident && open;
    const landKept = landStatus[h] === Land.Kept && land[h]! > 0;
    const canFarm = resident ? landKept && farmReach[h] === 1 : landKept;
    const integration = resident ? (H.intEcon[h]! + H.intSocial[h]! + H.intPsych[h]!) / 3 : 0;
    const carer = care[h] === 1 && female[q] === 1;
    const intensity = training[q]! > 0 ? trainee : 1;
    const pStart = H.savings[h]! >= ownCapital ? startBase * (0.5 + skill[q]!) * intensity : 0;
    const want = logistic(wageGap - (carer ? lab.migrateCarePenalty : 0) - lab.migrateIntegrationPull * integration);
    const pMigrant = want * findMigrant * intensity * (resident ? 1 : originAccess);
    const pLocal = resident && vacancies > 0 ? Math.min(1, perWeight * weights[i]!) : 0;
    const pFarm = canFarm ? (resident ? 0.02 : 0.3) : 0;
    let u = search.draw(key[q]!);
    const total = pStart + pMigrant + pLocal + pFarm;
    if (total > 1) u *= total;
    if (u < pStart) {
      toState(P, q, Emp.SelfEmployed, months);
      H.savings[h] = H.savings[h]! - ownCapital;
    }
    else if ((u -= pStart) < pMigrant) toState(P, q, Emp.Migrant, months);
    else if ((u -= pMigrant) < pLocal) toState(P, q, Emp.Local, months);
    else if (u - pLocal < pFarm) toState(P, q, Emp.Farming, months);
  }
}

/**
 * Scratch list of a site's searchers, reused across sites and steps (one per thread); it grows
 * only when a larger site than any before is met, so the step loop does not allocate.
 */
let scratch = new Int32Array(1024);
/** Each listed searcher's matching weight (pass 1 computes it, pass 2 reuses it). */
let searcherWeights = new Float64Array(1024);
function searcherList(capacity: number): Int32Array {
  if (scratch.length < capacity) {
    scratch = new Int32Array(Math.max(capacity, scratch.length * 2));
    searcherWeights = new Float64Array(scratch.length);
  }
  return scratch;
}

function weight(P: State["persons"], H: State["households"], q: number, h: number, carerIntensity: number, matchWeightTrained: number, trainee: number, priority: number): number {
  let w = 0.5 + P.skill[q]!;
  if (H.care[h] === 1 && P.female[q] === 1) w *= carerIntensity;
  if (P.training[q]! > 0) w *= trainee;
  if (P.matched[q] === 1) w *= matchWeightTrained;
  if (H.detected[h] === 1) w *= priority;
  return w;
}

/** Person q enters state e now (`months`: the labour market's clock, kernel/state.ts tenureOf). */
function toState(P: State["persons"], q: number, e: number, months: number): void {
  P.emp[q] = e;
  P.tenureFrom[q] = months;
}

/**
 * Monthly earnings rates at one site for workers living at the site (`resident`) or at
 * origin: the single definition income() and earnings() use. Residents earn the site's wages
 * (urban or rural, times the site's wage factor; businesses at the site's rent); everyone else
 * the rural rates. Filled in place so the step loop allocates nothing.
 */
export interface EarningRates {
  /** Local wage per unit of skill factor. */
  local: number;
  /** Migrant wage as remitted, per unit of skill factor. */
  migrant: number;
  /** Business revenue net of costs other than rent, per unit of skill factor. */
  profit: number;
  /** Premises rent, and the share of it paid while supported (4.1(2)). */
  rent: number;
  rentSupported: number;
  supportMonths: number;
  /** Only residents of an open site get the rent support. */
  resident: boolean;
  farming: number;
}

export function newEarningRates(): EarningRates {
  return { local: 0, migrant: 0, profit: 0, rent: 0, rentSupported: 1, supportMonths: 0, resident: false, farming: 0 };
}

export function setEarningRates(out: EarningRates, p: Params, c: StepContext, st: State, s: number, resident: boolean): EarningRates {
  const urban = st.sites.urban[s] === 1 && resident;
  const es = c.levers.entrepreneurshipSupport;
  const wage = urban ? c.urbanWage : c.ruralWage;
  out.local = wage * (resident ? st.sites.wageFactor[s]! : 1);
  out.migrant = c.migrantWage * p.environment.remittanceShare;
  out.profit = wage * p.labour.businessProfitFactor;
  out.rent = (urban ? p.labour.urbanRent : p.labour.ruralRent) * c.priceIndex;
  out.rentSupported = es.rentShareSupported;
  out.supportMonths = es.supportMonths;
  out.resident = resident;
  out.farming = p.labour.farmingIncome * c.priceIndex;
  return out;
}

/** Monthly earnings in employment state e with the given skill and months in that state. */
export function earningsAt(rates: EarningRates, e: number, skill: number, tenure: number): number {
  switch (e) {
    case Emp.Local: return rates.local * skillFactor(skill);
    case Emp.Migrant: return rates.migrant * skillFactor(skill);
    case Emp.SelfEmployed: return rates.profit * skillFactor(skill) - rates.rent * (rates.resident && tenure <= rates.supportMonths ? rates.rentSupported : 1);
    case Emp.Farming: return rates.farming;
    default: return 0;
  }
}

/** Monthly earnings of person q (migrants as remitted), living at the site or not, as income() counts them in step c. */
export function earnings(p: Params, c: StepContext, st: State, s: number, q: number, resident: boolean): number {
  const rates = setEarningRates(newEarningRates(), p, c, st, s, resident);
  return earningsAt(rates, st.persons.emp[q]!, st.persons.skill[q]!, tenureOf(st.persons.tenureFrom[q]!, c.step + 1));
}
