import type { ReplicateValues } from "./runReplicate.js";

/**
 * Where an experiment keeps its finished runs, by task index (replicate × scenarios +
 * scenario): in memory (memoryRunStore, the library's default), or as files in a results
 * directory (results/runFiles.ts), so that an interrupted experiment continues where it
 * stopped and its memory stays flat however many runs it has. Whatever the store, results
 * are read back from it the same way, so they are identical.
 */
export interface RunStore {
  /** True if the run of task `index` is stored already (runExperiment skips it). */
  has(index: number): boolean;
  save(index: number, run: ReplicateValues): void;
  /** The values [from, to) of a stored run (ReplicateValues.values layout); the whole run by default. */
  read(index: number, from?: number, to?: number): Float64Array;
  /** Sites of the run's population. */
  sites(index: number): number;
}

/** Every run held in memory as its compact Float64Array. */
export function memoryRunStore(): RunStore {
  const runs = new Map<number, ReplicateValues>();
  const get = (index: number) => {
    const run = runs.get(index);
    if (!run) throw new RangeError(`run ${index} of the experiment is not stored`);
    return run;
  };
  return {
    has: (index) => runs.has(index),
    save: (index, run) => void runs.set(index, run),
    read: (index, from = 0, to) => get(index).values.subarray(from, to),
    sites: (index) => get(index).sites,
  };
}
