import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";

// The root is the public API: a name added here is a decision, not a side effect of a merge.
const VALUES = [
  "GROUPS", "HEADLINE_METRICS", "InputError", "InputErrors", "METRICS", "SCALES", "TRAJECTORY_METRICS",
  "compare", "createSimulation", "effectsOverTime", "effectsTable", "isInputError", "resolveScenario", "runExperiment",
];
const TYPES = [
  "EffectRow", "EffectsTableOptions", "Experiment", "ExperimentOptions", "MetricName", "Params", "ParamsInput",
  "ResolvedScenario", "Scale", "ScaleName", "Scenario", "Simulation", "SimulationOptions", "TidyRow",
];

/** Every name index.ts exports, types included: it only re-exports, `export { a, type B } from` lines. */
function declaredNames(file: URL): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^export (?:type )?\{([^}]*)\} from/gm)]
    .flatMap((m) => m[1]!.split(","))
    .map((name) => name.trim().replace(/^type /, ""))
    .filter((name) => name !== "");
}

describe("@relocsim/core", () => {
  it("exports the verbs of the public API and nothing else at run time", async () => {
    expect(Object.keys(await import("../src/index.js")).sort()).toEqual(VALUES);
  });

  it("index.ts declares those values and the types they take and return, one screen in all", () => {
    expect(declaredNames(new URL("../src/index.ts", import.meta.url)).sort()).toEqual([...VALUES, ...TYPES].sort());
  });

  it("@relocsim/core/engine holds the internals and repeats none of the root's names", async () => {
    const engine = Object.keys(await import("../src/engine.js"));
    expect(engine).toEqual(expect.arrayContaining(["Emp", "Residence", "stream", "crowding", "modelSpec", "planExperiment", "tQuantile"]));
    expect(engine.filter((name) => VALUES.includes(name))).toEqual([]);
    expect(declaredNames(new URL("../src/engine.ts", import.meta.url)).filter((name) => TYPES.includes(name))).toEqual([]);
  });
});
