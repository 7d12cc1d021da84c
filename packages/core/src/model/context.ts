import type { Params } from "../params/types.js";
import type { TimeScope } from "../params/expressions.js";
import { nationalMigrantWage } from "./environment.js";
import { logit, monthly } from "../kernel/random.js";
import { leverEffects, type LeverEffects } from "../policies/levers.js";
import { povertyLineAt } from "./poverty.js";

/**
 * Quantities every process needs at one step, derived once per step from the (possibly
 * time-varying) parameters by the policy schedule, so the per-agent loops read plain numbers.
 * What the policy levers do is under `levers`, each lever's part computed by its own file
 * (policies/<lever>.ts); the processes read it there, never the lever parameters themselves.
 */
export interface StepContext {
  step: number;
  year: number;
  month: number;
  /** Price level relative to 2016. */
  priceIndex: number;
  /** Official rural poverty line, current prices, yuan per person per year (model/poverty.ts). */
  povertyLine: number;
  /** Outgoing migrant wage of a relocated worker of skill factor 1, before remittance. */
  migrantWage: number;
  /** Local wages at urban and rural sites (site wage factor 1, skill factor 1). */
  urbanWage: number;
  ruralWage: number;
  /** Monthly hazards; separation from a local wage job falls with employment promotion. */
  separation: number;
  migrantReturn: number;
  businessFailEarly: number;
  businessFailLate: number;
  farmingExit: number;
  mortalityA: number;
  /** Annual probability of death at each age 0-256 (demography's min(1, mortalityA·exp(mortalityB·age))). */
  mortality: Float64Array;
  detection: number;
  /**
   * Monthly share of origin ties kept while living at the site (model/integration.ts): with no
   * link to origin, and while a member farms there or the household keeps its land.
   */
  originTiesKept: number;
  originTiesKeptConnected: number;
  /** Residence decisions (model/residence.ts): monthly hazards, the give-up logit at entry, the pull of land kept under dual registration. */
  returnHazard: number;
  residentGiveUp: number;
  comeBack: number;
  giveUpLogit: number;
  dualLandPull: number;
  /**
   * A resident household whose draw is at least this neither returns nor gives up, whatever its
   * integration, origin ties, income pressure and crowding (each in [0, 1]): an upper bound of
   * the two probabilities residence() computes (residentStayAbove).
   */
  residentStayAbove: number;
  /** What each lever does this step. */
  levers: LeverEffects;
}

export function stepContext(p: Params, scope: TimeScope): StepContext {
  const years = scope.year + (scope.month - 1) / 12 - 2016;
  const env = p.environment;
  const priceIndex = Math.pow(1 + env.priceGrowth, years);
  // NBS publishes the mean wage of all migrant workers; split it into the outgoing and the local
  // (within-township) wage by the local workers' share and the local/outgoing ratio.
  const ratio = env.localToOutgoingWageRatio;
  const outgoing = nationalMigrantWage(scope.year, scope.month, env.migrantWageGrowthAfter2022) / (1 - env.localMigrantWorkerShare * (1 - ratio));
  const migrantWage = outgoing * env.migrantWageFactor;
  const ruralWage = migrantWage * ratio;
  const povertyLine = povertyLineAt(env, scope.year, scope.month);
  const levers = leverEffects(p);
  const res = p.residence;
  const returnHazard = monthly(res.returnRate);
  const residentGiveUp = monthly(res.giveUpBase);
  const dualLandPull = res.returnLandPull * levers.dualRegistration.landPullFactor;
  return {
    step: scope.step,
    year: scope.year,
    month: scope.month,
    priceIndex,
    povertyLine,
    migrantWage,
    urbanWage: ruralWage * p.siteEconomy.urbanLocalWagePremium,
    ruralWage,
    separation: monthly(p.labour.separationRate) * levers.employmentPromotion.separationFactor,
    migrantReturn: monthly(env.migrantReturnRate) + env.demandShock * 0.25,
    businessFailEarly: monthly(p.labour.businessFailureEarly),
    businessFailLate: monthly(p.labour.businessFailureLate),
    farmingExit: monthly(p.labour.farmingExitRate),
    mortalityA: p.demography.mortalityA,
    mortality: mortalityByAge(p.demography.mortalityA, p.demography.mortalityB),
    detection: p.poverty.detectionRate,
    originTiesKept: Math.pow(1 - p.integration.originTieDecay, 1 / 12),
    originTiesKeptConnected: Math.pow(1 - p.integration.originTieDecayConnected, 1 / 12),
    returnHazard,
    residentGiveUp,
    comeBack: monthly(res.comeBackRate),
    giveUpLogit: logit(res.giveUpBase),
    dualLandPull,
    residentStayAbove: residentStayAbove(p.residence, returnHazard, residentGiveUp, dualLandPull),
    levers,
  };
}

/** min(1, a·exp(b·age)) for every age demography meets (0-255, and 256 for one whose age is capped at 255). */
function mortalityByAge(a: number, b: number): Float64Array {
  const out = new Float64Array(257);
  for (let age = 0; age <= 256; age++) out[age] = Math.min(1, a * Math.exp(b * age));
  return out;
}

/**
 * An upper bound of a resident household's probability of returning plus that of giving the home
 * up (model/residence.ts), over every integration, origin ties, income pressure and crowding in
 * [0, 1], so that residence() can decide "stays" from the draw alone, without the exponential.
 * The return hazard's exponent is at most |returnDissatisfaction|/2 + max(0, land pull) +
 * max(0, returnHardship), formed in the order residence() forms it, so that (rounding being
 * monotone) its computed exponent never exceeds this one; the margin covers Math.exp, whose
 * result is within an ulp but is not promised monotone.
 */
export function residentStayAbove(res: Pick<Params["residence"], "returnDissatisfaction" | "returnLandPull" | "returnHardship" | "giveUpCrowding">, returnHazard: number, residentGiveUp: number, dualLandPull: number): number {
  const exponent = Math.abs(res.returnDissatisfaction) * 0.5 + Math.max(0, res.returnLandPull, dualLandPull) + Math.max(0, res.returnHardship);
  const pReturn = Math.min(1, returnHazard * Math.exp(exponent));
  const pGiveUp = Math.max(0, Math.min(1, residentGiveUp * res.giveUpCrowding));
  return (pReturn + pGiveUp) * (1 + 1e-9);
}

/** A person's earnings relative to the wage level, by skill in [0, 1]. */
export function skillFactor(skill: number): number {
  return 0.7 + 0.6 * skill;
}
