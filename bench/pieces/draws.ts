import { createRequire } from "node:module";
import { createSimulation } from "../../packages/core/src/index.ts";
import { benchScenario } from "../lib/scenario.ts";

export interface DrawsOptions {
  households: number;
  steps?: number;
  seed?: number;
}

export interface DrawsResult {
  households: number;
  /** Uniform draws per household in each month (0-based steps). */
  perHousehold: number[];
}

type Alea = (...args: unknown[]) => (() => number) & { state(): unknown };

/**
 * The engine's draws per household in each month of the national bench's scenario and seed:
 * every stream the engine creates (kernel/random.ts `stream`: seedrandom's alea) is wrapped in
 * a counter while a run of `households` households is built and stepped on one thread. Draws
 * per household do not depend on the scale (sites keep their size at every scale), so a run at
 * a fraction of the households gives the lean loop its counts (pieces/national.ts).
 */
export function runDraws(o: DrawsOptions): DrawsResult {
  const seedrandom = createRequire(new URL("../../packages/core/package.json", import.meta.url))("seedrandom") as { alea: Alea };
  const alea = seedrandom.alea;
  let n = 0;
  seedrandom.alea = (...args: unknown[]) => {
    const g = alea(...args);
    return Object.assign(() => (n++, g()), { state: () => g.state() });
  };
  try {
    const sim = createSimulation(benchScenario("historical").scenario, { seed: o.seed ?? 1, scale: o.households });
    const steps = Math.min(o.steps ?? sim.horizon, sim.horizon);
    const perHousehold: number[] = [];
    for (let k = 0; k < steps; k++) {
      const before = n;
      sim.step();
      perHousehold.push((n - before) / sim.households);
    }
    if (n === 0) throw new Error("no draw counted: the engine no longer draws through seedrandom.alea (update bench/pieces/draws.ts)");
    return { households: sim.households, perHousehold };
  } finally {
    seedrandom.alea = alea;
  }
}
