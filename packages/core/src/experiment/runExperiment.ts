import { checkExperimentFits } from "../scale.js";
import { memoryRunStore } from "./runStore.js";
import { experimentTasks } from "./experimentTasks.js";
import { runTasks } from "./runTasks.js";
import { prestartTaskThreads } from "./workerPool.js";
import { assembleExperiment } from "./assembleExperiment.js";
import { checkExperimentOptions, experimentSpec } from "./experimentSpec.js";
import { planExperiment, type ExperimentOptions } from "./plan.js";
import type { Experiment } from "./experiment.js";

export type { ExperimentOptions } from "./plan.js";
export type { Experiment, ScenarioInfo } from "./experiment.js";

/**
 * Run every scenario with the same replicate seeds, on worker threads, and compare each with
 * the baseline. Replicate r of every scenario uses seed `replicateSeed(seed, r)`, and every
 * draw of the engine is keyed by (seed, process, month, entity, draw), so a policy that changes
 * one household's choices leaves every other person's, household's and site's draws alone: the
 * paired differences are mostly policy, not noise.
 * Runs are stored by (scenario, replicate), so results are identical for any number of workers.
 * Every scenario is validated before anything runs; bad input throws InputErrors.
 */
export async function runExperiment(options: ExperimentOptions): Promise<Experiment> {
  const started = performance.now();
  // Worker threads load their modules while this thread resolves the scenarios.
  prestartTaskThreads(threadsAskedFor(options));
  // The path every runner shares: plan → tasks → run each → results in task order.
  const plan = planExperiment(options);
  const tasks = experimentTasks(plan);
  const { selection } = plan;
  // Without a store on disk every kept value stays in memory: count it before running.
  if (!options.store) checkExperimentFits(plan.households, plan.workers, tasks.length * selection.steps.length * selection.groups.length * selection.metrics.length);
  const store = options.store ?? memoryRunStore();
  await runTasks(plan, tasks, store, { onProgress: options.onProgress, signal: options.signal });
  return assembleExperiment(plan, store, { workers: plan.workers, seconds: (performance.now() - started) / 1000 });
}

/** The worker threads an experiment's options ask for: 0 if it runs on this thread or its options are wrong (planExperiment says how). */
function threadsAskedFor(options: ExperimentOptions): number {
  if (typeof options !== "object" || options === null || !Array.isArray(options.scenarios)) return 0;
  const set = checkExperimentOptions(options, []);
  const d = experimentSpec.fields;
  const scenarios = options.scenarios.length + (options.baseline !== undefined && typeof options.baseline !== "string" ? 1 : 0);
  const threads = Math.min(set.workers ?? d.workers.default, (set.replications ?? d.replications.default) * scenarios);
  return threads > 1 ? threads : 0;
}

