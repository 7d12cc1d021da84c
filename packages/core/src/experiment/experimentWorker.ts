import { parentPort, workerData } from "node:worker_threads";
import { fromScenarioData } from "../resolvedScenario.js";
import type { ReplicateTask } from "./runReplicate.js";
import { runTask, type TaskPlan } from "./runTask.js";
import type { TaskPlanData } from "./taskThread.js";

/**
 * A worker thread of experiments: it runs (scenario, replicate) tasks one at a time and sends
 * back each run's compact values. Its plan (the experiment's resolved scenarios, checked
 * nothing again) comes in workerData (startTaskThread: a thread of one plan), or in a
 * `{plan}` message that replaces the one it had: the threads of the process's pool
 * (workerPool.ts) go from one experiment to the next.
 */
let plan: TaskPlan | undefined;
let planError: string | undefined;

const setPlan = (d: TaskPlanData) => {
  try {
    plan = { scenarios: d.scenarios.map(fromScenarioData), households: d.households, selection: d.selection };
    planError = undefined;
  } catch (e) {
    plan = undefined;
    planError = (e as Error).stack ?? String(e);
  }
};
const given = workerData as TaskPlanData | null | undefined;
if (given?.scenarios) setPlan(given);

parentPort!.on("message", (msg: { index: number; task: ReplicateTask } | { plan: TaskPlanData } | "stop") => {
  if (msg === "stop") {
    parentPort!.close();
    return;
  }
  if ("plan" in msg) return setPlan(msg.plan);
  try {
    if (!plan) throw new Error(planError ?? "no plan was sent before the task");
    const r = runTask(plan, msg.task);
    parentPort!.postMessage({ index: msg.index, values: r.values, sites: r.sites }, [r.values.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ index: msg.index, error: (e as Error).stack ?? String(e) });
  }
});
