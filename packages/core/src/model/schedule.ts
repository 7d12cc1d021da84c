import type { Params } from "../params/types.js";
import { applyExpressions, timeScope } from "../params/resolve.js";
import type { CompiledExpression } from "../params/expressions.js";
import type { Phase } from "../kernel/siteRange.js";
import type { State } from "../kernel/state.js";
import type { BirthIndex } from "../kernel/birthIndex.js";
import { stepContext, type StepContext } from "./context.js";
import { demography } from "./demography.js";
import { siteEconomy } from "./siteEconomy.js";
import { collectiveAssets } from "./collective.js";
import { housingMaintenance } from "./housing.js";
import { training } from "./training.js";
import { labourMarket } from "./labourMarket.js";
import { income } from "./income.js";
import { integration } from "./integration.js";
import { residence } from "./residence.js";
import { poverty } from "./poverty.js";
import { collectMemberGroups, collectSite } from "./collect.js";
import { costs } from "./costs.js";

/** What the model's phases read and write on one range of sites. */
export interface ModelStep {
  readonly params: Params;
  readonly expressions: readonly CompiledExpression[];
  /** Month index of step 0. */
  readonly start: number;
  readonly state: State;
  /** The step's constants, derived by the policy schedule (before the first step: the month before the start). */
  c: StepContext;
  /** Per-site collection rows (shared by all ranges). */
  readonly siteAcc: Float64Array;
  /** This range's income histograms per group (integer person counts). */
  readonly hist: Float64Array;
  readonly groups: Int32Array;
  /** Per-site rows of the household and residence groups, when the run collects them (else null). */
  readonly memberAcc: Float64Array | null;
  /** Persons by birth month (kernel/birthIndex.ts), shared by all ranges; null: demography scans every slot. */
  readonly births: BirthIndex | null;
}

export function modelStep(params: Params, expressions: readonly CompiledExpression[], start: number, state: State, siteAcc: Float64Array, hist: Float64Array, memberAcc: Float64Array | null = null, births: BirthIndex | null = null): ModelStep {
  return { params, expressions, start, state, c: stepContext(params, timeScope(start, -1)), siteAcc, hist, groups: new Int32Array(3), memberAcc, births };
}

/**
 * The model's schedule: each month runs these phases in order at every site (the kernel runs
 * every `begin` first, then each site of a range through all the phases in turn, which is the
 * same as each phase over every site, since sites interact only through what the begins set).
 * A phase names every random source it draws: each is keyed by (seed, name) and draws for one
 * kind of entity, its k-th draw of an entity in a month a pure function of (step, entity, k)
 * (kernel/random.ts keyed). Persons are keyed by P.key, households and sites by their index.
 * Timings are kept by the phase's name. Adding a process is a line here (and its module).
 */
export const PHASES = [
  {
    // 1. Policy schedule: time-varying parameters for this month, then the step's constants.
    name: "schedule", streams: [],
    begin: (x, step) => {
      const scope = timeScope(x.start, step);
      if (x.expressions.length) applyExpressions(x.params, x.expressions, scope);
      x.c = stepContext(x.params, scope);
    },
  },
  // 2. Demography: births, marriages, deaths, ageing; household growth against the area; sons' couples splitting off (persons).
  { name: "demography", streams: ["demography", "split"], site: (x, s, r) => demography(x.params, x.c, x.state, s, r[0]!, r[1]!, x.births) },
  {
    // 3. Site economy: jobs created and destroyed, support, services; collective assets; upkeep (sites).
    name: "siteEconomy", streams: ["economy", "talent", "collective"],
    site: (x, s, r) => {
      siteEconomy(x.params, x.c, x.state, s, r[0]!, r[1]!);
      collectiveAssets(x.params, x.c, x.state, s, r[2]!);
      housingMaintenance(x.params, x.c, x.state, s);
    },
  },
  // 4. Training (persons).
  { name: "training", streams: ["training"], site: (x, s, r) => training(x.params, x.c, x.state, s, r[0]!) },
  // 5. Labour market: separations, layoffs, matching, migration, entrepreneurship, farming (persons).
  { name: "labourMarket", streams: ["labour", "layoff", "search"], site: (x, s, r) => labourMarket(x.params, x.c, x.state, s, r[0]!, r[1]!, r[2]!) },
  // 6. Income by source and spending.
  { name: "income", streams: [], site: (x, s) => income(x.params, x.c, x.state, s) },
  // 6b. Public cost of the levers, from what they did this month (no draws).
  { name: "costs", streams: [], site: (x, s) => costs(x.params, x.c, x.state, s) },
  // 7. Integration.
  { name: "integration", streams: [], site: (x, s) => integration(x.params, x.c, x.state, s) },
  // 8. Residence decisions: sign, move in, stay, return, give up (households).
  { name: "residence", streams: ["residence"], site: (x, s, r) => residence(x.params, x.c, x.state, s, r[0]!) },
  // 9. Poverty monitoring and relapse (households).
  { name: "poverty", streams: ["poverty"], site: (x, s, r) => poverty(x.params, x.c, x.state, s, r[0]!) },
  // 10. Collection: per-site rows; the simulation reduces them over sites in site order.
  // Household and residence groups only when the run asks for them (collect.ts MEMBER_GROUPS).
  {
    name: "collect", streams: [], begin: (x) => x.hist.fill(0),
    site: (x, s) => {
      collectSite(x.params, x.c, x.state, s, x.siteAcc, x.hist, x.groups);
      if (x.memberAcc) collectMemberGroups(x.params, x.c, x.state, s, x.memberAcc, x.hist);
    },
  },
] as const satisfies readonly Phase<ModelStep>[];

export type PhaseName = (typeof PHASES)[number]["name"];

/** The phase names in schedule order (timings use them). */
export const SCHEDULE: readonly PhaseName[] = PHASES.map((ph) => ph.name);
