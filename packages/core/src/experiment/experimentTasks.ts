import type { Plan } from "./plan.js";
import type { ReplicateTask } from "./runReplicate.js";

/**
 * One run of an experiment, as every runner (this thread, worker threads, a shard of a batch
 * cluster) knows it: its index orders the results and names its stored run.
 */
export interface ExperimentTask extends ReplicateTask {
  /** Position in the experiment's task list: replicate × scenarios + scenario. */
  index: number;
  /** Name of the scenario (plan.scenarios[scenario]). */
  name: string;
}

/** Which part of an experiment's tasks one machine of a batch cluster runs: every `of`-th, from the `part`-th (1-based). */
export interface Shard {
  part: number;
  of: number;
}

/**
 * The tasks of a plan, replicate by replicate (every scenario of replicate 0, then of 1, …), so
 * that a run stopped early holds whole replicates; with `shard`, only the tasks whose index is
 * part − 1 modulo `of`, which spreads every scenario and replicate over the shards.
 */
export function experimentTasks(plan: Plan, shard?: Shard): ExperimentTask[] {
  const tasks: ExperimentTask[] = [];
  const S = plan.scenarios.length;
  for (let r = 0; r < plan.replications; r++) {
    for (let s = 0; s < S; s++) {
      const index = r * S + s;
      if (shard && index % shard.of !== shard.part - 1) continue;
      tasks.push({ index, scenario: s, name: plan.scenarios[s]!.name, replicate: r, seed: plan.seeds[r]! });
    }
  }
  return tasks;
}
