import type { Worker } from "node:worker_threads";
import { startWorker } from "../kernel/startWorker.js";
import { scenarioData, type ScenarioData } from "../resolvedScenario.js";
import type { OutcomeSelection } from "./outcomeSelection.js";
import type { TaskPlan } from "./runTask.js";

/** A task plan as data (structured-cloneable, and what v8.serialize keeps exactly): what a task thread receives. */
export interface TaskPlanData {
  scenarios: ScenarioData[];
  households: number;
  selection: OutcomeSelection;
}

/** The data of a plan that task threads receive (its scenarios without compiled expressions). */
export function taskPlanData(plan: TaskPlan): TaskPlanData {
  return { scenarios: plan.scenarios.map(scenarioData), households: plan.households, selection: plan.selection };
}

/**
 * A worker thread running tasks of one plan with runTask: the same thread local experiments
 * use (experimentWorker). Send it `{index, task}`; it answers `{index, values, sites}` or
 * `{index, error}`; "stop" ends it. For runners outside this package (the CLI's Redis worker).
 */
export function startTaskThread(data: TaskPlanData): Worker {
  return startWorker(new URL("./experimentWorker.js", import.meta.url), { ...data });
}
