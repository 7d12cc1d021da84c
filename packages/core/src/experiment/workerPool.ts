import { clearTimeout, setTimeout } from "node:timers";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../kernel/startWorker.js";
import type { ExperimentTask } from "./experimentTasks.js";
import type { TaskOutput } from "./runTask.js";
import type { TaskPlanData } from "./taskThread.js";

/**
 * How long a thread of the pool waits for the next experiment before it stops (milliseconds).
 * Long enough to span the gaps of one command between its experiments (calibrate's batches,
 * the halves of a bench), so a thread starts, loads its modules and warms up its compiled code
 * once per command rather than once per experiment; short enough that a long-lived process
 * (a notebook) does not hold the memory of idle threads for long. An idle thread never keeps
 * the process alive.
 */
export const IDLE_MS = 10_000;

/** One experiment thread (experimentWorker.ts) of the process's pool. */
interface PoolThread {
  readonly worker: Worker;
  /** The plan it holds (sent once per experiment, not per task). */
  plan?: TaskPlanData;
  /** Stops it when it has waited IDLE_MS for work. */
  idle?: NodeJS.Timeout;
  /** The experiment it works for: its answers and its loss go there. */
  onMessage?: (msg: Answer) => void;
  onLost?: (e: Error) => void;
}

type Answer = { index: number; error?: string } & Partial<TaskOutput>;

/** Idle threads, the most recently used last. */
const free: PoolThread[] = [];
/** Every thread of the pool, idle or working, and how many were ever started. */
const live = new Set<PoolThread>();
let started = 0;

/** The pool's threads now and those started since the process began (for tests and diagnostics). */
export function taskThreadCounts(): { live: number; idle: number; started: number } {
  return { live: live.size, idle: free.length, started };
}

/**
 * Start threads so that at least `n` are idle (loading their modules while the caller does
 * other work, e.g. resolves the experiment's scenarios); they wait IDLE_MS for tasks.
 */
export function prestartTaskThreads(n: number): void {
  for (let k = free.length; k < n; k++) release(startThread());
}

/**
 * Run `tasks` of one plan on `threads` threads of the process's pool, the idle ones first, one
 * task at a time to each (a thread that finishes early takes the next task). Answers go to
 * `onResult` by task index, so the caller stores them by index and the order in which threads
 * finish never matters. When `signal` aborts, or a task fails, the threads with a task under
 * way are stopped (the task is dropped) and the promise rejects. Threads go back to the pool
 * as soon as no task is left for them.
 */
export function runOnTaskThreads(
  plan: TaskPlanData,
  tasks: readonly ExperimentTask[],
  threads: number,
  onResult: (k: number, output: TaskOutput) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (tasks.length === 0) return resolve();
    const pool = acquire(Math.max(1, Math.min(threads, tasks.length)));
    // The threads still working for this experiment (each has a task under way).
    const busy = new Set(pool);
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      signal?.removeEventListener("abort", abort);
      // A task under way cannot be interrupted: its thread is stopped.
      for (const t of busy) discard(t);
      reject(e);
    };
    const abort = () => fail(signal!.reason);
    signal?.addEventListener("abort", abort, { once: true });
    const feed = (t: PoolThread) => {
      if (next >= tasks.length) {
        busy.delete(t);
        release(t);
        if (done === tasks.length) {
          signal?.removeEventListener("abort", abort);
          resolve();
        }
        return;
      }
      const k = next++;
      t.worker.postMessage({ index: k, task: tasks[k] });
    };
    for (const t of pool) {
      t.onMessage = (msg) => {
        if (failed) return;
        if (msg.error !== undefined) return fail(new Error(`experiment worker failed on task ${tasks[msg.index]?.index ?? msg.index}: ${msg.error}`));
        try {
          onResult(msg.index, { values: msg.values!, sites: msg.sites! });
        } catch (e) {
          return fail(e);
        }
        done++;
        feed(t);
      };
      t.onLost = (e) => fail(e);
      if (t.plan !== plan) {
        t.plan = plan;
        t.worker.postMessage({ plan });
      }
      feed(t);
    }
  });
}

function startThread(): PoolThread {
  const t: PoolThread = { worker: startWorker(new URL("./experimentWorker.js", import.meta.url), {}) };
  live.add(t);
  started++;
  t.worker.on("message", (msg: Answer) => t.onMessage?.(msg));
  t.worker.on("error", (e) => lost(t, e));
  t.worker.on("exit", (code) => lost(t, new Error(`experiment worker stopped (exit code ${code}) before the experiment finished`)));
  return t;
}

/** `n` threads for an experiment: idle ones (most recently used first), then new ones. */
function acquire(n: number): PoolThread[] {
  const got = free.splice(Math.max(0, free.length - n)).reverse();
  while (got.length < n) got.push(startThread());
  for (const t of got) {
    clearTimeout(t.idle);
    t.idle = undefined;
    // An experiment's threads keep the process alive until it ends (startWorker unrefs them).
    t.worker.ref();
  }
  return got;
}

function release(t: PoolThread): void {
  t.onMessage = t.onLost = undefined;
  t.worker.unref();
  t.idle = setTimeout(() => discard(t), IDLE_MS);
  t.idle.unref();
  free.push(t);
}

function discard(t: PoolThread): void {
  t.onMessage = t.onLost = undefined;
  clearTimeout(t.idle);
  const k = free.indexOf(t);
  if (k >= 0) free.splice(k, 1);
  live.delete(t);
  void t.worker.terminate();
}

/** A thread that stopped on its own (or was stopped): out of the pool, and its experiment fails. */
function lost(t: PoolThread, e: Error): void {
  const onLost = t.onLost;
  discard(t);
  onLost?.(e);
}
