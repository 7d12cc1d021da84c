export { abcSmc, type AbcSmcOptions, type AbcResult, type AbcGeneration, type AbcRun, type AbcSimulate, type AbcStop } from "./abcSmc.js";
export { uniformPrior, logUniformPrior, normalPrior, priorFromRange, type Prior } from "./prior.js";
export { perturbationKernel, type PerturbationKernel } from "./perturbationKernel.js";
export { targetDistance, type AbcTarget } from "./targetDistance.js";
export { effectiveSampleSize, weightedMean, weightedVariance, weightedQuantile, quantile } from "./weightedStatistics.js";
export { normalCdf, normalDensity } from "./normalDistribution.js";
export { checkCalibration, calibrationHash, LAST_TARGET_MONTH, CALIBRATION_DEFAULTS, type Calibration, type CalibrationTarget, type CalibrationParameter, type CalibrationOverrides } from "./calibrationFile.js";
export { posteriorToCsv, readPosterior, POSTERIOR_COLUMNS, type Posterior } from "./posteriorCsv.js";
export { posteriorPlan, posteriorParticle, drawOfReplicate, varianceSplit, appendVarianceSplit, REPLICATES_PER_DRAW, POSTERIOR_EFFECT_COLUMNS, type PosteriorPlan } from "./posteriorExperiment.js";
