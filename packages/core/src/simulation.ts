import { InputError } from "./errors.js";
import type { Params } from "./params/types.js";
import { resolveParams, applyExpressions, parseMonth, formatMonth, timeScope } from "./params/resolve.js";
import type { CompiledExpression } from "./params/expressions.js";
import { checkScenario, type Scenario } from "./scenario.js";
import { resolveScale, type Scale } from "./scale.js";
import { PROCESSES, stream, type Random } from "./kernel/random.js";
import type { State } from "./kernel/state.js";
import { BINS, GROUPS, METRICS, NF, collectSite, metricValues, siteGroups } from "./kernel/collect.js";
import { stepContext, type StepContext } from "./model/context.js";
import { buildPopulation } from "./model/population.js";
import { buildNetwork } from "./model/network.js";
import { demography } from "./model/demography.js";
import { siteEconomy } from "./model/siteEconomy.js";
import { collectiveAssets } from "./model/collective.js";
import { housingMaintenance } from "./model/housing.js";
import { training } from "./model/training.js";
import { labourMarket } from "./model/labourMarket.js";
import { income, primeIncome } from "./model/income.js";
import { integration } from "./model/integration.js";
import { residence } from "./model/residence.js";
import { poverty } from "./model/poverty.js";
import type { TidyRow } from "./results.js";

export interface SimulationOptions {
  /** Seed of this run (replicate). @default 1 */
  seed?: number;
  /** Replicate number recorded in the results. @default 0 */
  replicate?: number;
  /** county (default), province, national, or a number of households. */
  scale?: Scale;
}

/** The model's schedule, in order; each entry runs over every site. Timings use these names. */
export const SCHEDULE = ["demography", "siteEconomy", "training", "labourMarket", "income", "integration", "residence", "poverty", "collect"] as const;
export type Phase = (typeof SCHEDULE)[number];

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replicate: number;
  readonly households: number;
  /** The parameters in force at the current step (time expressions applied). */
  readonly params: Params;
  readonly state: State;
  /** Steps taken so far (0 before the first). */
  readonly stepsDone: number;
  readonly horizon: number;
  readonly done: boolean;
  /** Milliseconds spent in each phase so far. */
  readonly timings: Record<Phase | "schedule", number>;
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
}

/**
 * Create a simulation of a scenario at a scale with a seed. The scenario is validated first:
 * bad input throws an InputError naming the field, the value and what was expected.
 */
export function createSimulation(scenario: Scenario | Record<string, unknown>, options: SimulationOptions = {}): Simulation {
  const sc = checkScenario(scenario);
  if (sc.extends !== undefined) throw new InputError("scenario.extends", sc.extends, "a scenario resolved by @relocsim/scenarios (core runs resolved scenarios only)");
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InputError("seed", seed, "a whole number from 0 to 9007199254740991");
  const replicate = options.replicate ?? 0;
  if (!Number.isInteger(replicate) || replicate < 0) throw new InputError("replicate", replicate, "a whole number from 0");
  const households = resolveScale(options.scale);
  const { params, expressions } = resolveParams(sc.params ?? {}, undefined, "params");
  return new Engine(sc, params, expressions, seed, replicate, households);
}

class Engine implements Simulation {
  readonly state: State;
  readonly horizon: number;
  readonly timings: Record<Phase | "schedule", number>;
  stepsDone = 0;
  private readonly start: number;
  private readonly streams: Random[][];
  private readonly siteAcc: Float64Array;
  private readonly groupAcc: Float64Array;
  private readonly groupHist: Float64Array;
  private readonly groupOf = new Int32Array(3);
  /** values[(step * groups + g) * metrics + m] */
  private readonly values: Float64Array;
  private readonly metricRow = new Float64Array(METRICS.length);
  private ctx: StepContext;

  constructor(
    readonly scenario: Scenario,
    readonly params: Params,
    private readonly expressions: CompiledExpression[],
    readonly seed: number,
    readonly replicate: number,
    readonly households: number,
  ) {
    this.horizon = params.horizon.months;
    this.start = parseMonth(params.horizon.start);
    this.state = buildPopulation(params, households, seed);
    const S = this.state.sites;
    for (let s = 0; s < S.count; s++) buildNetwork(this.state, s, params.population.networkRewire, stream(seed, s, "network"));
    this.streams = PROCESSES.map((proc) => Array.from({ length: S.count }, (_, s) => stream(seed, s, proc)));
    this.siteAcc = new Float64Array(S.count * NF);
    this.groupAcc = new Float64Array(GROUPS.length * NF);
    this.groupHist = new Float64Array(GROUPS.length * BINS);
    this.values = new Float64Array(this.horizon * GROUPS.length * METRICS.length).fill(Number.NaN);
    this.timings = Object.fromEntries(["schedule", ...SCHEDULE].map((k) => [k, 0])) as Record<Phase | "schedule", number>;
    this.ctx = stepContext(params, timeScope(this.start, 0));
    primeIncome(params, this.ctx, this.state);
  }

  get done(): boolean {
    return this.stepsDone >= this.horizon;
  }

  step(): void {
    if (this.done) throw new InputError("step", this.stepsDone + 1, `at most ${this.horizon} steps (the horizon)`);
    const p = this.params;
    const st = this.state;
    const n = st.sites.count;
    const [, demo, econ, train, labour, coll, resid, pov] = this.streams as [Random[], Random[], Random[], Random[], Random[], Random[], Random[], Random[]];
    const t = this.timings;
    let t0 = performance.now();
    const lap = (phase: Phase | "schedule") => {
      const t1 = performance.now();
      t[phase] += t1 - t0;
      t0 = t1;
    };

    // 1. Policy schedule: time-varying parameters for this month, then the step's constants.
    const scope = timeScope(this.start, this.stepsDone);
    if (this.expressions.length) applyExpressions(p, this.expressions, "params", scope);
    const c = (this.ctx = stepContext(p, scope));
    lap("schedule");
    // 2. Demography: births, marriages, deaths, ageing; household growth against the area.
    for (let s = 0; s < n; s++) demography(p, c, st, s, demo[s]!);
    lap("demography");
    // 3. Site economy: jobs created and destroyed, support, services; collective assets; housing upkeep.
    for (let s = 0; s < n; s++) {
      siteEconomy(p, c, st, s, econ[s]!);
      collectiveAssets(p, c, st, s, coll[s]!);
      housingMaintenance(p, c, st, s);
    }
    lap("siteEconomy");
    // 4. Training.
    for (let s = 0; s < n; s++) training(p, c, st, s, train[s]!);
    lap("training");
    // 5. Labour market: separations, matching, migration, entrepreneurship, farming.
    for (let s = 0; s < n; s++) labourMarket(p, c, st, s, labour[s]!);
    lap("labourMarket");
    // 6. Income by source and spending.
    for (let s = 0; s < n; s++) income(p, c, st, s);
    lap("income");
    // 7. Integration.
    for (let s = 0; s < n; s++) integration(p, c, st, s);
    lap("integration");
    // 8. Residence decisions: sign, move in, stay, return, give up.
    for (let s = 0; s < n; s++) residence(p, c, st, s, resid[s]!);
    lap("residence");
    // 9. Poverty monitoring and relapse.
    for (let s = 0; s < n; s++) poverty(p, c, st, s, pov[s]!);
    lap("poverty");
    // 10. Collection.
    this.groupHist.fill(0);
    for (let s = 0; s < n; s++) collectSite(p, c, st, s, this.siteAcc, this.groupHist, this.groupOf);
    this.reduce(this.stepsDone);
    lap("collect");
    this.stepsDone++;
  }

  /** Sum site rows into groups in site order (fixed, so results never depend on workers). */
  private reduce(step: number): void {
    const G = GROUPS.length;
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
    const G = GROUPS.length;
    const M = METRICS.length;
    for (let step = 0; step < this.stepsDone; step++) {
      const date = formatMonth(this.start + step);
      for (let g = 0; g < G; g++) {
        for (let m = 0; m < M; m++) {
          const value = this.values[(step * G + g) * M + m]!;
          if (Number.isNaN(value)) continue;
          rows.push({ scenario: this.scenario.name, replicate: this.replicate, seed: this.seed, step: step + 1, date, group: GROUPS[g]!, metric: METRICS[m]!, value });
        }
      }
    }
    return rows;
  }

  metric(metric: string, group = "all", step = this.stepsDone): number {
    const m = (METRICS as readonly string[]).indexOf(metric);
    const g = (GROUPS as readonly string[]).indexOf(group);
    if (m < 0) throw new InputError("metric", metric, `one of ${METRICS.join(", ")}`);
    if (g < 0) throw new InputError("group", group, `one of ${GROUPS.join(", ")}`);
    if (!Number.isInteger(step) || step < 1 || step > this.stepsDone) throw new InputError("step", step, `a step from 1 to ${this.stepsDone}`);
    return this.values[((step - 1) * GROUPS.length + g) * METRICS.length + m]!;
  }

  summary(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    if (this.stepsDone === 0) return out;
    for (const g of GROUPS) {
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
