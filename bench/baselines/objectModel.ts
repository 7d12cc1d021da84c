import type { Params } from "../../packages/core/src/params/types.ts";
import { tenureOf, type State } from "../../packages/core/src/kernel/state.ts";
import type { StepContext } from "../../packages/core/src/model/context.ts";
import { localJobs } from "../../packages/core/src/model/siteEconomy.ts";
import { rightsSecurity } from "../../packages/core/src/model/integration.ts";
import { logistic, monthly, stream, type Random } from "../../packages/core/src/kernel/random.ts";
import { coreContext, type CoreOutcomes, type CoreSetup } from "./coreSetup.ts";

/**
 * Baseline (a): the core monthly loop (labour market, income, integration) written the way a
 * user of an object-oriented ABM framework (Mesa, MASON, Repast) writes it. One object per
 * person, household and site; a staged scheduler that shuffles its agent list each step and
 * calls each stage's method on every agent; a data collector whose reporters iterate the
 * agents. The rules are those of packages/core/src/model/{labourMarket,income,integration}.ts;
 * draws come from one seeded model stream (like Mesa's `model.random`), so the draw order
 * differs from the engine's per-site streams but the distribution of outcomes does not.
 */

const NOT_IN_LABOUR_FORCE = 0, UNEMPLOYED = 1, LOCAL = 2, MIGRANT = 3, SELF_EMPLOYED = 4, FARMING = 5;
const PENDING = 0, TRANSITIONAL = 1, RESIDENT = 2;
const LAND_KEPT = 0;
const REG_DESTINATION = 1, REG_DUAL = 2;

/** Every agent answers every stage (a no-op where the stage is not its business), as Mesa's StagedActivation expects. */
abstract class Agent {
  constructor(readonly model: ObjectModel) {}
  beginMonth(): void {}
  separate(): void {}
  match(): void {}
  search(): void {}
  earn(): void {}
  integrate(): void {}
}
type Stage = "beginMonth" | "separate" | "match" | "search" | "earn" | "integrate";

class Site extends Agent {
  readonly households: Household[] = [];
  filled = 0;
  searchers = 0;
  searchWeight = 0;
  layoff = 0;
  vacancies = 0;
  perWeight = 0;

  constructor(
    model: ObjectModel,
    readonly urban: boolean,
    readonly openStep: number,
    readonly wageFactor: number,
    readonly jobs: number,
    readonly dividend: number,
    readonly activity: number,
    readonly serviceQuality: number,
    readonly safety: number,
    readonly housingCondition: number,
  ) {
    super(model);
  }

  get open(): boolean {
    return this.model.ctx.step >= this.openStep;
  }

  /** The local wage level at this site this month. */
  get wage(): number {
    const c = this.model.ctx;
    return (this.urban ? c.urbanWage : c.ruralWage) * this.wageFactor;
  }

  override beginMonth(): void {
    this.filled = 0;
    this.searchers = 0;
    this.searchWeight = 0;
  }

  /** Matching function for the site's vacancies: M = A·U^α·V^(1−α), capped at V. */
  override match(): void {
    const p = this.model.params;
    const jobs = this.open ? this.jobs : 0;
    this.layoff = this.filled > jobs && this.filled > 0 ? (this.filled - jobs) / this.filled : 0;
    this.vacancies = Math.max(0, jobs - this.filled);
    const promo = p.policies.employmentPromotion;
    const efficiency = p.labour.matchingEfficiency * (promo.enabled ? 1 + promo.matchingEfficiencyGain : 1);
    const alpha = p.labour.matchingElasticity;
    // Effective searchers Σw (weights relative to a searcher of mean skill) enter M.
    const effective = this.searchWeight / (0.5 + p.population.skillMean);
    const matches = this.searchers > 0 && this.vacancies > 0 ? Math.min(this.vacancies, this.searchers, efficiency * Math.pow(effective, alpha) * Math.pow(this.vacancies, 1 - alpha)) : 0;
    this.perWeight = this.searchWeight > 0 ? matches / this.searchWeight : 0;
  }
}

class Household extends Agent {
  readonly members: Person[] = [];
  neighbours: Household[] = [];
  incomeRing: number[] = [];
  income12 = 0;
  incWage = 0;
  incBusiness = 0;
  incAgriculture = 0;
  incTransfer = 0;
  incDividend = 0;

  constructor(
    model: ObjectModel,
    readonly site: Site,
    public residence: number,
    readonly landStatus: number,
    readonly land: number,
    readonly farmReach: boolean,
    readonly registration: number,
    readonly care: boolean,
    readonly detected: boolean,
    readonly assistance: number,
    readonly area: number,
    readonly moveStep: number,
    public savings: number,
    public tiesOrigin: number,
    public tiesSite: number,
    public intEcon: number,
    public intSocial: number,
    public intPsych: number,
  ) {
    super(model);
  }

  get size(): number {
    return this.members.length;
  }
  get resident(): boolean {
    return this.residence === RESIDENT && this.site.open;
  }
  get canFarm(): boolean {
    const landKept = this.landStatus === LAND_KEPT && this.land > 0;
    return this.resident ? landKept && this.farmReach : landKept;
  }
  get integration(): number {
    return this.resident ? (this.intEcon + this.intSocial + this.intPsych) / 3 : 0;
  }
  /** Crowding: the share of the needed area the home lacks (see model/demography.ts). */
  get crowding(): number {
    if (this.residence === PENDING) return 0;
    const need = this.size * this.model.params.population.areaPerPerson;
    return need > this.area ? 1 - this.area / need : 0;
  }

  /** Income by source and spending (model/income.ts). */
  override earn(): void {
    const { params: p, ctx: c } = this.model;
    const pol = p.policies;
    const site = this.site;
    const open = site.open;
    const resident = this.resident;
    const holdsHome = open && (this.residence === TRANSITIONAL || this.residence === RESIDENT);
    let wage = 0, business = 0, agriculture = 0, transfer = 0, dividend = 0;
    let farmers = 0, dependants = 0, elders = 0;
    for (const person of this.members) {
      if (person.age >= 60) elders++;
      if (person.age < 16 || person.age > 80) dependants++;
      if (person.emp === NOT_IN_LABOUR_FORCE || person.emp === UNEMPLOYED) continue;
      const x = person.earnings(resident);
      if (person.emp === LOCAL || person.emp === MIGRANT) wage += x;
      else if (person.emp === SELF_EMPLOYED) business += x;
      else {
        agriculture += x;
        farmers++;
      }
    }
    const size = this.size;
    if (this.landStatus === LAND_KEPT && farmers === 0 && this.residence !== PENDING) agriculture += (pol.landRights.rentYuanPerMuYear / 12) * c.priceIndex * this.land;
    transfer += elders * p.income.pensionPerElder * c.priceIndex;
    if (holdsHome && (this.registration === REG_DESTINATION || this.registration === REG_DUAL)) transfer += pol.dualRegistration.socialSecurityYuanPerPersonMonth * c.priceIndex * size;
    transfer += this.assistance;
    if (c.step === site.openStep && pol.transitionPeriod.enabled) transfer += pol.transitionPeriod.compensationPerHousehold;
    if (holdsHome) dividend += site.dividend;
    if (this.residence !== PENDING) dividend += (pol.landRights.enabled ? (pol.landRights.collectiveDistributionPerPersonYear / 12) * c.priceIndex : 0) * size;

    const total = wage + business + agriculture + transfer + dividend;
    this.incWage = wage;
    this.incBusiness = business;
    this.incAgriculture = agriculture;
    this.incTransfer = transfer;
    this.incDividend = dividend;
    const slot = ((c.step % 12) + 12) % 12;
    this.income12 += total - this.incomeRing[slot]!;
    this.incomeRing[slot] = total;

    const urban = site.urban;
    let spending = size * (resident && urban ? p.income.urbanSpendingPerPerson : p.income.ruralSpendingPerPerson) * c.priceIndex;
    if (resident && pol.ecologicalLivability.enabled) spending -= dependants * pol.ecologicalLivability.carerSpendingRelief * c.priceIndex;
    if (resident && urban) spending += this.area * p.income.propertyFeePerM2Month;
    if (holdsHome && pol.maintenanceFund.enabled) spending += (this.area * pol.maintenanceFund.residentYuanPerM2Year) / 12;
    this.savings += total - Math.max(0, spending);
  }

  /** Partial adjustment of the three integration dimensions toward their targets (model/integration.ts). */
  override integrate(): void {
    const { params: p, ctx: c } = this.model;
    const site = this.site;
    if (c.step < site.openStep || this.residence !== RESIDENT) return;
    const ig = p.integration;
    const pol = p.policies;
    let lf = 0, employed = 0, localWork = 0, farming = 0;
    for (const person of this.members) {
      if (person.emp === NOT_IN_LABOUR_FORCE) continue;
      lf++;
      if (person.emp !== UNEMPLOYED) employed++;
      if (person.emp === LOCAL || person.emp === SELF_EMPLOYED) localWork++;
      if (person.emp === FARMING) farming++;
    }
    const pc = this.income12 / Math.max(1, this.size);
    const work = lf > 0 ? employed / lf : 0.5;
    const econTarget = clamp01(ig.econBase + ig.econWorkWeight * work + ig.econIncomeWeight * Math.min(1, pc / (2 * c.povertyLine)));

    this.tiesSite += ig.tieFormationRate * (ig.tieActivityWeight * site.activity + (1 - ig.tieActivityWeight) * (lf > 0 ? localWork / lf : 0)) * (1 - this.tiesSite);
    this.tiesOrigin *= farming > 0 || this.landStatus === LAND_KEPT ? Math.pow(1 - ig.originTieDecayConnected, 1 / 12) : Math.pow(1 - ig.originTieDecay, 1 / 12);
    let peer = 0, n = 0;
    for (const other of this.neighbours) {
      if (other.residence === RESIDENT) {
        peer += other.intSocial;
        n++;
      }
    }
    const own = clamp01(ig.socialActivityWeight * site.activity + ig.socialServiceWeight * site.serviceQuality + ig.socialTiesWeight * this.tiesSite);
    const socialTarget = n > 0 ? (1 - ig.peerWeight) * own + ig.peerWeight * (peer / n) : own;

    const years = (c.step - this.moveStep) / 12;
    const rights = rightsSecurity(this.registration, this.landStatus === LAND_KEPT);
    const psychTarget = clamp01(
      ig.psychBase + ig.safetyWeight * site.safety + ig.rightsWeight * rights + ig.siteTiesWeight * this.tiesSite +
        ig.housingConditionWeight * (site.housingCondition - 0.5) - ig.crowdingPenalty * this.crowding -
        ig.originPull * this.tiesOrigin + ig.settlingGain * Math.min(1, years / ig.settlingYears) + ig.psychServiceWeight * site.serviceQuality,
    );
    const rate = ig.adjustmentRate;
    this.intEcon += rate * (econTarget - this.intEcon);
    this.intSocial += rate * (socialTarget - this.intSocial);
    this.intPsych += rate * (psychTarget - this.intPsych);
  }
}

class Person extends Agent {
  constructor(
    model: ObjectModel,
    readonly household: Household,
    readonly age: number,
    readonly female: boolean,
    readonly skill: number,
    readonly training: number,
    readonly matched: boolean,
    public emp: number,
    public tenure: number,
  ) {
    super(model);
  }

  get carer(): boolean {
    return this.household.care && this.female;
  }

  private become(emp: number): void {
    this.emp = emp;
    this.tenure = 0;
  }

  /** Weight in the sharing of local matches: skill, search intensity, training match, priority. */
  weight(): number {
    const pol = this.model.params.policies;
    let w = 0.5 + this.skill;
    if (this.carer) w *= 1 - this.model.params.labour.carerSearchPenalty * (pol.ecologicalLivability.enabled ? 1 - pol.ecologicalLivability.carerParticipationGain : 1);
    if (this.training > 0) w *= 0.5;
    if (this.matched) w *= pol.vocationalTraining.mode === "needsBased" ? pol.vocationalTraining.needsBasedMatchWeight : 1;
    if (this.household.detected) w *= 2;
    return w;
  }

  /** Pass 1 of the labour market: transitions out of employment; searchers register with the site. */
  override separate(): void {
    if (this.emp === NOT_IN_LABOUR_FORCE) return;
    const { params: p, ctx: c } = this.model;
    const random = this.model.random;
    const hh = this.household;
    const resident = hh.resident;
    if (this.tenure < 32767) this.tenure++;
    switch (this.emp) {
      case LOCAL:
        if (random() < c.separation) this.become(UNEMPLOYED);
        else if (resident) hh.site.filled++;
        break;
      case MIGRANT:
        if (random() < c.migrantReturn) this.become(!resident && hh.canFarm ? FARMING : UNEMPLOYED);
        break;
      case SELF_EMPLOYED: {
        const es = p.policies.entrepreneurshipSupport;
        const supported = es.enabled && resident && this.tenure <= es.supportMonths;
        const rentShare = supported ? 1 - es.rentReduction : 1;
        const hazard = this.tenure <= 36 ? (c.businessFailEarly * (rentShare + 0.5)) / 1.5 : c.businessFailLate;
        if (random() < hazard) this.become(UNEMPLOYED);
        break;
      }
      case FARMING:
        if (!hh.canFarm) this.become(UNEMPLOYED);
        else if (resident && random() < c.farmingExit) this.become(UNEMPLOYED);
        break;
      case UNEMPLOYED:
        if (resident && this.tenure > 1) {
          hh.site.searchWeight += this.weight();
          hh.site.searchers++;
        }
        break;
    }
  }

  /** Pass 2: layoffs, then one draw among competing outcomes for each searcher. */
  override search(): void {
    const hh = this.household;
    const site = hh.site;
    const resident = hh.resident;
    const random = this.model.random;
    if (this.emp === LOCAL && resident && site.layoff > 0) {
      if (random() < site.layoff) this.become(UNEMPLOYED);
      return;
    }
    if (this.emp !== UNEMPLOYED || this.tenure <= 1) return;
    const { params: p, ctx: c } = this.model;
    const lab = p.labour;
    const es = p.policies.entrepreneurshipSupport;
    const intensity = this.training > 0 ? 0.5 : 1;
    const pStart = monthly(lab.startupRate) * (es.enabled && site.open ? 1 + es.startupKnowledgeBoost : 1) * (0.5 + this.skill) * intensity;
    const sf = skillFactor(this.skill);
    const want = logistic(lab.migrateIntercept + lab.migrateWageGap * Math.log((c.migrantWage * sf) / (site.wage * sf)) - (this.carer ? lab.migrateCarePenalty : 0) - lab.migrateIntegrationPull * hh.integration);
    const pMigrant = want * p.environment.migrantFindRate * (1 - p.environment.demandShock) * intensity;
    const pLocal = resident && site.vacancies > 0 ? Math.min(1, site.perWeight * this.weight()) : 0;
    const pFarm = hh.canFarm ? (resident ? 0.02 : 0.3) : 0;
    let u = random();
    const total = pStart + pMigrant + pLocal + pFarm;
    if (total > 1) u *= total;
    if (u < pStart) this.become(SELF_EMPLOYED);
    else if ((u -= pStart) < pMigrant) this.become(MIGRANT);
    else if ((u -= pMigrant) < pLocal) this.become(LOCAL);
    else if (u - pLocal < pFarm) this.become(FARMING);
  }

  /** Monthly earnings in the current employment (before remittance for migrants). */
  earnings(resident: boolean): number {
    const { params: p, ctx: c } = this.model;
    const site = this.household.site;
    const sf = skillFactor(this.skill);
    const townWage = resident && site.urban ? c.urbanWage : c.ruralWage;
    switch (this.emp) {
      case LOCAL:
        return townWage * (resident ? site.wageFactor : 1) * sf;
      case MIGRANT:
        return c.migrantWage * sf * p.environment.remittanceShare;
      case SELF_EMPLOYED: {
        const es = p.policies.entrepreneurshipSupport;
        const rent = resident && site.urban ? p.labour.urbanRent : p.labour.ruralRent;
        const supported = es.enabled && resident && this.tenure <= es.supportMonths;
        return townWage * p.labour.businessProfitFactor * sf - rent * c.priceIndex * (supported ? 1 - es.rentReduction : 1);
      }
      case FARMING:
        return p.labour.farmingIncome * c.priceIndex;
      default:
        return 0;
    }
  }
}

function skillFactor(skill: number): number {
  return 0.7 + 0.6 * skill;
}
function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Mesa's StagedActivation: shuffle the agents once per step, then run each stage over all of them. */
class StagedActivation {
  readonly agents: Agent[] = [];
  constructor(private readonly random: Random, private readonly stages: readonly Stage[]) {}
  add(agent: Agent): void {
    this.agents.push(agent);
  }
  step(): void {
    const a = this.agents;
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    for (const stage of this.stages) for (const agent of a) agent[stage]();
  }
}

/** Mesa's DataCollector: model reporters, each a function of the model, run after every step. */
class DataCollector {
  readonly series: Record<string, number[]> = {};
  constructor(private readonly reporters: Record<string, (m: ObjectModel) => number>) {
    for (const k of Object.keys(reporters)) this.series[k] = [];
  }
  collect(model: ObjectModel): void {
    for (const [k, f] of Object.entries(this.reporters)) this.series[k]!.push(f(model));
  }
}

export class ObjectModel {
  readonly params: Params;
  readonly random: Random;
  readonly schedule: StagedActivation;
  readonly datacollector: DataCollector;
  ctx: StepContext;
  private k = 0;

  constructor(private readonly setup: CoreSetup, seed: number) {
    this.params = setup.params;
    this.random = stream(seed, "object-model", "model");
    this.schedule = new StagedActivation(this.random, ["beginMonth", "separate", "match", "search", "earn", "integrate"]);
    this.ctx = coreContext(setup, 0);
    this.datacollector = new DataCollector({
      employment_rate: (m) => {
        let lf = 0, employed = 0;
        for (const a of m.schedule.agents) {
          if (!(a instanceof Person) || a.emp === NOT_IN_LABOUR_FORCE) continue;
          lf++;
          if (a.emp !== UNEMPLOYED) employed++;
        }
        return employed / lf;
      },
      per_capita_income: (m) => {
        let income = 0, persons = 0;
        for (const a of m.schedule.agents) {
          if (!(a instanceof Household)) continue;
          income += a.income12;
          persons += a.size;
        }
        return income / persons;
      },
      integration_index: (m) => {
        let sum = 0, residents = 0;
        for (const a of m.schedule.agents) {
          if (!(a instanceof Household) || a.residence !== RESIDENT) continue;
          sum += a.intEcon + a.intSocial + a.intPsych;
          residents++;
        }
        return sum / (3 * residents);
      },
    });
    copyState(this, setup.sim.state, setup.params, setup.firstStep);
  }

  step(): void {
    this.ctx = coreContext(this.setup, this.k++);
    this.schedule.step();
    this.datacollector.collect(this);
  }

  get outcomes(): CoreOutcomes {
    const s = this.datacollector.series;
    return { employment_rate: s.employment_rate!.at(-1)!, per_capita_income: s.per_capita_income!.at(-1)!, integration_index: s.integration_index!.at(-1)! };
  }
}

/** Copy the engine's state into objects (setup, not timed). */
/** `months`: the engine's labour-market clock at the first core-loop month (tenure, kernel/state.ts tenureOf). */
function copyState(model: ObjectModel, st: State, p: Params, months: number): void {
  const S = st.sites;
  const H = st.households;
  const P = st.persons;
  const households: Household[] = new Array(H.count);
  for (let s = 0; s < S.count; s++) {
    const site = new Site(model, S.urban[s] === 1, S.openStep[s]!, S.wageFactor[s]!, localJobs(p, st, s), S.dividend[s]!, S.activity[s]!, S.serviceQuality[s]!, S.safety[s]!, S.housingCondition[s]!);
    model.schedule.add(site);
    for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
      const hh = new Household(
        model, site, H.residence[h]!, H.landStatus[h]!, H.land[h]!, H.farmReach[h] === 1, H.registration[h]!, H.care[h] === 1, H.detected[h] === 1,
        H.assistance[h]!, H.area[h]!, H.moveStep[h]!, H.savings[h]!, H.tiesOrigin[h]!, H.tiesSite[h]!, H.intEcon[h]!, H.intSocial[h]!, H.intPsych[h]!,
      );
      hh.incomeRing = Array.from(H.incomeRing.subarray(h * 12, h * 12 + 12));
      hh.income12 = H.income12[h]!;
      households[h] = hh;
      site.households.push(hh);
      model.schedule.add(hh);
      // Members in the engine's list order.
      for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
        const person = new Person(model, hh, P.age[q]!, P.female[q] === 1, P.skill[q]!, P.training[q]!, P.matched[q] === 1, P.emp[q]!, tenureOf(P.tenureFrom[q]!, months));
        hh.members.push(person);
        model.schedule.add(person);
      }
    }
  }
  const deg = H.degree;
  for (let h = 0; h < H.count; h++) {
    const list: Household[] = [];
    for (let k = 0; k < deg; k++) {
      const o = H.neighbours[h * deg + k]!;
      if (o >= 0) list.push(households[o]!);
    }
    households[h]!.neighbours = list;
  }
}
