import type { Machine } from "./machine.ts";
import type { NationalResult } from "../pieces/national.ts";
import type { ReplicationsResult } from "../pieces/replications.ts";
import type { CoreLoopResult } from "../pieces/coreLoop.ts";
import type { HeapResult } from "../pieces/heap.ts";
import type { BandwidthResult } from "../pieces/bandwidth.ts";
import type { StreamingResult } from "../pieces/streaming.ts";
import type { Agreement } from "./stats.ts";
import type { Mode } from "./plan.ts";

/** bench/results/latest.json */
export interface BenchReport {
  schema: "relocsim-bench/1";
  date: string;
  mode: Mode;
  argv: string[];
  machine: Machine;
  git: { commit: string; dirty: boolean } | null;
  durationMs: number;
  /** 1-minute load average when the bench ended (see machine.loadAverage1m for the start). */
  loadAverage1mAtEnd: number;
  /** The fastest national run (see nationalRuns for every thread count). */
  national?: NationalRun;
  nationalRuns?: NationalRun[];
  bandwidth?: BandwidthResult;
  replications?: ReplicationsResult;
  baselines?: BaselinesReport;
  heap?: HeapReport;
  streaming?: StreamingReport;
  checks: Check[];
}

export type NationalRun = NationalResult & { processPeakRssBytes: number; processMs: number };

export interface ScaleComparison {
  label: string;
  households: number;
  persons: number;
  agents: number;
  sites: number;
  /** Mean milliseconds per month of the core loop (median over seeds). */
  msPerStep: { engine: number; objects: number; flocc: number };
  /** baseline ÷ engine: how many times faster the engine is. */
  speedup: { objects: number; flocc: number };
  /** Process peak RSS of each implementation's child (population build + its own copy). */
  peakRssBytes: { engine: number; objects: number; flocc: number };
  runs: { engine: CoreLoopResult; objects: CoreLoopResult; flocc: CoreLoopResult };
}

export interface BaselinesReport {
  description: string;
  scales: ScaleComparison[];
  agreement: {
    scale: string;
    seeds: number;
    steps: number;
    objects: Agreement[];
    flocc: Agreement[];
    allAgree: boolean;
  };
}

export interface HeapReport {
  runs: HeapResult[];
  /** Median allocation per step of the larger population ÷ that of the smaller (per-agent allocation would give the population ratio). */
  allocationGrowth: number;
  populationRatio: number;
}

export interface Check {
  name: string;
  target: string;
  value: string;
  pass: boolean;
}

/** compare writing metrics.csv and metrics.parquet at growing numbers of runs (pieces/streaming.ts). */
export interface StreamingReport {
  /** One per number of runs, ascending; the first is the floor (2 runs). */
  runs: Array<StreamingResult & { processPeakRssBytes: number }>;
  /** Peak RSS of each ÷ the floor's. */
  rssOverFloor: number[];
  /** Peak RSS at the most runs ÷ at the next most (flat memory: about 1 for 10× the runs). */
  growth: number;
}
