import { availableParallelism, totalmem } from "node:os";
import { InputError } from "./errors.js";
import { num } from "./params/spec.js";
import { checkLeaf } from "./params/checkLeaf.js";

/**
 * Named scales. `national` is the whole programme (2.66 million households, NDRC 2020);
 * `province` is about a fifth of it, the size of the largest provincial programmes
 * (assumption); `county` is a large county's programme (assumption).
 */
export const SCALES = { county: 10_000, province: 500_000, national: 2_660_000 } as const;
export type ScaleName = keyof typeof SCALES;
export type Scale = ScaleName | number;

/**
 * The scale of a run or experiment, declared once: experiment options, comparison files, the
 * --scale flag and createSimulation all check it by this spec.
 */
export const scaleSpec = num(SCALES.county, { min: 1, max: 50_000_000, integer: true, timeVarying: false, unit: "households", names: SCALES }, "experiment design", `Households simulated: ${Object.entries(SCALES).map(([k, n]) => `${k} (${n})`).join(", ")} or a number`);

/** Households for a scale name or count ("500" too); errors name the flag or field given as `field`. */
export function resolveScale(scale: Scale | string | undefined, field = "scale"): number {
  const v = typeof scale === "string" && /^\d+$/.test(scale) ? Number(scale) : (scale ?? scaleSpec.default);
  const r = checkLeaf(scaleSpec, v, field);
  if (r instanceof InputError) throw r;
  return r as number;
}

/**
 * Peak resident memory of one run, from `relocsim run scenarios/baseline.json --no-report`:
 * 272,672 KB at 20,000 households and 330,224 KB at 200,000 (Node 20, one thread), so
 * 327 bytes a household over a fixed 260 MB; a second thread added 127 MB at 20,000 (403,012
 * KB): the household columns are shared between threads, but each worker loads its own
 * copy of the code.
 */
const BYTES_PER_HOUSEHOLD = 327;
const BASE_BYTES = 260 * 2 ** 20;
const BYTES_PER_EXTRA_THREAD = 127 * 2 ** 20;
/** Share of the machine's memory a run may plan to use: above it the machine swaps, or the run dies late. */
const MEMORY_SHARE = 0.8;

/** Estimated peak memory in bytes of a simulation of `households` stepped by `threads` threads. */
export function estimateMemory(households: number, threads: number): number {
  return BASE_BYTES + households * BYTES_PER_HOUSEHOLD + (threads - 1) * BYTES_PER_EXTRA_THREAD;
}

export interface Machine {
  /** Bytes of memory. @default os.totalmem() */
  memory: number;
  /** CPUs available. @default os.availableParallelism() */
  cpus: number;
}

/**
 * Refuse, before anything is allocated, a run this machine cannot hold: more threads than
 * CPUs (they only take turns, and each costs memory), or an estimated peak memory above 80%
 * of the machine's. The message gives the estimate and the limit.
 */
export function checkFits(households: number, threads: number, fields = { scale: "scale", threads: "threads" }, machine: Machine = { memory: totalmem(), cpus: availableParallelism() }): void {
  if (threads > machine.cpus) throw new InputError(fields.threads, threads, `a whole number from 1 to ${machine.cpus} (the CPUs of this machine)`);
  const need = estimateMemory(households, threads);
  const limit = MEMORY_SHARE * machine.memory;
  if (need > limit) {
    throw new InputError(fields.scale, households, `a run that fits in memory: at most about ${Math.floor((limit - estimateMemory(0, threads)) / BYTES_PER_HOUSEHOLD).toLocaleString("en")} households here`, `${households.toLocaleString("en")} households on ${threads} thread${threads === 1 ? "" : "s"} need about ${gb(need)} GB, above ${Math.round(MEMORY_SHARE * 100)}% of this machine's ${gb(machine.memory)} GB`);
  }
}

/**
 * Peak resident memory of an experiment, from `/usr/bin/time -f %M npx tsx packages/cli/src/main.ts
 * compare scenarios/example-comparison.json --replications 2 --no-report -q` (8 runs, Node 20):
 * 220,036 KB with --workers 1 and 382,948 KB with --workers 2 at --scale 20000; 654,780 KB and
 * 908,968 KB at --scale 200000. So each worker beyond the first adds 149 MB (its own copy of
 * the code and heap) and 519 bytes a household (its own population); the rest, 18.5 MB and
 * 1,954 bytes a household, is the first run's (runs one after another leave populations for
 * the garbage collector, so an experiment holds more a household than one run). Kept values
 * held in memory (no run store on disk) add 8 bytes each.
 */
const EXPERIMENT_BASE_BYTES = 18.5 * 2 ** 20;
const EXPERIMENT_BYTES_PER_HOUSEHOLD = 1954;
const BYTES_PER_EXTRA_WORKER = 149 * 2 ** 20;
const BYTES_PER_HOUSEHOLD_PER_EXTRA_WORKER = 519;

/** Estimated peak memory in bytes of an experiment of `households` on `workers` workers holding `keptValues` values in memory. */
export function estimateExperimentMemory(households: number, workers: number, keptValues = 0): number {
  return EXPERIMENT_BASE_BYTES + households * EXPERIMENT_BYTES_PER_HOUSEHOLD + (workers - 1) * (BYTES_PER_EXTRA_WORKER + households * BYTES_PER_HOUSEHOLD_PER_EXTRA_WORKER) + keptValues * 8;
}

/**
 * Refuse, before any run starts, an experiment this machine cannot hold: `workers` runs at
 * once, each with its own population, plus the values kept in memory. The message gives the
 * estimate and the limit.
 */
export function checkExperimentFits(households: number, workers: number, keptValues = 0, machine: Machine = { memory: totalmem(), cpus: availableParallelism() }): void {
  const need = estimateExperimentMemory(households, workers, keptValues);
  const limit = MEMORY_SHARE * machine.memory;
  if (need <= limit) return;
  const room = limit - estimateExperimentMemory(0, workers, keptValues);
  const most = Math.max(0, Math.floor(room / (EXPERIMENT_BYTES_PER_HOUSEHOLD + (workers - 1) * BYTES_PER_HOUSEHOLD_PER_EXTRA_WORKER)));
  const kept = keptValues ? ` and ${keptValues.toLocaleString("en")} kept values in memory (${gb(keptValues * 8)} GB)` : "";
  throw new InputError(
    "scale",
    households,
    most > 0 ? `an experiment that fits in memory: at most about ${most.toLocaleString("en")} households with ${workers} worker${workers === 1 ? "" : "s"} here` : "an experiment that fits in memory: its kept values alone do not fit here",
    `${households.toLocaleString("en")} households on ${workers} worker${workers === 1 ? "" : "s"}${kept} need about ${gb(need)} GB, above ${Math.round(MEMORY_SHARE * 100)}% of this machine's ${gb(machine.memory)} GB; use fewer workers, a smaller scale${keptValues ? ", fewer kept steps, groups or metrics, or a run store on disk" : ""}`,
  );
}

function gb(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(1);
}
