import type { Plan } from "./plan.js";
import type { ExperimentTask } from "./experimentTasks.js";
import { runTask, type TaskOutput } from "./runTask.js";
import { runOnTaskThreads } from "./workerPool.js";
import { taskPlanData } from "./taskThread.js";
import type { RunStore } from "./runStore.js";

export interface RunTasksOptions {
  /** Called after each run; `done` counts the tasks the store held already, `total` is the tasks given. */
  onProgress?: (progress: { done: number; total: number; seconds: number }) => void;
  /** No run starts after it aborts, runs under way are dropped, and runTasks rejects with its reason. */
  signal?: AbortSignal;
}

/**
 * Run those of `tasks` that `store` does not hold yet, on plan.workers threads (1: this
 * thread; more: worker threads of the process's pool, workerPool.ts), saving each output by
 * task index as it finishes: whichever runner ran a task and in whatever order, the store ends
 * up the same.
 */
export async function runTasks(plan: Plan, tasks: readonly ExperimentTask[], store: RunStore, options: RunTasksOptions = {}): Promise<void> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const todo = tasks.filter((t) => !store.has(t.index));
  let done = tasks.length - todo.length;
  const save = (task: ExperimentTask, output: TaskOutput) => {
    store.save(task.index, output);
    done++;
    onProgress?.({ done, total: tasks.length, seconds: (performance.now() - started) / 1000 });
  };
  signal?.throwIfAborted();
  if (plan.workers === 1) {
    for (const t of todo) {
      save(t, runTask(plan, t));
      // Let timers, output (a progress bar) and Ctrl-C run between runs.
      await new Promise((r) => setImmediate(r));
      signal?.throwIfAborted();
    }
  } else {
    await runOnTaskThreads(taskPlanData(plan), todo, plan.workers, (k, output) => save(todo[k]!, output), signal);
  }
}
