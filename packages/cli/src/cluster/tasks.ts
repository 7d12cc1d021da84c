import { createHash } from "node:crypto";
import type { ExperimentTask, Plan, TaskOutput } from "@relocsim/core/engine";
import { PREFIX } from "./redisUrl.js";

/**
 * What a coordinator and its workers exchange through Redis. A plan's data (its scenarios,
 * scale and kept outcomes, v8-serialised) is stored once under planKey(id); each task is a
 * BullMQ job whose id is the task's identity, planId-index, so a task added twice (a restarted
 * coordinator) is one job, and its result is stored once.
 */
export interface TaskJob {
  /** planId of the experiment. */
  plan: string;
  index: number;
  /** Name of the task's scenario (for messages). */
  name: string;
  task: ExperimentTask;
  /** relocsim version and model hash of the coordinator: a worker with others refuses the task. */
  version: string;
  model: string;
}

/** What a worker returns for a task: its TaskOutput, the values as little-endian float64 in base64 (exact, NaN included). */
export interface TaskResult {
  values: string;
  sites: number;
  /** Name of the worker (host:pid) that ran it. */
  worker: string;
  seconds: number;
}

/** Seconds a plan's data stays in Redis after its coordinator last stored it (long enough for a run to be continued a week later). */
export const PLAN_TTL_SECONDS = 7 * 24 * 3600;

export const planKey = (plan: string) => `${PREFIX}:plan:${plan}`;
export const jobId = (plan: string, index: number) => `${plan}-${index}`;

/**
 * The identity of a plan: a hash of everything a task's output depends on (each scenario's
 * hash, seeds, scale, kept outcomes), the relocsim version and the model hash.
 */
export function planId(plan: Plan, version: string, model: string): string {
  const { steps, groups, metrics } = plan.selection;
  const described = { scenarios: plan.scenarios.map((s) => s.hash), seeds: plan.seeds, households: plan.households, steps, groups, metrics, version, model };
  return createHash("sha256").update(JSON.stringify(described)).digest("hex").slice(0, 16);
}

export function encodeOutput(output: TaskOutput, worker: string, seconds: number): TaskResult {
  const v = output.values;
  return { values: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64"), sites: output.sites, worker, seconds };
}

export function decodeOutput(result: TaskResult): TaskOutput {
  const bytes = Buffer.from(result.values, "base64");
  const values = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(values.buffer).set(bytes);
  return { values, sites: result.sites };
}

/** "task 7 (livelihood-linkage, replicate 2)": how messages name a task. */
export function taskName(task: Pick<ExperimentTask, "index" | "name" | "replicate">): string {
  return `task ${task.index} (${task.name}, replicate ${task.replicate})`;
}
