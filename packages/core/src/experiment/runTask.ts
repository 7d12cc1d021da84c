import type { Plan } from "./plan.js";
import { runReplicate, type ReplicateTask, type ReplicateValues } from "./runReplicate.js";

/** What a task leaves: its kept outcomes as one compact array (the run store's unit). */
export type TaskOutput = ReplicateValues;

/** What running a task needs of its plan: all a worker receives. */
export type TaskPlan = Pick<Plan, "scenarios" | "households" | "selection">;

/** Run one task of a plan: the one way every runner (thread, worker, shard) runs it. */
export function runTask(plan: TaskPlan, task: ReplicateTask): TaskOutput {
  return runReplicate(plan.scenarios[task.scenario]!, task, plan.households, plan.selection);
}
