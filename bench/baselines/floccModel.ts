import * as flocc from "flocc";
import { Agent, Environment, utils } from "flocc";
import type { Params } from "../../packages/core/src/params/types.ts";
import { tenureOf, type State } from "../../packages/core/src/kernel/state.ts";
import type { StepContext } from "../../packages/core/src/model/context.ts";
import { localJobs } from "../../packages/core/src/model/siteEconomy.ts";
import { rightsSecurity } from "../../packages/core/src/model/integration.ts";
import { logistic, monthly, stream, type Random } from "../../packages/core/src/kernel/random.ts";
import { coreContext, type CoreOutcomes, type CoreSetup } from "./coreSetup.ts";

/**
 * Baseline (b): the same core monthly loop in flocc 0.7.0, written as its documentation
 * shows. Sites, households and persons are flocc `Agent`s holding their data behind
 * `get`/`set`; behaviour is the agent's `tick` function, with `queue` for the pass that must
 * follow everyone's tick (flocc's "cleanup pass"); derived values (is the household resident,
 * can it farm, the site's matching rate) are flocc data functions. Each month the driver sets
 * the phase and calls `environment.tick({ randomizeOrder: true })` twice: labour market
 * (persons: separations in `tick`, search in `queue`), then households (income, integration).
 * A flocc `Recorder` collects the outcomes every second tick.
 *
 * Two departures from flocc's examples, both for scale or fairness: model draws come from a
 * seeded seedrandom stream (the engine's `stream()`; flocc's own `utils.seed` also seeds its
 * activation shuffles and agent ids), and the within-site neighbour network is an array of
 * agents in each household's data rather than flocc's `Network` helper, whose n × n adjacency
 * matrix (rebuilt on every `addAgent`) cannot hold 500,000 households.
 */

const NOT_IN_LABOUR_FORCE = 0, UNEMPLOYED = 1, LOCAL = 2, MIGRANT = 3, SELF_EMPLOYED = 4, FARMING = 5;
const PENDING = 0, TRANSITIONAL = 1, RESIDENT = 2;
const LAND_KEPT = 0;
const REG_DESTINATION = 1, REG_DUAL = 2;

/** flocc 0.7.0 ships Recorder in its bundle but not in its top-level typings (dist/main.d.ts). */
interface FloccRecorder {
  getModelData(): Record<string, unknown[]>;
}
const { Recorder } = flocc as unknown as {
  Recorder: new (env: Environment, options: { model: Record<string, (env: Environment) => number>; interval: number | "tick" | "manual" }) => FloccRecorder;
};

interface Match {
  time: number;
  layoff: number;
  vacancies: number;
  perWeight: number;
}

function skillFactor(skill: number): number {
  return 0.7 + 0.6 * skill;
}
function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** The agents' behaviour, closed over the model's parameters and its random stream. */
function behaviour(p: Params, random: Random) {
  const lab = p.labour;
  const pol = p.policies;
  const es = pol.entrepreneurshipSupport;
  const ig = p.integration;
  const carerIntensity = 1 - lab.carerSearchPenalty * (pol.ecologicalLivability.enabled ? 1 - pol.ecologicalLivability.carerParticipationGain : 1);
  const matchWeightTrained = pol.vocationalTraining.mode === "needsBased" ? pol.vocationalTraining.needsBasedMatchWeight : 1;

  const ctxOf = (a: Agent): StepContext => a.environment.get("ctx") as StepContext;
  const become = (person: Agent, emp: number) => person.set({ emp, tenure: 0 });

  const weight = (person: Agent): number => {
    const hh = person.get("household") as Agent;
    let w = 0.5 + (person.get("skill") as number);
    if (hh.get("care") && person.get("female")) w *= carerIntensity;
    if ((person.get("training") as number) > 0) w *= 0.5;
    if (person.get("matched")) w *= matchWeightTrained;
    if (hh.get("detected")) w *= 2;
    return w;
  };

  /** Site data function: matching for this month, computed at first use after all separations. */
  const siteMatch = (site: Agent): Match => {
    const time = site.environment.time;
    const cached = site.get("matchCache") as Match | null;
    if (cached && cached.time === time) return cached;
    const filled = site.get("filled") as number;
    const searchers = site.get("searchers") as number;
    const searchWeight = site.get("searchWeight") as number;
    const jobs = site.get("open") ? (site.get("jobs") as number) : 0;
    const layoff = filled > jobs && filled > 0 ? (filled - jobs) / filled : 0;
    const vacancies = Math.max(0, jobs - filled);
    const efficiency = lab.matchingEfficiency * (pol.employmentPromotion.enabled ? 1 + pol.employmentPromotion.matchingEfficiencyGain : 1);
    const alpha = lab.matchingElasticity;
    // Effective searchers Σw (weights relative to a searcher of mean skill) enter M.
    const effective = searchWeight / (0.5 + p.population.skillMean);
    const matches = searchers > 0 && vacancies > 0 ? Math.min(vacancies, searchers, efficiency * Math.pow(effective, alpha) * Math.pow(vacancies, 1 - alpha)) : 0;
    const match = { time, layoff, vacancies, perWeight: searchWeight > 0 ? matches / searchWeight : 0 };
    site.set("matchCache", match);
    return match;
  };

  /** Person, labour phase: transitions out of employment; searchers register with the site. */
  const separate = (person: Agent): void => {
    if (person.environment.get("phase") !== "labour") return;
    const emp = person.get("emp") as number;
    if (emp === NOT_IN_LABOUR_FORCE) return;
    const c = ctxOf(person);
    const hh = person.get("household") as Agent;
    const site = hh.get("site") as Agent;
    const resident = hh.get("resident") as boolean;
    if ((person.get("tenure") as number) < 32767) person.increment("tenure");
    const tenure = person.get("tenure") as number;
    switch (emp) {
      case LOCAL:
        if (random() < c.separation) become(person, UNEMPLOYED);
        else if (resident) site.increment("filled");
        break;
      case MIGRANT:
        if (random() < c.migrantReturn) become(person, !resident && hh.get("canFarm") ? FARMING : UNEMPLOYED);
        break;
      case SELF_EMPLOYED: {
        const supported = es.enabled && resident && tenure <= es.supportMonths;
        const rentShare = supported ? 1 - es.rentReduction : 1;
        const hazard = tenure <= 36 ? (c.businessFailEarly * (rentShare + 0.5)) / 1.5 : c.businessFailLate;
        if (random() < hazard) become(person, UNEMPLOYED);
        break;
      }
      case FARMING:
        if (!hh.get("canFarm")) become(person, UNEMPLOYED);
        else if (resident && random() < c.farmingExit) become(person, UNEMPLOYED);
        break;
      case UNEMPLOYED:
        if (resident && tenure > 1) {
          site.increment("searchWeight", weight(person));
          site.increment("searchers");
        }
        break;
    }
    person.set("queue", search);
  };

  /** Person, after every agent's tick: layoffs, then one draw among competing outcomes. */
  const search = (person: Agent): void => {
    const hh = person.get("household") as Agent;
    const site = hh.get("site") as Agent;
    const resident = hh.get("resident") as boolean;
    const emp = person.get("emp") as number;
    const match = site.get("match") as Match;
    if (emp === LOCAL && resident && match.layoff > 0) {
      if (random() < match.layoff) become(person, UNEMPLOYED);
      return;
    }
    if (emp !== UNEMPLOYED || (person.get("tenure") as number) <= 1) return;
    const c = ctxOf(person);
    const skill = person.get("skill") as number;
    const carer = hh.get("care") && person.get("female");
    const intensity = (person.get("training") as number) > 0 ? 0.5 : 1;
    const pStart = monthly(lab.startupRate) * (es.enabled && site.get("open") ? 1 + es.startupKnowledgeBoost : 1) * (0.5 + skill) * intensity;
    const wage = (site.get("urban") ? c.urbanWage : c.ruralWage) * (site.get("wageFactor") as number);
    const sf = skillFactor(skill);
    const want = logistic(lab.migrateIntercept + lab.migrateWageGap * Math.log((c.migrantWage * sf) / (wage * sf)) - (carer ? lab.migrateCarePenalty : 0) - lab.migrateIntegrationPull * (hh.get("integration") as number));
    const pMigrant = want * p.environment.migrantFindRate * (1 - p.environment.demandShock) * intensity;
    const pLocal = resident && match.vacancies > 0 ? Math.min(1, match.perWeight * weight(person)) : 0;
    const pFarm = hh.get("canFarm") ? (resident ? 0.02 : 0.3) : 0;
    let u = random();
    const total = pStart + pMigrant + pLocal + pFarm;
    if (total > 1) u *= total;
    if (u < pStart) become(person, SELF_EMPLOYED);
    else if ((u -= pStart) < pMigrant) become(person, MIGRANT);
    else if ((u -= pMigrant) < pLocal) become(person, LOCAL);
    else if (u - pLocal < pFarm) become(person, FARMING);
  };

  const earnings = (person: Agent, site: Agent, resident: boolean, c: StepContext): number => {
    const sf = skillFactor(person.get("skill") as number);
    const urbanHome = resident && site.get("urban");
    const townWage = urbanHome ? c.urbanWage : c.ruralWage;
    switch (person.get("emp")) {
      case LOCAL:
        return townWage * (resident ? (site.get("wageFactor") as number) : 1) * sf;
      case MIGRANT:
        return c.migrantWage * sf * p.environment.remittanceShare;
      case SELF_EMPLOYED: {
        const rent = urbanHome ? lab.urbanRent : lab.ruralRent;
        const supported = es.enabled && resident && (person.get("tenure") as number) <= es.supportMonths;
        return townWage * lab.businessProfitFactor * sf - rent * c.priceIndex * (supported ? 1 - es.rentReduction : 1);
      }
      case FARMING:
        return lab.farmingIncome * c.priceIndex;
      default:
        return 0;
    }
  };

  /** Household, household phase: income by source and spending, then integration. */
  const household = (hh: Agent): void => {
    if (hh.environment.get("phase") !== "household") return;
    earn(hh);
    integrate(hh);
  };

  const earn = (hh: Agent): void => {
    const c = ctxOf(hh);
    const site = hh.get("site") as Agent;
    const open = site.get("open") as boolean;
    const res = hh.get("residence") as number;
    const resident = hh.get("resident") as boolean;
    const holdsHome = open && (res === TRANSITIONAL || res === RESIDENT);
    const members = hh.get("members") as Agent[];
    let wage = 0, business = 0, agriculture = 0, transfer = 0, dividend = 0;
    let farmers = 0, dependants = 0, elders = 0;
    for (const person of members) {
      const age = person.get("age") as number;
      if (age >= 60) elders++;
      if (age < 16 || age > 80) dependants++;
      const emp = person.get("emp") as number;
      if (emp === NOT_IN_LABOUR_FORCE || emp === UNEMPLOYED) continue;
      const x = earnings(person, site, resident, c);
      if (emp === LOCAL || emp === MIGRANT) wage += x;
      else if (emp === SELF_EMPLOYED) business += x;
      else {
        agriculture += x;
        farmers++;
      }
    }
    const size = members.length;
    const reg = hh.get("registration") as number;
    const land = hh.get("land") as number;
    if (hh.get("landStatus") === LAND_KEPT && farmers === 0 && res !== PENDING) agriculture += (pol.landRights.rentYuanPerMuYear / 12) * c.priceIndex * land;
    transfer += elders * p.income.pensionPerElder * c.priceIndex;
    if (holdsHome && (reg === REG_DESTINATION || reg === REG_DUAL)) transfer += pol.dualRegistration.socialSecurityYuanPerPersonMonth * c.priceIndex * size;
    transfer += hh.get("assistance") as number;
    if (c.step === site.get("openStep") && pol.transitionPeriod.enabled) transfer += pol.transitionPeriod.compensationPerHousehold;
    if (holdsHome) dividend += site.get("dividend") as number;
    if (res !== PENDING) dividend += (pol.landRights.enabled ? (pol.landRights.collectiveDistributionPerPersonYear / 12) * c.priceIndex : 0) * size;
    const total = wage + business + agriculture + transfer + dividend;
    const ring = hh.get("incomeRing") as number[];
    const slot = ((c.step % 12) + 12) % 12;
    hh.set({ incWage: wage, incBusiness: business, incAgriculture: agriculture, incTransfer: transfer, incDividend: dividend, income12: (hh.get("income12") as number) + total - ring[slot]! });
    ring[slot] = total;

    const urban = site.get("urban") as boolean;
    const area = hh.get("area") as number;
    let spending = size * (resident && urban ? p.income.urbanSpendingPerPerson : p.income.ruralSpendingPerPerson) * c.priceIndex;
    if (resident && pol.ecologicalLivability.enabled) spending -= dependants * pol.ecologicalLivability.carerSpendingRelief * c.priceIndex;
    if (resident && urban) spending += area * p.income.propertyFeePerM2Month;
    if (holdsHome && pol.maintenanceFund.enabled) spending += (area * pol.maintenanceFund.residentYuanPerM2Year) / 12;
    hh.increment("savings", total - Math.max(0, spending));
  };

  const integrate = (hh: Agent): void => {
    const c = ctxOf(hh);
    const site = hh.get("site") as Agent;
    if (c.step < (site.get("openStep") as number) || hh.get("residence") !== RESIDENT) return;
    const members = hh.get("members") as Agent[];
    let lf = 0, employed = 0, localWork = 0, farming = 0;
    for (const person of members) {
      const emp = person.get("emp") as number;
      if (emp === NOT_IN_LABOUR_FORCE) continue;
      lf++;
      if (emp !== UNEMPLOYED) employed++;
      if (emp === LOCAL || emp === SELF_EMPLOYED) localWork++;
      if (emp === FARMING) farming++;
    }
    const pc = (hh.get("income12") as number) / Math.max(1, members.length);
    const work = lf > 0 ? employed / lf : 0.5;
    const econTarget = clamp01(ig.econBase + ig.econWorkWeight * work + ig.econIncomeWeight * Math.min(1, pc / (2 * c.povertyLine)));
    const activity = site.get("activity") as number;
    const service = site.get("serviceQuality") as number;
    const tiesSite0 = hh.get("tiesSite") as number;
    const tiesSite = tiesSite0 + ig.tieFormationRate * (ig.tieActivityWeight * activity + (1 - ig.tieActivityWeight) * (lf > 0 ? localWork / lf : 0)) * (1 - tiesSite0);
    const tiesOrigin = (hh.get("tiesOrigin") as number) * (farming > 0 || hh.get("landStatus") === LAND_KEPT ? Math.pow(1 - ig.originTieDecayConnected, 1 / 12) : Math.pow(1 - ig.originTieDecay, 1 / 12));
    let peer = 0, n = 0;
    for (const other of hh.get("neighbours") as Agent[]) {
      if (other.get("residence") === RESIDENT) {
        peer += other.get("intSocial") as number;
        n++;
      }
    }
    const own = clamp01(ig.socialActivityWeight * activity + ig.socialServiceWeight * service + ig.socialTiesWeight * tiesSite);
    const socialTarget = n > 0 ? (1 - ig.peerWeight) * own + ig.peerWeight * (peer / n) : own;
    const years = (c.step - (hh.get("moveStep") as number)) / 12;
    const rights = rightsSecurity((hh.get("registration") as number), hh.get("landStatus") === LAND_KEPT);
    const psychTarget = clamp01(
      ig.psychBase + ig.safetyWeight * (site.get("safety") as number) + ig.rightsWeight * rights + ig.siteTiesWeight * tiesSite +
        ig.housingConditionWeight * ((site.get("housingCondition") as number) - 0.5) - ig.crowdingPenalty * (hh.get("crowding") as number) -
        ig.originPull * tiesOrigin + ig.settlingGain * Math.min(1, years / ig.settlingYears) + ig.psychServiceWeight * service,
    );
    const rate = ig.adjustmentRate;
    const intEcon = hh.get("intEcon") as number, intSocial = hh.get("intSocial") as number, intPsych = hh.get("intPsych") as number;
    hh.set({
      tiesSite,
      tiesOrigin,
      intEcon: intEcon + rate * (econTarget - intEcon),
      intSocial: intSocial + rate * (socialTarget - intSocial),
      intPsych: intPsych + rate * (psychTarget - intPsych),
    });
  };

  /** Site, household phase: clear the labour-market counters for next month. */
  const site = (s: Agent): void => {
    if (s.environment.get("phase") !== "household") return;
    s.set({ filled: 0, searchers: 0, searchWeight: 0 });
  };

  return { separate, household, site, siteMatch };
}

export class FloccModel {
  readonly environment: Environment;
  private readonly recorder: FloccRecorder;
  private k = 0;

  constructor(private readonly setup: CoreSetup, seed: number) {
    utils.seed(seed);
    const env = (this.environment = new Environment());
    env.set({ phase: "labour", ctx: coreContext(setup, 0) });
    buildAgents(env, setup.sim.state, setup.params, setup.firstStep, behaviour(setup.params, stream(seed, "flocc-model", "model")));
    this.recorder = new Recorder(env, {
      interval: 2,
      model: {
        employment_rate: (e) => {
          let lf = 0, employed = 0;
          for (const emp of e.stat("emp") as number[]) {
            if (emp === NOT_IN_LABOUR_FORCE) continue;
            lf++;
            if (emp !== UNEMPLOYED) employed++;
          }
          return employed / lf;
        },
        per_capita_income: (e) => utils.sum(e.stat("income12") as number[]) / utils.sum(e.stat("size") as number[]),
        integration_index: (e) => {
          let sum = 0, residents = 0;
          for (const a of e.getAgents()) {
            if (a.get("kind") !== "household" || a.get("residence") !== RESIDENT) continue;
            sum += (a.get("intEcon") as number) + (a.get("intSocial") as number) + (a.get("intPsych") as number);
            residents++;
          }
          return sum / (3 * residents);
        },
      },
    });
  }

  step(): void {
    const env = this.environment;
    env.set("ctx", coreContext(this.setup, this.k++));
    env.set("phase", "labour");
    env.tick({ randomizeOrder: true });
    env.set("phase", "household");
    env.tick({ randomizeOrder: true });
  }

  get outcomes(): CoreOutcomes {
    const d = this.recorder.getModelData();
    const last = (k: string) => d[k]!.at(-1) as number;
    return { employment_rate: last("employment_rate"), per_capita_income: last("per_capita_income"), integration_index: last("integration_index") };
  }
}

/** Copy the engine's state into flocc agents (setup, not timed). */
/** `months`: the engine's labour-market clock at the first core-loop month (tenure, kernel/state.ts tenureOf). */
function buildAgents(env: Environment, st: State, p: Params, months: number, rules: ReturnType<typeof behaviour>): void {
  const S = st.sites;
  const H = st.households;
  const P = st.persons;
  const households: Agent[] = new Array(H.count);
  const areaPerPerson = p.population.areaPerPerson;
  for (let s = 0; s < S.count; s++) {
    const site = new Agent({
      kind: "site", urban: S.urban[s] === 1, openStep: S.openStep[s]!, wageFactor: S.wageFactor[s]!, jobs: localJobs(p, st, s), dividend: S.dividend[s]!,
      activity: S.activity[s]!, serviceQuality: S.serviceQuality[s]!, safety: S.safety[s]!, housingCondition: S.housingCondition[s]!,
      filled: 0, searchers: 0, searchWeight: 0, matchCache: null,
    });
    site.set({
      open: (a: Agent) => (a.environment.get("ctx") as StepContext).step >= (a.get("openStep") as number),
      match: rules.siteMatch,
      tick: rules.site,
    });
    env.addAgent(site);
    for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
      const hh = new Agent({
        kind: "household", site, residence: H.residence[h]!, landStatus: H.landStatus[h]!, land: H.land[h]!, farmReach: H.farmReach[h] === 1,
        registration: H.registration[h]!, care: H.care[h] === 1, detected: H.detected[h] === 1, assistance: H.assistance[h]!, area: H.area[h]!,
        moveStep: H.moveStep[h]!, savings: H.savings[h]!, tiesOrigin: H.tiesOrigin[h]!, tiesSite: H.tiesSite[h]!,
        intEcon: H.intEcon[h]!, intSocial: H.intSocial[h]!, intPsych: H.intPsych[h]!,
        incomeRing: Array.from(H.incomeRing.subarray(h * 12, h * 12 + 12)), income12: H.income12[h]!,
        incWage: 0, incBusiness: 0, incAgriculture: 0, incTransfer: 0, incDividend: 0, members: [] as Agent[], neighbours: [] as Agent[],
      });
      hh.set({
        size: (a: Agent) => (a.get("members") as Agent[]).length,
        resident: (a: Agent) => a.get("residence") === RESIDENT && ((a.get("site") as Agent).get("open") as boolean),
        canFarm: (a: Agent) => {
          const landKept = a.get("landStatus") === LAND_KEPT && (a.get("land") as number) > 0;
          return a.get("resident") ? landKept && (a.get("farmReach") as boolean) : landKept;
        },
        integration: (a: Agent) => (a.get("resident") ? ((a.get("intEcon") as number) + (a.get("intSocial") as number) + (a.get("intPsych") as number)) / 3 : 0),
        crowding: (a: Agent) => {
          if (a.get("residence") === PENDING) return 0;
          const need = (a.get("size") as number) * areaPerPerson;
          const area = a.get("area") as number;
          return need > area ? 1 - area / need : 0;
        },
        tick: rules.household,
      });
      households[h] = hh;
      env.addAgent(hh);
      const members = hh.get("members") as Agent[];
      for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
        const person = new Agent({
          kind: "person", household: hh, age: P.age[q]!, female: P.female[q] === 1, skill: P.skill[q]!, training: P.training[q]!,
          matched: P.matched[q] === 1, emp: P.emp[q]!, tenure: tenureOf(P.tenureFrom[q]!, months),
        });
        person.set("tick", rules.separate);
        members.push(person);
        env.addAgent(person);
      }
    }
  }
  const deg = H.degree;
  for (let h = 0; h < H.count; h++) {
    const list = households[h]!.get("neighbours") as Agent[];
    for (let k = 0; k < deg; k++) {
      const o = H.neighbours[h * deg + k]!;
      if (o >= 0) list.push(households[o]!);
    }
  }
}
