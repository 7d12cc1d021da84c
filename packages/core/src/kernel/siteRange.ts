import type { Params } from "../params/types.js";
import { applyExpressions, timeScope } from "../params/resolve.js";
import type { CompiledExpression } from "../params/expressions.js";
import { PROCESSES, stream, type Random } from "./random.js";
import type { State } from "./state.js";
import { collectSite } from "./collect.js";
import { stepContext } from "../model/context.js";
import { demography } from "../model/demography.js";
import { siteEconomy } from "../model/siteEconomy.js";
import { collectiveAssets } from "../model/collective.js";
import { housingMaintenance } from "../model/housing.js";
import { training } from "../model/training.js";
import { labourMarket } from "../model/labourMarket.js";
import { income } from "../model/income.js";
import { integration } from "../model/integration.js";
import { residence } from "../model/residence.js";
import { poverty } from "../model/poverty.js";

/** The model's schedule, in order; each phase runs over every site. Timings use these names. */
export const SCHEDULE = ["schedule", "demography", "siteEconomy", "training", "labourMarket", "income", "integration", "residence", "poverty", "collect"] as const;
export type Phase = (typeof SCHEDULE)[number];

/**
 * One thread's share of a simulation: a contiguous range of sites [s0, s1) with their random
 * streams. Sites interact only through the exogenous environment, so ranges can be stepped on
 * different threads over the same shared state and give exactly the single-threaded result.
 */
export interface SiteRange {
  params: Params;
  expressions: readonly CompiledExpression[];
  start: number;
  state: State;
  s0: number;
  s1: number;
  /** streams[process][s - s0]: one stream per (seed, site, process). */
  streams: Random[][];
  /** Per-site collection rows (shared by all ranges). */
  siteAcc: Float64Array;
  /** This range's income histograms per group (integer person counts). */
  hist: Float64Array;
  groups: Int32Array;
  /** Milliseconds per phase, in SCHEDULE order. */
  timings: Float64Array;
}

export function makeStreams(seed: number, s0: number, s1: number): Random[][] {
  return PROCESSES.map((proc) => Array.from({ length: s1 - s0 }, (_, i) => stream(seed, s0 + i, proc)));
}

/** Step the range's sites through one month: the model's schedule. */
export function stepSites(r: SiteRange, step: number): void {
  const { params: p, state: st, s0, s1, timings } = r;
  const [, demo, econ, train, labour, coll, resid, pov, talent] = r.streams as [Random[], Random[], Random[], Random[], Random[], Random[], Random[], Random[], Random[]];
  let t0 = performance.now();
  let phase = 0;
  const lap = () => {
    const t1 = performance.now();
    timings[phase++]! += t1 - t0;
    t0 = t1;
  };

  // 1. Policy schedule: time-varying parameters for this month, then the step's constants.
  const scope = timeScope(r.start, step);
  if (r.expressions.length) applyExpressions(p, r.expressions, scope);
  const c = stepContext(p, scope);
  lap();
  // 2. Demography: births, marriages, deaths, ageing; household growth against the area.
  for (let s = s0; s < s1; s++) demography(p, c, st, s, demo[s - s0]!);
  lap();
  // 3. Site economy: jobs created and destroyed, support, services; collective assets; upkeep.
  for (let s = s0; s < s1; s++) {
    siteEconomy(p, c, st, s, econ[s - s0]!, talent[s - s0]!);
    collectiveAssets(p, c, st, s, coll[s - s0]!);
    housingMaintenance(p, c, st, s);
  }
  lap();
  // 4. Training.
  for (let s = s0; s < s1; s++) training(p, c, st, s, train[s - s0]!);
  lap();
  // 5. Labour market: separations, matching, migration, entrepreneurship, farming.
  for (let s = s0; s < s1; s++) labourMarket(p, c, st, s, labour[s - s0]!);
  lap();
  // 6. Income by source and spending.
  for (let s = s0; s < s1; s++) income(p, c, st, s);
  lap();
  // 7. Integration.
  for (let s = s0; s < s1; s++) integration(p, c, st, s);
  lap();
  // 8. Residence decisions: sign, move in, stay, return, give up.
  for (let s = s0; s < s1; s++) residence(p, c, st, s, resid[s - s0]!);
  lap();
  // 9. Poverty monitoring and relapse.
  for (let s = s0; s < s1; s++) poverty(p, c, st, s, pov[s - s0]!);
  lap();
  // 10. Collection (per-site rows; the caller reduces them in site order).
  r.hist.fill(0);
  for (let s = s0; s < s1; s++) collectSite(p, c, st, s, r.siteAcc, r.hist, r.groups);
  lap();
}
