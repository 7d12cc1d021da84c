/**
 * Shared helpers for the core tests: small simulations, the step context of any step, scripted
 * random sources that force or forbid every event, and paired comparisons across seeds.
 */
import { mean, sampleStandardDeviation } from "simple-statistics";
import { createSimulation, type Simulation } from "../src/index.js";
import { stepContext, type StepContext } from "../src/model/context.js";
import { parseMonth, timeScope } from "../src/params/resolve.js";
import { unkeyed, type KeyedRandom, type Random } from "../src/kernel/random.js";
import type { State } from "../src/kernel/state.js";

/** A simulation of `households` households (default 300) with the given parameter input. */
export function sim(params: Record<string, unknown> = {}, households = 300, seed = 1): Simulation {
  return createSimulation({ name: "test", params }, { seed, scale: households });
}

/** The step context of `step` (0-based) for a simulation's current parameters. */
export function contextAt(s: Simulation, step: number): StepContext {
  return stepContext(s.params, timeScope(parseMonth(s.params.horizon.start), step));
}

/** Every draw is 0: every probability event happens (and normal draws are 0, Poisson draws 0). */
export const always = unkeyed(() => 0);
/** Every draw is just below 1: no probability event happens. */
export const never = unkeyed(() => 0.999999);
/** The given draws in order, then `rest` forever. */
export function scripted(draws: number[], rest = 0.999999): Random & KeyedRandom {
  let i = 0;
  return unkeyed(() => (i < draws.length ? draws[i++]! : rest));
}

/** Member person ids of household h, following its linked list. */
export function members(st: State, h: number): number[] {
  const out: number[] = [];
  for (let q = st.households.first[h]!; q >= 0; q = st.persons.next[q]!) out.push(q);
  return out;
}

/** Household ids of site s. */
export function householdsOf(st: State, s: number): number[] {
  const out: number[] = [];
  for (let h = st.sites.hhStart[s]!; h < st.sites.hhEnd[s]!; h++) out.push(h);
  return out;
}

/** The first site matching `pred`, or fail. */
export function siteWhere(st: State, pred: (s: number) => boolean): number {
  for (let s = 0; s < st.sites.count; s++) if (pred(s)) return s;
  throw new Error("no site matches");
}

/** Step until every site has opened (and `extra` more steps). */
export function stepPastOpening(s: Simulation, extra = 0): void {
  let last = 0;
  for (let k = 0; k < s.state.sites.count; k++) last = Math.max(last, s.state.sites.openStep[k]!);
  while (s.stepsDone <= last + extra) s.step();
}

export interface PairedEffect {
  diffs: number[];
  mean: number;
  se: number;
  /** mean / se */
  t: number;
}

/** Paired differences on - off per seed (common random numbers), their mean and standard error. */
export function paired(on: number[], off: number[]): PairedEffect {
  const diffs = on.map((x, i) => x - off[i]!);
  const m = mean(diffs);
  const se = sampleStandardDeviation(diffs) / Math.sqrt(diffs.length);
  return { diffs, mean: m, se, t: se > 0 ? m / se : m === 0 ? 0 : Math.sign(m) * Infinity };
}

/** Mean of a metric over the last `months` steps (smooths metrics that are monthly flows). */
export function lastMonths(s: Simulation, metric: string, months: number, group = "all"): number {
  let sum = 0;
  for (let k = s.stepsDone - months + 1; k <= s.stepsDone; k++) sum += s.metric(metric, group, k);
  return sum / months;
}

/**
 * Paired lever comparisons: simulations of a policy setting for each seed, memoised by setting,
 * so a file's baseline runs once and every lever is compared with it seed by seed.
 */
export function leverBench(opts: { seeds: number[]; households: number; months: number }) {
  const memo = new Map<string, Simulation[]>();
  const runs = (policies: Record<string, unknown>): Simulation[] => {
    const key = JSON.stringify(policies);
    let out = memo.get(key);
    if (!out) {
      out = opts.seeds.map((seed) => createSimulation({ name: "lever", params: { horizon: { months: opts.months }, policies } }, { seed, scale: opts.households }).run());
      memo.set(key, out);
    }
    return out;
  };
  /** Paired effect of `on` against `off` (default: the baseline) on a metric at the horizon (or its mean over the last `months`). */
  const effect = (on: Record<string, unknown>, metric: string, o: { off?: Record<string, unknown>; months?: number } = {}): PairedEffect => {
    const value = (s: Simulation) => (o.months ? lastMonths(s, metric, o.months) : s.metric(metric));
    return paired(runs(on).map(value), runs(o.off ?? {}).map(value));
  };
  return { runs, effect };
}

/** Describe a paired effect for assertion messages. */
export function show(e: PairedEffect): string {
  return `mean paired difference ${e.mean.toPrecision(3)}, se ${e.se.toPrecision(3)}, t ${e.t.toFixed(1)}; differences ${e.diffs.map((d) => d.toPrecision(3)).join(", ")}`;
}

/** Number of standard errors a lever's mean paired difference must clear. */
export const NOISE_SE = 3;
