import { parentPort, workerData } from "node:worker_threads";
import { fromScenarioData, type ScenarioData } from "../resolvedScenario.js";
import type { OutcomeSelection } from "./outcomeSelection.js";
import type { ReplicateTask } from "./runReplicate.js";
import { runTask, type TaskPlan } from "./runTask.js";

/**
 * A worker thread of an experiment: it receives the experiment's resolved scenarios once
 * (recompiling their time expressions, checking nothing again), then runs (scenario,
 * replicate) tasks one at a time and sends back each run's compact values.
 */
const d = workerData as { scenarios: ScenarioData[]; households: number; selection: OutcomeSelection };
const plan: TaskPlan = { scenarios: d.scenarios.map(fromScenarioData), households: d.households, selection: d.selection };

parentPort!.on("message", (msg: { index: number; task: ReplicateTask } | "stop") => {
  if (msg === "stop") {
    parentPort!.close();
    return;
  }
  try {
    const r = runTask(plan, msg.task);
    parentPort!.postMessage({ index: msg.index, values: r.values, sites: r.sites }, [r.values.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ index: msg.index, error: (e as Error).stack ?? String(e) });
  }
});
