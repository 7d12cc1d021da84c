export { createSimulation, SCHEDULE, type Simulation, type SimulationOptions, type Phase } from "./simulation.js";
export { checkScenario, type Scenario } from "./scenario.js";
export { resolveScenario, isResolvedScenario, scenarioHash, withoutComments, type ResolvedScenario } from "./resolvedScenario.js";
export { resolveParams, parseMonth, formatMonth, type ResolvedParams } from "./params/resolve.js";
export { modelSpec, type ModelSpec } from "./params/model.js";
export { defaultsOf, leaves, type Spec, type LeafSpec, type GroupSpec, type NumberSpec, type ListSpec } from "./params/spec.js";
export { checkLeaf } from "./params/checkLeaf.js";
export { defaultText, rangeText } from "./params/leafText.js";
export type { Params, ParamsInput } from "./params/types.js";
export { InputError, InputErrors, isInputError, suggest } from "./errors.js";
export { SCALES, resolveScale, type Scale, type ScaleName } from "./scale.js";
export { METRICS, METRIC_TABLE, describeMetric, type MetricName, type MetricSpec, type MetricKind, type MetricInfo, type MetricDisplay, type Computation, type Sum } from "./model/metricTable.js";
export { GROUPS } from "./model/collect.js";
export { replicateSeed, stream, type Random } from "./kernel/random.js";
export { rowsToCsv, csvField, CSV_HEADER, type TidyRow } from "./results.js";
export { crowding } from "./model/demography.js";
export { Emp, Residence } from "./kernel/state.js";
export { runExperiment, planExperiment, type Experiment, type ExperimentOptions, type ScenarioInfo, type Plan } from "./experiment/runExperiment.js";
export { experimentSpec, checkExperimentOptions, DEFAULT_GROUPS, DEFAULT_EVERY, type ExperimentSettings, type ExperimentOptionName } from "./experiment/experimentSpec.js";
export { compare } from "./experiment/compare.js";
export { pairedDifference, type PairedDifference } from "./experiment/pairedDifference.js";
export { effectsToCsv, EFFECT_COLUMNS, type EffectRow } from "./experiment/effectRow.js";
export { pairingGain, type PairingGain } from "./experiment/pairingGain.js";
export { effectsTable, effectsOverTime, HEADLINE_METRICS, TRAJECTORY_METRICS, type EffectsTableOptions } from "./experiment/effectsTable.js";
export { resolveOutcomeSelection, type OutcomeSelection } from "./experiment/outcomeSelection.js";
export { tQuantile } from "./experiment/studentT.js";
export { levelInterval, noIntervalReason, type LevelInterval } from "./experiment/levelInterval.js";
export {
  RESULT_FILES, runResultFiles, writeRunResults, experimentResultFiles, writeExperimentResults, openResultsDir, isResultsDir, readResults,
  type ResultFiles, type RunResultsInfo, type ExperimentResultsInfo, type ResultsDir, type CommitOptions, type OpenOptions, type Results,
} from "./results/index.js";
export { snapshotSimulation, continueSimulation, type SimulationSnapshot } from "./simulation.js";
export { saveCheckpoint, checkCheckpointTarget, type SaveCheckpointOptions } from "./checkpoint/saveCheckpoint.js";
export { readCheckpoint, type Checkpoint } from "./checkpoint/readCheckpoint.js";
export { resumeSimulation, type ResumeOptions } from "./checkpoint/resumeSimulation.js";
export { branchSimulation } from "./checkpoint/branchSimulation.js";
