// The public API: create, step and run a simulation, run or compare an experiment, read its
// effects, and the scenario, parameter and error types these take. Engine internals (state
// tables, streams, the parameter spec machinery, the statistics) are @relocsim/core/engine;
// result files are @relocsim/core/results. test/publicApi.test.ts pins this list.
export { createSimulation, type Simulation, type SimulationOptions } from "./simulation.js";
export type { Scenario } from "./scenario.js";
export { resolveScenario, type ResolvedScenario } from "./resolvedScenario.js";
export type { Params, ParamsInput } from "./params/types.js";
export { InputError, InputErrors, isInputError } from "./errors.js";
export { SCALES, type Scale, type ScaleName } from "./scale.js";
export { METRICS, type MetricName } from "./model/metricTable.js";
export { GROUPS } from "./model/collect.js";
export type { TidyRow } from "./results/tidyRow.js";
export { runExperiment } from "./experiment/runExperiment.js";
export type { ExperimentOptions } from "./experiment/plan.js";
export type { Experiment } from "./experiment/experiment.js";
export { compare } from "./experiment/compare.js";
export type { EffectRow } from "./experiment/effectRow.js";
export { effectsTable, effectsOverTime, HEADLINE_METRICS, TRAJECTORY_METRICS, type EffectsTableOptions } from "./experiment/effectsTable.js";
