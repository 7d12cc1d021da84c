import { createSimulation } from "../../packages/core/src/index.ts";
import { KeyedStream } from "../../packages/core/src/kernel/random.ts";
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

/**
 * The engine's draws per household in each month of the national bench's scenario and seed:
 * every keyed source the engine's processes draw from (kernel/random.ts `KeyedStream`) counts
 * its draws (`draw(id)` and each call of what `at(id)` returns) while a run of `households`
 * households is built and stepped on one thread. Draws per household do not depend on the scale
 * (sites keep their size at every scale), so a run at a fraction of the households gives the
 * lean loop its counts (pieces/national.ts).
 */
export function runDraws(o: DrawsOptions): DrawsResult {
  const proto = KeyedStream.prototype as unknown as { at(id: number): () => number; draw(id: number): number };
  const { at, draw } = proto;
  let n = 0;
  proto.at = function (this: KeyedStream, id: number) {
    const next = at.call(this, id);
    return () => (n++, next());
  };
  proto.draw = function (this: KeyedStream, id: number) {
    n++;
    return draw.call(this, id);
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
    if (n === 0) throw new Error("no draw counted: the engine no longer draws through KeyedStream (update bench/pieces/draws.ts)");
    return { households: sim.households, perHousehold };
  } finally {
    proto.at = at;
    proto.draw = draw;
  }
}
