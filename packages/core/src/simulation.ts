import { InputError, suggest } from "./errors.js";
import type { Params } from "./params/types.js";
import { applyExpressions, parseMonth, formatMonth, timeScope } from "./params/resolve.js";
import { checkLeaf } from "./params/checkLeaf.js";
import type { Scenario } from "./scenario.js";
import { isResolvedScenario, resolveScenario, type ResolvedScenario } from "./resolvedScenario.js";
import { experimentSpec } from "./experiment/experimentSpec.js";
import { checkFits, resolveScale, type Scale } from "./scale.js";
import { stream } from "./kernel/random.js";
import { shared, type State } from "./kernel/state.js";
import { BINS } from "./kernel/histogram.js";
import { siteRange, stepSites, type SiteRange } from "./kernel/siteRange.js";
import { GROUPS, MEMBER_GROUPS, NF, NM, SITE_GROUPS, collectedGroups, siteGroups } from "./model/collect.js";
import { METRICS } from "./model/metricTable.js";
import { metricValues } from "./model/metricValues.js";
import { PHASES, SCHEDULE, modelStep, type ModelStep, type PhaseName as Phase } from "./model/schedule.js";
import { stepContext } from "./model/context.js";
import { buildPopulation } from "./model/population.js";
import { buildNetwork } from "./model/network.js";
import { primeIncome } from "./model/income.js";
import { CTL_DONE, CTL_ERROR, CTL_REQUEST, STOP, readError } from "./kernel/workerProtocol.js";
import { birthIndex } from "./kernel/birthIndex.js";
import { startWorker } from "./kernel/startWorker.js";
import { expressionData } from "./params/expressionTable.js";
import type { Worker } from "node:worker_threads";
import type { TidyRow } from "./results/tidyRow.js";

export interface SimulationOptions {
  /** Seed of this run (replicate). @default 1 */
  seed?: number;
  /** Replicate number recorded in the results. @default 0 */
  replicate?: number;
  /** county (default), province, national, or a number of households. */
  scale?: Scale;
  /**
   * Threads stepping this one simulation (sites are split into contiguous ranges over shared
   * memory; results are identical for any number). Worth it from about province scale.
   * @default 1
   */
  threads?: number;
  /**
   * Groups reported by results() and summary(), in this order (any of GROUPS). Site and
   * cohort groups are always collected; household and residence groups only when one of them
   * is named here (a second pass over the households each month).
   * @default SITE_GROUPS: all, site:urban, site:rural, cohort:2016 … cohort:2019
   */
  groups?: readonly string[];
}

export { SCHEDULE, type Phase };

export interface Simulation {
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  readonly replicate: number;
  readonly households: number;
  /** The parameters in force at the current step (time expressions applied). */
  readonly params: Params;
  readonly state: State;
  /** Groups reported by results() and summary(), in order. */
  readonly groups: readonly string[];
  /** Steps taken so far (0 before the first). */
  readonly stepsDone: number;
  readonly horizon: number;
  readonly done: boolean;
  /**
   * Milliseconds spent in each phase so far (summed over threads): the steps' measured time
   * shared among the phases in proportion to their time on every 16th site (kernel/siteRange.ts).
   */
  readonly timings: Record<Phase, number>;
  /** Advance one month. */
  step(): void;
  /** Run to the horizon; `onStep` is called after every step (progress bars). */
  run(onStep?: (stepsDone: number, horizon: number) => void): Simulation;
  /** Tidy rows of every collected step so far. */
  results(): TidyRow[];
  /** Value of a metric for a group at a step (default: the last step taken). */
  metric(metric: string, group?: string, step?: number): number;
  /** Every metric of the `all` group (and each other group) at the last step taken. */
  summary(): Record<string, Record<string, number>>;
  /** Stop worker threads (also done automatically at the horizon). */
  close(): void;
}

/**
 * Create a simulation of a scenario at a scale with a seed. A resolved scenario
 * (resolveScenario) runs as it is; a scenario object is resolved first, once: bad input
 * throws an InputError naming the field, the value and what was expected.
 */
export function createSimulation(scenario: ResolvedScenario | Scenario | Record<string, unknown>, options: SimulationOptions = {}): Simulation {
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new InputError("options", options, "an object of simulation options ({ seed, scale, threads, ... }) or nothing");
  const sc = isResolvedScenario(scenario) ? scenario : resolveScenario(scenario);
  const seed = checkLeaf(experimentSpec.fields.seed, options.seed ?? experimentSpec.fields.seed.default, "seed");
  if (seed instanceof InputError) throw seed;
  const replicate = options.replicate ?? 0;
  if (!Number.isInteger(replicate) || replicate < 0) throw new InputError("replicate", replicate, "a whole number from 0");
  const households = resolveScale(options.scale);
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new InputError("threads", threads, "a whole number from 1 to 64");
  checkFits(households, threads);
  return new Engine(sc, seed as number, replicate, households, threads, checkGroups(options.groups, "groups"));
}

/** The groups option checked (each a known group, once; did-you-mean for a near miss), or the site groups. */
function checkGroups(groups: unknown, field: string): readonly string[] {
  if (groups === undefined) return SITE_GROUPS;
  const checked = checkLeaf(experimentSpec.fields.groups, groups, field);
  if (checked instanceof InputError) throw checked;
  return checked as string[];
}

/**
 * Everything a simulation needs to continue where another stopped, besides its scenario: the
 * state columns and the values collected so far (checkpoint/ writes it to a file and reads it
 * back). Random draws need nothing: each is keyed by (seed, process, step, entity, draw), so the
 * steps after a snapshot draw what they would have drawn. Parameters are not in it: a step's
 * parameters are the scenario's start values with its time expressions applied at that step.
 */
export interface SimulationSnapshot {
  readonly seed: number;
  readonly replicate: number;
  readonly households: number;
  readonly stepsDone: number;
  /** The groups the simulation reports; its values hold collectedGroups(groups). */
  readonly groups: readonly string[];
  /** The live columns of a snapshot taken (valid until the simulation steps again). */
  readonly state: State;
  /** Values of the steps done: values[(step * collected groups + g) * metrics + m]. */
  readonly values: Float64Array;
}

/** A snapshot of a simulation of this package, between steps. */
export function snapshotSimulation(sim: Simulation): SimulationSnapshot {
  if (!(sim instanceof Engine)) throw new InputError("simulation", sim, "a simulation made by createSimulation or continueSimulation");
  return sim.snapshot();
}

/**
 * A simulation of `scenario` continuing from a snapshot (of a run of this scenario, or of
 * another one with the same population: a what-if branch), stepped by any number of threads:
 * its results are those of a run never interrupted. The snapshot's state is taken over, not copied.
 */
export function continueSimulation(scenario: ResolvedScenario, snapshot: SimulationSnapshot, options: Pick<SimulationOptions, "threads"> = {}): Simulation {
  const groups = checkGroups(snapshot.groups, "snapshot.groups");
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new InputError("threads", threads, "a whole number from 1 to 64");
  checkFits(snapshot.households, threads);
  if (snapshot.stepsDone > scenario.params.horizon.months) throw new InputError("params.horizon.months", scenario.params.horizon.months, `at least the ${snapshot.stepsDone} steps already done`);
  return new Engine(scenario, snapshot.seed, snapshot.replicate, snapshot.households, threads, groups, snapshot);
}

interface RemoteRange {
  worker: Worker;
  ctl: Int32Array;
  err: Uint8Array;
  hist: Float64Array;
  timings: Float64Array;
}

class Engine implements Simulation {
  readonly state: State;
  readonly horizon: number;
  stepsDone = 0;
  private readonly start: number;
  private readonly local: SiteRange<ModelStep>;
  private readonly remote: RemoteRange[] = [];
  private readonly siteAcc: Float64Array;
  /** Per-site rows of the member groups (collect.ts collectMemberGroups), when collected. */
  private readonly memberAcc: Float64Array | null;
  /** The groups whose values are kept (collectedGroups(groups)), and each reported group's index among them. */
  private readonly collected: readonly string[];
  private readonly reportedAt: number[];
  private readonly groupAcc: Float64Array;
  private readonly groupHist: Float64Array;
  private readonly groupOf = new Int32Array(3);
  /** values[(step * groups + g) * metrics + m] */
  private readonly values: Float64Array;
  private readonly metricRow = new Float64Array(METRICS.length);

  /** This run's copy of the parameters: time expressions change it each step. */
  readonly params: Params;

  constructor(
    readonly scenario: ResolvedScenario,
    readonly seed: number,
    readonly replicate: number,
    readonly households: number,
    threads: number,
    readonly groups: readonly string[],
    from?: SimulationSnapshot,
  ) {
    const collected = (this.collected = collectedGroups(groups));
    this.reportedAt = groups.map((g) => collected.indexOf(g));
    const G = collected.length;
    const params = (this.params = structuredClone(scenario.params));
    const expressions = scenario.expressions;
    this.horizon = params.horizon.months;
    this.start = parseMonth(params.horizon.start);
    this.state = from ? from.state : buildPopulation(params, households, seed);
    const S = this.state.sites;
    if (!from) for (let s = 0; s < S.count; s++) buildNetwork(this.state, s, params.population.networkRewire, stream(seed, s, "network"));
    this.siteAcc = shared(Float64Array, S.count * NF);
    this.memberAcc = G > SITE_GROUPS.length ? shared(Float64Array, S.count * NM * NF) : null;
    this.groupAcc = new Float64Array(G * NF);
    this.groupHist = new Float64Array(G * BINS);
    this.values = new Float64Array(this.horizon * G * METRICS.length).fill(Number.NaN);
    if (from) {
      this.stepsDone = from.stepsDone;
      this.values.set(from.values.subarray(0, from.stepsDone * G * METRICS.length));
      // The parameters in force at the last step done (`params`); each step applies its own again.
      if (from.stepsDone > 0 && expressions.length) applyExpressions(params, expressions, timeScope(this.start, from.stepsDone - 1));
    } else {
      // The month before the start: no site is open yet, so no one-off payment is primed.
      primeIncome(params, stepContext(params, timeScope(this.start, -1)), this.state);
    }

    // Split sites into contiguous ranges of about equal households; this thread takes the first.
    const cuts = [0];
    const n = Math.min(threads, S.count);
    for (let k = 1; k < n; k++) {
      const target = (households * k) / n;
      let s = cuts[k - 1]! + 1;
      while (s < S.count - (n - k) && S.hhEnd[s - 1]! < target) s++;
      cuts.push(s);
    }
    cuts.push(S.count);
    // Derived from the state (so a continued run builds the same), shared by every range.
    const births = birthIndex(this.state);
    const local = modelStep(params, expressions, this.start, this.state, this.siteAcc, new Float64Array(G * BINS), this.memberAcc, births);
    this.local = siteRange(PHASES, local, seed, cuts[0]!, cuts[1]!, new Float64Array(SCHEDULE.length));
    // The resolved start values and the expressions' values over the horizon, for every worker: it checks nothing again.
    const tables = n > 1 ? expressions.map((e) => expressionData(e, this.start, this.horizon)) : [];
    for (let k = 1; k < n; k++) {
      const ctl = shared(Int32Array, 4).fill(-1);
      ctl[CTL_ERROR] = 0;
      const err = shared(Uint8Array, 8192);
      const hist = shared(Float64Array, G * BINS);
      const timings = shared(Float64Array, SCHEDULE.length);
      const data = { start: this.start, state: this.state, s0: cuts[k]!, s1: cuts[k + 1]!, siteAcc: this.siteAcc, memberAcc: this.memberAcc, births, hist, timings };
      const worker = startWorker(new URL("./stepWorker.js", import.meta.url), { ...data, params: scenario.params, expressions: tables, seed, ctl, err });
      this.remote.push({ worker, ctl, err, hist, timings });
    }
  }

  get timings(): Record<Phase, number> {
    const t = Object.fromEntries(SCHEDULE.map((k, i) => [k, this.local.timings[i]!])) as Record<Phase, number>;
    for (const r of this.remote) SCHEDULE.forEach((k, i) => (t[k] += r.timings[i]!));
    return t;
  }

  step(): void {
    if (this.done) throw new InputError("step", this.stepsDone + 1, `at most ${this.horizon} steps (the horizon)`);
    if (this.closed) throw new InputError("step", this.stepsDone + 1, "a simulation that has not been closed");
    const k = this.stepsDone;
    for (const r of this.remote) {
      Atomics.store(r.ctl, CTL_REQUEST, k);
      Atomics.notify(r.ctl, CTL_REQUEST);
    }
    stepSites(this.local, k);
    this.groupHist.set(this.local.ctx.hist);
    for (const r of this.remote) {
      this.wait(r, k);
      // Integer person counts: the sum is exact whatever the order.
      for (let i = 0; i < this.groupHist.length; i++) this.groupHist[i]! += r.hist[i]!;
    }
    this.reduce(k);
    this.stepsDone++;
    // Workers stop at the horizon (a snapshot there, a branch point, needs nothing from them).
    if (this.done) this.close();
  }

  snapshot(): SimulationSnapshot {
    if (this.closed && !this.done) throw new InputError("simulation", "closed", "a simulation that has not been closed (to take a snapshot)");
    const values = this.values.subarray(0, this.stepsDone * this.collected.length * METRICS.length);
    return { seed: this.seed, replicate: this.replicate, households: this.households, stepsDone: this.stepsDone, groups: this.groups, state: this.state, values };
  }

  private wait(r: RemoteRange, k: number): void {
    const started = Date.now();
    for (;;) {
      const done = Atomics.load(r.ctl, CTL_DONE);
      if (done === k) return;
      if (Atomics.load(r.ctl, CTL_ERROR)) {
        this.close();
        throw new Error(`simulation worker failed: ${readError(r.err)}`);
      }
      // The first step also waits for the worker to start (module loading).
      if (Date.now() - started > 600_000) {
        this.close();
        throw new Error("simulation worker did not answer within 10 minutes");
      }
      Atomics.wait(r.ctl, CTL_DONE, done, 1000);
    }
  }

  private closed = false;
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const r of this.remote) {
      Atomics.store(r.ctl, CTL_REQUEST, STOP);
      Atomics.notify(r.ctl, CTL_REQUEST);
      void r.worker.terminate();
    }
  }

  get done(): boolean {
    return this.stepsDone >= this.horizon;
  }

  /** Sum site rows into groups in site order (fixed, so results never depend on workers). */
  private reduce(step: number): void {
    const G = this.collected.length;
    const acc = this.groupAcc.fill(0);
    const hist = this.groupHist;
    const g3 = this.groupOf;
    for (let s = 0; s < this.state.sites.count; s++) {
      siteGroups(this.state, s, g3);
      for (let k = 0; k < 3; k++) {
        const g = g3[k]!;
        for (let f = 0; f < NF; f++) acc[g * NF + f]! += this.siteAcc[s * NF + f]!;
      }
    }
    const member = this.memberAcc;
    if (member) {
      const base = SITE_GROUPS.length * NF;
      for (let s = 0; s < this.state.sites.count; s++) {
        const row = s * NM * NF;
        for (let i = 0; i < NM * NF; i++) acc[base + i]! += member[row + i]!;
      }
    }
    const M = METRICS.length;
    for (let g = 0; g < G; g++) {
      metricValues(acc.subarray(g * NF, (g + 1) * NF), hist.subarray(g * BINS, (g + 1) * BINS), this.metricRow);
      this.values.set(this.metricRow, (step * G + g) * M);
    }
  }

  run(onStep?: (stepsDone: number, horizon: number) => void): Simulation {
    while (!this.done) {
      this.step();
      onStep?.(this.stepsDone, this.horizon);
    }
    return this;
  }

  results(): TidyRow[] {
    const rows: TidyRow[] = [];
    const G = this.collected.length;
    const M = METRICS.length;
    for (let step = 0; step < this.stepsDone; step++) {
      const date = formatMonth(this.start + step);
      for (let r = 0; r < this.groups.length; r++) {
        const g = this.reportedAt[r]!;
        for (let m = 0; m < M; m++) {
          const value = this.values[(step * G + g) * M + m]!;
          if (Number.isNaN(value)) continue;
          rows.push({ scenario: this.scenario.name, replicate: this.replicate, seed: this.seed, step: step + 1, date, group: this.groups[r]!, metric: METRICS[m]!, value });
        }
      }
    }
    return rows;
  }

  metric(metric: string, group = "all", step = this.stepsDone): number {
    const m = (METRICS as readonly string[]).indexOf(metric);
    const g = this.collected.indexOf(group);
    if (m < 0) throw new InputError("metric", metric, `one of ${METRICS.join(", ")}`);
    if (g < 0) {
      if ((MEMBER_GROUPS as readonly string[]).includes(group)) throw new InputError("group", group, `a group this simulation collects (${this.collected.join(", ")})`, "household and residence groups are collected only when asked for: createSimulation(scenario, { groups: [...] })");
      const near = suggest(group, GROUPS);
      throw new InputError("group", group, `one of ${GROUPS.join(", ")}`, near ? `did you mean '${near}'?` : undefined);
    }
    if (!Number.isInteger(step) || step < 1 || step > this.stepsDone) throw new InputError("step", step, `a step from 1 to ${this.stepsDone}`);
    return this.values[((step - 1) * this.collected.length + g) * METRICS.length + m]!;
  }

  summary(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    if (this.stepsDone === 0) return out;
    for (const g of this.groups) {
      const row: Record<string, number> = {};
      for (const m of METRICS) {
        const v = this.metric(m, g);
        if (!Number.isNaN(v)) row[m] = v;
      }
      out[g] = row;
    }
    return out;
  }
}
