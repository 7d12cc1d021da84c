// @relocsim/core/engine: the engine's internals, for the CLI, the scenarios package, notebooks that
// look inside the model, benchmarks and tests. Not a stable API: names here may change with the
// engine. The public API is @relocsim/core (index.ts); nothing is exported from both.
export { SCHEDULE, type Phase } from "./simulation.js";
export { checkScenario } from "./scenario.js";
export { isResolvedScenario, scenarioHash, withoutComments, withValues } from "./resolvedScenario.js";
// The parameter space designs, sensitivity analysis and calibration explore (documented plausible ranges).
export { uncertainParameters, parameterRange, fromUnit, toUnit, type ParameterRange, type RangeInput } from "./experiment/parameterSpace.js";
export { resolveParams, parseMonth, formatMonth, type ResolvedParams } from "./params/resolve.js";
export { modelSpec, type ModelSpec } from "./params/model.js";
export { defaultsOf, leaves, type Spec, type LeafSpec, type GroupSpec, type NumberSpec, type ListSpec } from "./params/spec.js";
export { checkLeaf } from "./params/checkLeaf.js";
export { defaultText, rangeText } from "./params/leafText.js";
export { suggest } from "./errors.js";
export { resolveScale } from "./scale.js";
export { METRIC_TABLE, describeMetric, type MetricSpec, type MetricKind, type MetricInfo, type MetricDisplay, type Computation, type Sum } from "./model/metricTable.js";
export { replicateSeed, stream, type Random } from "./kernel/random.js";
export { rowsToCsv, csvField, CSV_HEADER } from "./results/tidyRow.js";
export { crowding } from "./model/demography.js";
export { Emp, Residence } from "./kernel/state.js";
// Groups a run can report: site groups always, household and residence groups on request.
export { SITE_GROUPS, HOUSEHOLD_GROUPS, RESIDENCE_GROUPS, MEMBER_GROUPS, ELDERLY_AGE, LARGE_HOUSEHOLD, type GroupName } from "./model/collect.js";
export { planExperiment, type Plan } from "./experiment/plan.js";
export type { ScenarioInfo } from "./experiment/experiment.js";
export { experimentSpec, checkExperimentOptions, DEFAULT_GROUPS, DEFAULT_EVERY, type ExperimentSettings, type ExperimentOptionName } from "./experiment/experimentSpec.js";
export { pairedDifference, type PairedDifference } from "./experiment/pairedDifference.js";
export { effectsToCsv, EFFECT_COLUMNS } from "./experiment/effectRow.js";
export { costEffectivenessTable, withCosts, COST_EFFECTIVENESS_UNITS, COST_METRIC, type CostEffect } from "./experiment/costEffectiveness.js";
export { COST_LEVERS, costMetric, type CostLever } from "./model/metricTable.js";
export { pairingGain, type PairingGain } from "./experiment/pairingGain.js";
export { resolveOutcomeSelection, type OutcomeSelection } from "./experiment/outcomeSelection.js";
export { tQuantile } from "./experiment/studentT.js";
export { historicalPosteriorDir, HISTORICAL_POSTERIOR } from "./params/posteriorEstimate.js";
export { levelInterval, noIntervalReason, type LevelInterval } from "./experiment/levelInterval.js";
// Where an experiment keeps its finished runs (in memory by default; the CLI's run files on disk).
export { memoryRunStore, type RunStore } from "./experiment/runStore.js";
// Checkpoints: save a run's whole state, resume it, or branch another scenario from it.
export { snapshotSimulation, continueSimulation, type SimulationSnapshot } from "./simulation.js";
export { saveCheckpoint, checkCheckpointTarget, type SaveCheckpointOptions } from "./checkpoint/saveCheckpoint.js";
export { readCheckpoint, type Checkpoint } from "./checkpoint/readCheckpoint.js";
export { resumeSimulation, type ResumeOptions } from "./checkpoint/resumeSimulation.js";
export { branchSimulation } from "./checkpoint/branchSimulation.js";
// An experiment as plan → tasks → results: the one path local threads and batch shards share.
export { experimentTasks, type ExperimentTask, type Shard } from "./experiment/experimentTasks.js";
export { runTask, type TaskOutput, type TaskPlan } from "./experiment/runTask.js";
export { runTasks, type RunTasksOptions } from "./experiment/runTasks.js";
export { taskPlanData, startTaskThread, type TaskPlanData } from "./experiment/taskThread.js";
export { assembleExperiment } from "./experiment/assembleExperiment.js";
export { checkNesting, MAX_NESTING } from "./checkNesting.js";
// Designs over the parameter space (unit cube; pointValues maps a point to parameter values).
export { fullFactorial, latinHypercube, morrisDesign, saltelliDesign, saltelliAB, SALTELLI_A, SALTELLI_B, sobolPoints, SOBOL_MAX_DIMENSIONS, pointValues, type MorrisDesign, type MorrisTrajectory, type SaltelliDesign } from "./experiment/designs/index.js";
// Sensitivity indices of a design's outputs: Morris μ, μ*, σ; Sobol S1 (Saltelli 2010), ST (Jansen 1999); bootstrap intervals.
export { morrisIndices, sobolIndices, bootstrapIntervals, type SensitivityIndex, type IndexName, type BootstrapOptions } from "./experiment/sensitivity/index.js";
// Calibration: ABC-SMC over free parameters against published targets (pure, model-agnostic).
export { abcSmc, uniformPrior, logUniformPrior, normalPrior, priorFromRange, targetDistance, effectiveSampleSize, weightedMean, weightedVariance, weightedQuantile, quantile, type AbcSmcOptions, type AbcResult, type AbcGeneration, type AbcRun, type AbcSimulate, type AbcStop, type AbcTarget, type Prior, checkCalibration, calibrationHash, LAST_TARGET_MONTH, CALIBRATION_DEFAULTS, type Calibration, type CalibrationTarget, type CalibrationParameter, type CalibrationOverrides, posteriorToCsv, readPosterior, POSTERIOR_COLUMNS, type Posterior, posteriorPlan, posteriorParticle, drawOfReplicate, varianceSplit, appendVarianceSplit, REPLICATES_PER_DRAW, POSTERIOR_EFFECT_COLUMNS, type PosteriorPlan } from "./experiment/calibration/index.js";
