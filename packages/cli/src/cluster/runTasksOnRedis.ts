import { serialize } from "node:v8";
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { taskPlanData, type ExperimentTask, type Plan, type RunStore } from "@relocsim/core/engine";
import { VERSION } from "../version.js";
import { ClusterError } from "./clusterError.js";
import { withTimeout } from "./redis.js";
import { bullConnection, PREFIX, QUEUE, type RedisTarget } from "./redisUrl.js";
import { modelHash } from "./modelHash.js";
import { decodeOutput, jobId, PLAN_TTL_SECONDS, planId, planKey, taskName, type TaskJob, type TaskResult } from "./tasks.js";

export interface RedisProgress {
  done: number;
  total: number;
  seconds: number;
  /** Workers that have returned a task so far. */
  workers: number;
}

export interface RedisRunOptions {
  onProgress?: (progress: RedisProgress) => void;
  /** Aborted: this plan's tasks that no worker has started are taken off the queue, and the run rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** How often the coordinator looks for finished tasks besides BullMQ's events (which are capped in number). */
const SWEEP_MS = 2000;
/** Redis unanswered this long during a run: the run stops (its finished runs stay in the store). */
const LOST_SECONDS = 30;
const ADD_CHUNK = 500;

/**
 * Run those of `tasks` that `store` does not hold yet on the workers of a Redis cluster
 * (`relocsim worker --redis`), saving each output by task index as it arrives: the coordinator
 * of `compare --redis` and of every other experiment command. `redis` is a connection made by
 * connectRedis (so Redis was reachable before anything was written).
 *
 * - Each task is a BullMQ job whose id is the task's identity (plan id and index): a task is
 *   queued and stored once, whichever coordinator added it.
 * - A worker killed mid-task loses its job's lock; another worker's stalled-job check puts the
 *   job back on the queue (BullMQ), and it runs again elsewhere.
 * - Run again with the same store (--out), only the tasks it lacks are queued; tasks finished
 *   while no coordinator was there are collected from Redis, not run again.
 * - A task that fails on a worker (or that a worker refuses) stops the run with its identity
 *   and error; this plan's tasks not yet started are taken off the queue.
 * Results go through the store exactly as runTasks saves them, so they are identical.
 */
export async function runTasksOnRedis(redis: Redis, target: RedisTarget, plan: Plan, tasks: readonly ExperimentTask[], store: RunStore, options: RedisRunOptions = {}): Promise<{ workers: number }> {
  const { signal, onProgress } = options;
  const started = performance.now();
  signal?.throwIfAborted();
  const pending = new Map<string, ExperimentTask>();
  const model = modelHash();
  const id = planId(plan, VERSION, model);
  for (const t of tasks) if (!store.has(t.index)) pending.set(jobId(id, t.index), t);
  let done = tasks.length - pending.size;
  const workers = new Set<string>();
  if (pending.size === 0) return { workers: 0 };

  const connection = bullConnection(target);
  const queue = new Queue<TaskJob>(QUEUE, { connection, prefix: PREFIX });
  const events = new QueueEvents(QUEUE, { connection, prefix: PREFIX });
  queue.on("error", () => {});
  events.on("error", () => {});
  let failure: Error | undefined;
  let wake = () => {};
  const fail = (e: Error) => {
    failure ??= e;
    wake();
  };
  const finished = (job: string, result: TaskResult) => {
    const t = pending.get(job);
    if (!t) return;
    try {
      store.save(t.index, decodeOutput(result));
    } catch (e) {
      return fail(e as Error);
    }
    pending.delete(job);
    workers.add(result.worker);
    done++;
    onProgress?.({ done, total: tasks.length, seconds: (performance.now() - started) / 1000, workers: workers.size });
    // Kept on disk now: Redis need not hold the result any longer.
    queue.remove(job).catch(() => {});
    if (pending.size === 0) wake();
  };
  const failed = (job: string, reason: string) => {
    const t = pending.get(job);
    if (t) fail(new ClusterError(`${taskName(t)} failed on a worker: ${reason}`));
  };
  events.on("completed", ({ jobId: job, returnvalue }) => finished(job, returnvalue as unknown as TaskResult));
  events.on("failed", ({ jobId: job, failedReason }) => failed(job, failedReason));
  const ours = (ids: string[]) => ids.filter((j) => pending.has(j));

  // Finished tasks the events did not bring: finished before this coordinator listened, or
  // events dropped from BullMQ's capped stream.
  const sweep = async () => {
    for (const j of ours(await queue.getRanges(["completed"]))) {
      const job = await queue.getJob(j);
      if (job?.returnvalue) finished(j, job.returnvalue as TaskResult);
    }
    for (const j of ours(await queue.getRanges(["failed"]))) {
      const job = await queue.getJob(j);
      if (job) failed(j, job.failedReason);
    }
  };
  // This plan's tasks that no worker has started: taken off the queue when the run stops early.
  const unqueue = async () => {
    for (const j of ours(await queue.getRanges(["waiting", "prioritized", "delayed"]))) await queue.remove(j).catch(() => {});
  };

  try {
    await withTimeout(events.waitUntilReady(), 10_000, "QueueEvents did not connect");
    // The plan's data, once for all its tasks; its key outlives a coordinator stopped early.
    await redis.set(planKey(id), serialize(taskPlanData(plan)), "EX", PLAN_TTL_SECONDS);
    // A task that failed in an earlier attempt is tried again (its job would block the id).
    for (const j of ours(await queue.getRanges(["failed"]))) await queue.remove(j);
    const todo = [...pending.entries()];
    for (let k = 0; k < todo.length; k += ADD_CHUNK) {
      await queue.addBulk(
        todo.slice(k, k + ADD_CHUNK).map(([job, task]) => ({
          name: task.name,
          data: { plan: id, index: task.index, name: task.name, task, version: VERSION, model },
          opts: { jobId: job, attempts: 1, removeOnComplete: false, removeOnFail: false },
        })),
      );
    }
    let answered = performance.now();
    const abort = () => wake();
    signal?.addEventListener("abort", abort, { once: true });
    try {
      while (pending.size && !failure && !signal?.aborted) {
        try {
          await withTimeout(sweep(), SWEEP_MS * 5);
          answered = performance.now();
        } catch (e) {
          if ((performance.now() - answered) / 1000 > LOST_SECONDS) fail(new ClusterError(`lost Redis at ${target.shown}: no answer for ${LOST_SECONDS} s (${(e as Error).message}); the finished runs are kept, run the same command again to continue`));
        }
        if (!pending.size || failure || signal?.aborted) break;
        await new Promise<void>((r) => {
          const timer = setTimeout(r, SWEEP_MS);
          wake = () => (clearTimeout(timer), r());
        });
      }
    } finally {
      signal?.removeEventListener("abort", abort);
    }
    if (failure || signal?.aborted) {
      await withTimeout(unqueue(), 5000).catch(() => {});
      if (failure) throw failure;
      signal!.throwIfAborted();
    }
    // Done: the plan's data and results finished while no coordinator was there go.
    await withTimeout(
      (async () => {
        await redis.del(planKey(id));
        for (const j of (await queue.getRanges(["completed"])).filter((x) => x.startsWith(`${id}-`))) await queue.remove(j).catch(() => {});
      })(),
      5000,
    ).catch(() => {});
    return { workers: workers.size };
  } finally {
    await Promise.all([events.close(), queue.close()]).catch(() => {});
  }
}
