import { runTasks, type ExperimentTask, type Plan, type RunStore } from "@relocsim/core/engine";
import { parseRedisUrl } from "./redisUrl.js";

/**
 * Where an experiment's tasks run: local worker threads (plan.workers of them), or the workers
 * of a Redis cluster. Every experiment command (compare, sweep, sensitivity, calibrate) takes
 * one from taskRunner and does not care which:
 *
 *   const runner = await taskRunner({ redis: values.redis });  // before --out is touched
 *   try { await runner.run(plan, tasks, store, { signal, onProgress }); } finally { await runner.close(); }
 *   // then assembleExperiment(plan, store, { workers: runner.workers(plan), seconds })
 *
 * Both save each task's output in `store` by task index, so results are identical.
 */
export interface TaskRunner {
  /** "local" or "redis". */
  readonly kind: "local" | "redis";
  /** For the line a command prints before it runs: "2 worker threads", "workers of redis://host:6379". */
  describe(plan: Plan): string;
  /** Run the tasks that `store` lacks; progress may carry `workers` (Redis: workers seen). */
  run(plan: Plan, tasks: readonly ExperimentTask[], store: RunStore, options?: TaskRunOptions): Promise<void>;
  /** Workers that ran tasks: the plan's threads, or the Redis workers seen. */
  workers(plan: Plan): number;
  close(): Promise<void>;
}

export interface TaskRunOptions {
  onProgress?: (progress: { done: number; total: number; seconds: number; workers?: number }) => void;
  signal?: AbortSignal;
}

/**
 * The runner for a command's flags: with `redis` (a --redis URL), Redis workers, after checking
 * that Redis answers (a ClusterError within seconds otherwise, before anything is written; a
 * bad URL is an InputError naming `field`); without, local threads.
 */
export async function taskRunner(options: { redis?: string; field?: string }): Promise<TaskRunner> {
  if (options.redis === undefined) {
    return {
      kind: "local",
      describe: (plan) => `${plan.workers} worker${plan.workers === 1 ? "" : "s"}`,
      run: (plan, tasks, store, o = {}) => runTasks(plan, tasks, store, o),
      workers: (plan) => plan.workers,
      close: async () => {},
    };
  }
  const target = parseRedisUrl(options.redis, options.field ?? "--redis");
  // Loaded only here: BullMQ and ioredis cost start-up time to every command otherwise.
  const [{ connectRedis }, { runTasksOnRedis }] = await Promise.all([import("./redis.js"), import("./runTasksOnRedis.js")]);
  const redis = await connectRedis(target, `relocsim-coordinator:${process.pid}`);
  let seen = 0;
  return {
    kind: "redis",
    describe: () => `the workers of ${target.shown}`,
    async run(plan, tasks, store, o = {}) {
      const r = await runTasksOnRedis(redis, target, plan, tasks, store, o);
      seen = Math.max(seen, r.workers);
    },
    workers: () => seen,
    close: async () => void redis.disconnect(),
  };
}

/**
 * One call for a command that has nothing to write before its tasks run: the runner for
 * `options.redis` (local threads without it), the tasks run, the runner closed. Returns the
 * workers that ran them. A command with an --out to protect calls taskRunner first instead, so
 * an unreachable Redis stops it before anything is written.
 */
export async function runTasksWith(plan: Plan, tasks: readonly ExperimentTask[], store: RunStore, options: TaskRunOptions & { redis?: string; field?: string } = {}): Promise<{ workers: number }> {
  const runner = await taskRunner(options);
  try {
    await runner.run(plan, tasks, store, options);
    return { workers: runner.workers(plan) };
  } finally {
    await runner.close();
  }
}
