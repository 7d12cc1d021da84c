import { InputError } from "../errors.js";
import type { TidyRow } from "../results/tidyRow.js";
import type { OutcomeSelection } from "./outcomeSelection.js";
import { pairedDifference, type PairedDifference } from "./pairedDifference.js";
import type { RunStore } from "./runStore.js";
import type { EffectRow } from "./effectRow.js";
import { withCosts } from "./costEffectiveness.js";
import type { Plan } from "./plan.js";
import type { Experiment, ScenarioInfo } from "./experiment.js";

/**
 * An experiment's results from the outputs of its tasks, read from `store` in task order: the
 * same results whichever runner filled the store (this thread, worker threads, merged shards).
 * Every task of the plan must be stored.
 */
export function assembleExperiment(plan: Plan, store: RunStore, run: { workers: number; seconds: number }): Experiment {
  return new Results(plan, store, run.workers, run.seconds);
}

/** Values of runs read at once when effects are computed (two scenarios' slices): 32 MB, however many runs. */
const EFFECT_CHUNK_VALUES = 4 << 20;

/** An experiment's results, read from its run store (never all runs in memory at once unless the store holds them so). */
class Results implements Experiment {
  readonly baseline: string;
  readonly scenarios: ScenarioInfo[];
  readonly replications: number;
  readonly seed: number;
  readonly seeds: number[];
  readonly households: number;
  readonly horizon: { start: string; months: number };
  readonly selection: OutcomeSelection;
  readonly sites: Record<string, number> = {};
  private cachedRows?: TidyRow[];
  private cachedEffects?: EffectRow[];

  constructor(
    plan: Plan,
    private readonly store: RunStore,
    readonly workers: number,
    readonly seconds: number,
  ) {
    this.baseline = plan.scenarios[0]!.name;
    this.scenarios = plan.scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, paperSections: [...s.paperSections] }));
    this.replications = plan.replications;
    this.seed = plan.seed;
    this.seeds = plan.seeds;
    this.households = plan.households;
    this.horizon = plan.horizon;
    this.selection = plan.selection;
    // The sites of a scenario's population, as its last replicate had them.
    this.scenarios.forEach((s, i) => (this.sites[s.name] = store.sites(this.run(i, plan.replications - 1))));
  }

  /** Task index of (scenario, replicate): tasks go replicate by replicate. */
  private run(s: number, r: number): number {
    return r * this.scenarios.length + s;
  }

  private scenarioIndex(scenario: string): number {
    const s = this.scenarios.findIndex((x) => x.name === scenario);
    if (s < 0) throw new InputError("scenario", scenario, `one of ${this.scenarios.map((x) => x.name).join(", ")}`);
    return s;
  }

  private stepIndex(step: number): number {
    const k = this.selection.steps.indexOf(step);
    if (k < 0) throw new InputError("step", step, `one of the kept steps ${this.selection.steps.join(", ")}`);
    return k;
  }

  value(scenario: string, replicate: number, metric: string, group = "all", step = this.horizon.months): number {
    const s = this.scenarioIndex(scenario);
    const { groups, metrics } = this.selection;
    const g = groups.indexOf(group);
    const m = metrics.indexOf(metric);
    if (!Number.isInteger(replicate) || replicate < 0 || replicate >= this.replications) throw new InputError("replicate", replicate, `a replicate from 0 to ${this.replications - 1}`);
    if (m < 0) throw new InputError("metric", metric, `one of the kept metrics ${metrics.join(", ")}`);
    if (g < 0) throw new InputError("group", group, `one of the kept groups ${groups.join(", ")}`);
    const c = (this.stepIndex(step) * groups.length + g) * metrics.length + m;
    return this.store.read(this.run(s, replicate), c, c + 1)[0]!;
  }

  stepValues(scenario: string, step = this.horizon.months): Float64Array[] {
    const s = this.scenarioIndex(scenario);
    const width = this.selection.groups.length * this.selection.metrics.length;
    const from = this.stepIndex(step) * width;
    return Array.from({ length: this.replications }, (_, r) => this.store.read(this.run(s, r), from, from + width));
  }

  *rows(): IterableIterator<TidyRow> {
    const { steps, dates, groups, metrics } = this.selection;
    for (let s = 0; s < this.scenarios.length; s++) {
      const scenario = this.scenarios[s]!.name;
      for (let r = 0; r < this.replications; r++) {
        const seed = this.seeds[r]!;
        const values = this.store.read(this.run(s, r));
        let c = 0;
        for (let k = 0; k < steps.length; k++) {
          for (let g = 0; g < groups.length; g++) {
            for (let m = 0; m < metrics.length; m++) {
              const value = values[c++]!;
              if (Number.isNaN(value)) continue;
              yield { scenario, replicate: r, seed, step: steps[k]!, date: dates[k]!, group: groups[g]!, metric: metrics[m]!, value };
            }
          }
        }
      }
    }
  }

  get metrics(): TidyRow[] {
    return (this.cachedRows ??= [...this.rows()]);
  }

  get effects(): EffectRow[] {
    return (this.cachedEffects ??= withCosts(this.computeEffects()));
  }

  /**
   * Each scenario against the baseline, cell by cell. The cells are taken a slice at a time
   * from every replicate of the two scenarios, so the memory this needs does not grow with
   * the number of runs; rows come out in order scenario → group → metric → step.
   */
  private computeEffects(): EffectRow[] {
    const { steps, dates, groups, metrics } = this.selection;
    const R = this.replications;
    const G = groups.length;
    const M = metrics.length;
    const cells = steps.length * G * M;
    const chunk = Math.max(1, Math.floor(EFFECT_CHUNK_VALUES / (2 * R)));
    const rows: EffectRow[] = [];
    const b = new Float64Array(R);
    const x = new Float64Array(R);
    for (let s = 1; s < this.scenarios.length; s++) {
      const byCell = new Array<PairedDifference>(cells);
      for (let from = 0; from < cells; from += chunk) {
        const to = Math.min(cells, from + chunk);
        const base = Array.from({ length: R }, (_, r) => this.store.read(this.run(0, r), from, to));
        const other = Array.from({ length: R }, (_, r) => this.store.read(this.run(s, r), from, to));
        for (let c = from; c < to; c++) {
          for (let r = 0; r < R; r++) {
            b[r] = base[r]![c - from]!;
            x[r] = other[r]![c - from]!;
          }
          byCell[c] = pairedDifference(b, x);
        }
      }
      for (let g = 0; g < G; g++) {
        for (let m = 0; m < M; m++) {
          for (let k = 0; k < steps.length; k++) {
            const d = byCell[(k * G + g) * M + m]!;
            if (d.n === 0) continue;
            rows.push({ scenario: this.scenarios[s]!.name, baseline: this.baseline, group: groups[g]!, metric: metrics[m]!, step: steps[k]!, date: dates[k]!, ...d });
          }
        }
      }
    }
    return rows;
  }
}
