import { keyed, type KeyedStream } from "../../packages/core/src/kernel/random.ts";
import { BINS } from "../../packages/core/src/kernel/histogram.ts";
import { F, GROUPS, NF, collectSite } from "../../packages/core/src/model/collect.ts";
import { labourMarket } from "../../packages/core/src/model/labourMarket.ts";
import { income } from "../../packages/core/src/model/income.ts";
import { integration } from "../../packages/core/src/model/integration.ts";
import { coreContext, type CoreOutcomes, type CoreSetup } from "./coreSetup.ts";

export interface CoreTimings {
  /** Milliseconds per phase, summed over the steps. */
  phases: Record<string, number>;
  /** Milliseconds of each step (all phases). */
  steps: number[];
}

/**
 * The engine's core loop: its own labourMarket, income and integration processes over every
 * site, then its own per-site collection (collectSite, which sums 35 fields and an income
 * histogram: more than the baselines' collectors compute, so the ratio errs against the engine).
 */
export class EngineCore {
  private readonly draws: KeyedStream[];
  private readonly acc: Float64Array;
  private readonly hist = new Float64Array(GROUPS.length * BINS);
  private readonly groups = new Int32Array(3);
  readonly timings: CoreTimings = { phases: { labourMarket: 0, income: 0, integration: 0, collect: 0 }, steps: [] };
  outcomes: CoreOutcomes = { employment_rate: NaN, per_capita_income: NaN, integration_index: NaN };
  private k = 0;

  constructor(private readonly setup: CoreSetup) {
    const n = setup.sim.state.sites.count;
    // Keyed sources of their own (the warm-up used the engine's): labour, layoff and search draws.
    this.draws = ["labour", "layoff", "search"].map((name) => keyed(setup.sim.seed, `bench-core-${name}`));
    this.acc = new Float64Array(n * NF);
  }

  step(): void {
    const { params: p, sim } = this.setup;
    const st = sim.state;
    const n = st.sites.count;
    for (const d of this.draws) d.step(this.k);
    const c = coreContext(this.setup, this.k++);
    const ph = this.timings.phases;
    const t0 = performance.now();
    const [labour, layoff, search] = this.draws as [KeyedStream, KeyedStream, KeyedStream];
    for (let s = 0; s < n; s++) labourMarket(p, c, st, s, labour, layoff, search);
    const t1 = performance.now();
    for (let s = 0; s < n; s++) income(p, c, st, s);
    const t2 = performance.now();
    for (let s = 0; s < n; s++) integration(p, c, st, s);
    const t3 = performance.now();
    this.hist.fill(0);
    for (let s = 0; s < n; s++) collectSite(p, c, st, s, this.acc, this.hist, this.groups);
    let lf = 0, employed = 0, inc = 0, persons = 0, integ = 0, residents = 0;
    const acc = this.acc;
    for (let s = 0; s < n; s++) {
      const a = s * NF;
      lf += acc[a + F.labourForce]!;
      employed += acc[a + F.employed]!;
      inc += acc[a + F.income12]!;
      persons += acc[a + F.persons]!;
      integ += acc[a + F.intEcon]! + acc[a + F.intSocial]! + acc[a + F.intPsych]!;
      residents += acc[a + F.resident]!;
    }
    this.outcomes = { employment_rate: employed / lf, per_capita_income: inc / persons, integration_index: integ / (3 * residents) };
    const t4 = performance.now();
    ph.labourMarket! += t1 - t0;
    ph.income! += t2 - t1;
    ph.integration! += t3 - t2;
    ph.collect! += t4 - t3;
    this.timings.steps.push(t4 - t0);
  }
}
