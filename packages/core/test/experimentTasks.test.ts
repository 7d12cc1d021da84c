import { describe, expect, it } from "vitest";
import { runExperiment, type ExperimentOptions } from "../src/index.js";
import { assembleExperiment, experimentTasks, memoryRunStore, planExperiment, runTask } from "../src/engine.js";

const options: ExperimentOptions = {
  scenarios: [{ name: "a", params: {} }, { name: "b", params: { labour: { separationRate: 0.3 } } }],
  replications: 3, scale: 120, seed: 5, every: 60, workers: 1, groups: ["all"],
};

describe("experimentTasks(plan): an experiment as plan → tasks → results", () => {
  it("lists every (scenario, replicate) replicate by replicate, with the replicate's seed; shards split it into every N-th task", () => {
    const plan = planExperiment(options);
    const tasks = experimentTasks(plan);
    expect(tasks.map((t) => [t.index, t.name, t.replicate, t.seed])).toEqual([
      [0, "a", 0, plan.seeds[0]], [1, "b", 0, plan.seeds[0]],
      [2, "a", 1, plan.seeds[1]], [3, "b", 1, plan.seeds[1]],
      [4, "a", 2, plan.seeds[2]], [5, "b", 2, plan.seeds[2]],
    ]);
    expect(experimentTasks(plan, { part: 1, of: 4 }).map((t) => t.index)).toEqual([0, 4]);
    expect(experimentTasks(plan, { part: 4, of: 4 }).map((t) => t.index)).toEqual([3]);
    const parts = [1, 2, 3].flatMap((part) => experimentTasks(plan, { part, of: 3 }).map((t) => t.index));
    expect(parts.sort()).toEqual(tasks.map((t) => t.index));
  });

  it("runExperiment(options) equals assembleExperiment(plan, store) of runTask over the tasks, run in any order", async () => {
    const whole = await runExperiment(options);
    const plan = planExperiment(options);
    const store = memoryRunStore();
    for (const t of experimentTasks(plan).reverse()) store.save(t.index, runTask(plan, t));
    const assembled = assembleExperiment(plan, store, { workers: 1, seconds: 0 });
    expect(assembled.metrics).toEqual(whole.metrics);
    expect(assembled.effects).toEqual(whole.effects);
    expect(assembled.sites).toEqual(whole.sites);
  });
});
