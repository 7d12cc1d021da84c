import type { NationalOptions } from "../pieces/national.ts";
import type { ReplicationsOptions } from "../pieces/replications.ts";
import type { BandwidthOptions } from "../pieces/bandwidth.ts";
import type { StreamingOptions } from "../pieces/streaming.ts";
import { availableParallelism } from "node:os";

export const PIECES = ["national", "bandwidth", "replications", "baselines", "heap", "streaming"] as const;
export type PieceName = (typeof PIECES)[number];
export type Mode = "full" | "quick" | "smoke";

export interface CoreScale {
  /** Label in the report: county, province, … */
  label: string;
  households: number;
  seeds: number[];
  warmup: number;
  /** Steps per implementation (flocc may run fewer at large scale; figures are per step). */
  steps: { engine: number; objects: number; flocc: number };
}

export interface Plan {
  mode: Mode;
  /** One run per thread count (the engine's `threads` option); the engine's draws are counted first at `drawsHouseholds`. */
  national: Omit<NationalOptions, "threads" | "draws"> & { threads: number[]; drawsHouseholds: number };
  replications: ReplicationsOptions;
  /** The first scale also checks agreement (several seeds); all give speed ratios. */
  baselines: CoreScale[];
  /** Two populations, the second larger: allocation inside a step that grew with it would be per-agent. */
  heap: { households: [number, number]; steps?: number };
  bandwidth: BandwidthOptions;
  /** compare at these numbers of runs, each in a process of its own; the first (2 runs) is the floor the others are set beside. */
  streaming: Omit<StreamingOptions, "runs"> & { runs: number[] };
}

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** What each mode runs. full: the figures; quick: the same pieces in about a minute; smoke: the test suite's tiny run. */
export function plan(mode: Mode, threads: number[] = [...new Set([1, availableParallelism()])]): Plan {
  switch (mode) {
    case "full":
      return {
        mode,
        // Draws counted at 1/20 of the households (pieces/draws.ts).
        national: { households: 2_660_000, threads, drawsHouseholds: 133_000 },
        replications: { households: 10_000, replications: [10, 100], workers: [1, 2] },
        baselines: [
          { label: "county", households: 10_000, seeds: seeds(10), warmup: 48, steps: { engine: 24, objects: 24, flocc: 24 } },
          // flocc takes about a minute a month here (and as long again to build its agents).
          { label: "province", households: 500_000, seeds: [1], warmup: 48, steps: { engine: 12, objects: 6, flocc: 1 } },
        ],
        heap: { households: [10_000, 40_000] },
        bandwidth: { repeats: 5 },
        streaming: { households: 20, workers: 2, runs: [2, 500, 5000] },
      };
    case "quick":
      return {
        mode,
        national: { households: 200_000, threads, drawsHouseholds: 20_000 },
        replications: { households: 10_000, replications: [10], workers: [1, 2] },
        baselines: [
          { label: "county", households: 10_000, seeds: seeds(4), warmup: 48, steps: { engine: 12, objects: 12, flocc: 12 } },
          { label: "province/10", households: 50_000, seeds: [1], warmup: 48, steps: { engine: 6, objects: 6, flocc: 2 } },
        ],
        heap: { households: [10_000, 40_000], steps: 36 },
        bandwidth: { repeats: 3 },
        streaming: { households: 20, workers: 2, runs: [2, 50, 500] },
      };
    case "smoke":
      return {
        mode,
        national: { households: 200, steps: 3, threads: threads.slice(0, 1), drawsHouseholds: 200 },
        replications: { households: 200, replications: [2, 4], workers: [1, 2], steps: 3, repeats: 1 },
        baselines: [
          { label: "tiny", households: 200, seeds: seeds(2), warmup: 3, steps: { engine: 3, objects: 3, flocc: 3 } },
          { label: "tiny+", households: 300, seeds: [1], warmup: 3, steps: { engine: 2, objects: 2, flocc: 2 } },
        ],
        heap: { households: [200, 800], steps: 3 },
        bandwidth: { repeats: 1 },
        streaming: { households: 20, workers: 1, months: 3, runs: [2, 4] },
      };
  }
}
