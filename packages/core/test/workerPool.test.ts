import { describe, expect, it } from "vitest";
import { runExperiment, type ExperimentOptions } from "../src/index.js";
import { experimentTasks, planExperiment } from "../src/engine.js";
import { runOnTaskThreads, taskThreadCounts } from "../src/experiment/workerPool.js";
import { taskPlanData } from "../src/experiment/taskThread.js";
import type { TaskOutput } from "../src/experiment/runTask.js";

const options: ExperimentOptions = {
  scenarios: [{ name: "a", params: {} }, { name: "b", params: { labour: { separationRate: 0.3 } } }],
  replications: 3, scale: 120, seed: 4, every: 60, groups: ["all"],
};

describe("runOnTaskThreads(plan, tasks, threads, onResult): the process's pool of experiment threads", () => {
  it("runExperiment on 2 workers twice in a row: the second takes the first's threads (none started), and both equal 1 worker", async () => {
    const one = await runExperiment({ ...options, workers: 1 });
    const before = taskThreadCounts().started;
    const first = await runExperiment({ ...options, workers: 2 });
    const afterFirst = taskThreadCounts();
    expect(afterFirst.started - before).toBeLessThanOrEqual(2);
    expect(afterFirst.idle).toBeGreaterThanOrEqual(2);
    const second = await runExperiment({ ...options, seed: 5, workers: 2 });
    expect(taskThreadCounts().started).toBe(afterFirst.started);
    expect(first.metrics).toEqual(one.metrics);
    expect(first.effects).toEqual(one.effects);
    expect(second.metrics).toEqual((await runExperiment({ ...options, seed: 5, workers: 1 })).metrics);
  });

  it("a task that fails in its thread rejects naming the task; its threads are stopped and the pool goes on", async () => {
    const plan = planExperiment({ ...options, workers: 2 });
    const tasks = experimentTasks(plan);
    // A plan no simulation accepts: every task fails inside the thread.
    const broken = { ...taskPlanData(plan), households: -1 };
    await expect(runOnTaskThreads(broken, tasks, 2, () => {})).rejects.toThrow(/^experiment worker failed on task \d: .*invalid scale: -1/s);
    const outputs = new Map<number, TaskOutput>();
    await runOnTaskThreads(taskPlanData(plan), tasks, 2, (k, o) => outputs.set(k, o));
    expect([...outputs.keys()].sort()).toEqual(tasks.map((_, k) => k));
    const counts = taskThreadCounts();
    expect(counts.live).toBe(counts.idle);
  });

  it("an abort before the start rejects at once with the signal's reason; no tasks: resolves at once", async () => {
    const plan = planExperiment({ ...options, workers: 2 });
    const stop = new AbortController();
    stop.abort(new Error("stopped"));
    await expect(runOnTaskThreads(taskPlanData(plan), experimentTasks(plan), 2, () => {}, stop.signal)).rejects.toThrow("stopped");
    await expect(runOnTaskThreads(taskPlanData(plan), [], 2, () => {})).resolves.toBeUndefined();
  });
});
