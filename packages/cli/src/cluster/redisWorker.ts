import { hostname } from "node:os";
import { deserialize } from "node:v8";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { TaskPlanData } from "@relocsim/core/engine";
import { VERSION } from "../version.js";
import { connectRedis } from "./redis.js";
import { bullConnection, PREFIX, QUEUE, type RedisTarget } from "./redisUrl.js";
import { modelHash } from "./modelHash.js";
import { encodeOutput, planKey, taskName, type TaskJob, type TaskResult } from "./tasks.js";
import { ThreadPool } from "./taskThread.js";

/**
 * How long a task's lock lasts without renewal (the worker renews it every half of this while
 * the task runs on its thread). A worker that dies holds its task at most this long, plus up to
 * two stalled-job checks by the other workers, before the task is queued again.
 */
export const LOCK_MS = 10_000;
export const STALLED_CHECK_MS = 5_000;
/** Times a task may lose its worker (a killed or frozen machine) and be queued again before it counts as failed. */
export const MAX_STALLED = 2;

export interface RedisWorkerOptions {
  /** Tasks run at once, each on its own thread. */
  concurrency: number;
  /** A line per task, and what the worker does; nothing when undefined. */
  log?: (line: string) => void;
  /** Errors worth a person's attention (a refused task, a lost connection). */
  warn: (line: string) => void;
  /** Aborted: no new task starts; the tasks under way finish, then the promise resolves. */
  signal: AbortSignal;
}

/**
 * `relocsim worker`: take experiment tasks from the Redis queue and return their outputs until
 * `signal` aborts. Each task runs with runTask on a worker thread (TaskThread), so results are
 * those of a local run. A task planned by another relocsim version or model refuses to run
 * (the job fails with the reason, and its coordinator stops naming it).
 */
export async function runRedisWorker(target: RedisTarget, options: RedisWorkerOptions): Promise<{ tasks: number }> {
  const { concurrency, log, warn, signal } = options;
  const name = `${hostname()}:${process.pid}`;
  const model = modelHash();
  const redis = await connectRedis(target, `relocsim-worker:${name}`);
  const plans = new Map<string, TaskPlanData>();
  const pool = new ThreadPool(concurrency);
  let tasks = 0;

  const planData = async (job: Job<TaskJob>): Promise<TaskPlanData> => {
    const id = job.data.plan;
    let data = plans.get(id);
    if (!data) {
      const bytes = await redis.getBuffer(planKey(id));
      if (!bytes) throw new UnrecoverableError(`the plan ${id} of ${job.id} is no longer in Redis (its coordinator finished or it expired); run the coordinator again`);
      data = deserialize(bytes) as TaskPlanData;
      // A few plans at most: a worker serves one experiment after another.
      if (plans.size >= 4) plans.delete(plans.keys().next().value!);
      plans.set(id, data);
    }
    return data;
  };

  const process_ = async (job: Job<TaskJob, TaskResult>): Promise<TaskResult> => {
    const d = job.data;
    const task = taskName({ index: d.index, name: d.name, replicate: d.task.replicate });
    if (d.version !== VERSION || d.model !== model) {
      const why =
        `worker ${name} refused ${task}: it was planned by relocsim ${d.version} (model hash ${d.model}), and this worker runs relocsim ${VERSION} (model hash ${model}); ` +
        `run the coordinator and every worker from the same relocsim (same version, same code)`;
      warn(why);
      throw new UnrecoverableError(why);
    }
    const data = await planData(job);
    const thread = pool.acquire(d.plan, () => data);
    const started = performance.now();
    log?.(`start ${job.id} ${task}`);
    try {
      const output = await thread.run(d.task);
      const seconds = (performance.now() - started) / 1000;
      tasks++;
      log?.(`done ${job.id} ${task} in ${seconds.toFixed(1)} s`);
      return encodeOutput(output, name, seconds);
    } finally {
      pool.release(d.plan, thread);
    }
  };

  const worker = new Worker<TaskJob, TaskResult>(QUEUE, process_, {
    connection: bullConnection(target),
    prefix: PREFIX,
    concurrency,
    name,
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  let down = false;
  worker.on("error", (e) => {
    if (!down) warn(`worker ${name}: Redis at ${target.shown}: ${e.message}; retrying`);
    down = true;
  });
  worker.on("ready", () => (down = false));
  worker.on("failed", (job, e) => {
    if (job && !(e instanceof UnrecoverableError)) warn(`worker ${name}: ${taskName({ index: job.data.index, name: job.data.name, replicate: job.data.task.replicate })} failed: ${e.message.split("\n")[0]}`);
  });
  const running = worker.run();
  await worker.waitUntilReady();
  log?.(`worker ${name}: relocsim ${VERSION} (model hash ${model}), ${concurrency} task${concurrency === 1 ? "" : "s"} at once, waiting for tasks at ${target.shown}`);
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
  log?.(`worker ${name}: stopping after the task${concurrency === 1 ? "" : "s"} under way`);
  // close() takes no new job and waits for those under way.
  await worker.close();
  await running.catch(() => {});
  await pool.stop();
  redis.disconnect();
  return { tasks };
}
