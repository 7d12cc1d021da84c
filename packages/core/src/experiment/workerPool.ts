import type { Worker } from "node:worker_threads";
import { startWorker } from "../kernel/startWorker.js";

/**
 * Run tasks on a pool of worker threads that each load `entry` (a module of this package, named
 * as its compiled .js file: see startWorker) with `workerData`. A worker answers
 * `{index, ...result}` or `{index, error}` for each `{index, task}` it is sent. Results are
 * handed to `onResult` by task index, so the caller stores them by index and the order in which
 * workers finish never matters.
 */
export function runWorkerPool<T, R>(
  entry: URL,
  workerData: Record<string, unknown>,
  tasks: readonly T[],
  workers: number,
  onResult: (index: number, result: R) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => {
      for (const w of pool) void w.terminate();
    };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      stop();
      reject(e);
    };
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        const index = next++;
        w.postMessage({ index, task: tasks[index] });
      }
    };
    if (tasks.length === 0) return resolve();
    const n = Math.max(1, Math.min(workers, tasks.length));
    for (let k = 0; k < n; k++) {
      const w = startWorker(entry, workerData);
      // The pool keeps the process alive while runs are outstanding (startWorker unrefs).
      w.ref();
      pool.push(w);
      w.on("message", (msg: { index: number; error?: string } & R) => {
        if (failed) return;
        if (msg.error !== undefined) return fail(new Error(`experiment worker failed on task ${msg.index}: ${msg.error}`));
        try {
          onResult(msg.index, msg);
        } catch (e) {
          return fail(e as Error);
        }
        done++;
        if (done === tasks.length) {
          stop();
          resolve();
        } else feed(w);
      });
      w.on("error", (e) => fail(e));
      w.on("exit", (code) => {
        if (!failed && done < tasks.length) fail(new Error(`experiment worker stopped (exit code ${code}) before the experiment finished`));
      });
      feed(w);
    }
  });
}
