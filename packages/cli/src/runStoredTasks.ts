import type { ExperimentTask, Plan } from "@relocsim/core/engine";
import type { RunFiles } from "@relocsim/core/results";
import { displayPath } from "@relocsim/scenarios";
import type { TaskRunner } from "./cluster/taskRunner.js";
import { progressBar } from "./progress.js";

/**
 * Run an experiment's tasks into its results directory's run files, as every experiment command
 * does: a progress bar (workers seen on a cluster, time left), each finished run kept at once.
 * Ctrl-C starts no new run: the finished ones stay, the directory is marked partial and the
 * answer is "interrupted" (the command exits 130; run again, it continues). A failure (a task,
 * Redis lost) marks the directory partial too, and is thrown on.
 */
export async function runStoredTasks(
  runner: TaskRunner, plan: Plan, tasks: readonly ExperimentTask[], store: RunFiles, o: { label: string; results: { path: string }; quiet?: boolean },
): Promise<"done" | "interrupted"> {
  const runs = tasks.length;
  const bar = progressBar(o.label, runs, "runs", { from: store.resumed, quiet: o.quiet });
  let done = store.resumed;
  bar.update(done);
  // Ctrl-C: no new run starts, the finished ones stay; a second Ctrl-C ends at once.
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  try {
    const onProgress = (p: { done: number; workers?: number }) => bar.update((done = p.done), p.workers === undefined ? undefined : `${p.workers} worker${p.workers === 1 ? "" : "s"} seen`);
    await runner.run(plan, tasks, store, { signal: stop.signal, onProgress });
  } catch (e) {
    store.markPartial(done);
    if (!stop.signal.aborted) throw e;
    bar.done();
    process.stderr.write(`interrupted: ${done} of ${runs} runs done, kept in ${displayPath(o.results.path)} (marked partial); run the same command again to finish the rest\n`);
    return "interrupted";
  } finally {
    process.removeListener("SIGINT", interrupt);
  }
  bar.done();
  return "done";
}
