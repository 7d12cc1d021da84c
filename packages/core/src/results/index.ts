// The results directory: one format, written by relocsim run and compare, read by the report.
// Also reachable as @relocsim/core/results, which loads no simulation code.
export { RESULT_FILES, REPORT_ENTRIES, RESULT_ENTRIES, type ResultFiles } from "./resultFiles.js";
export { resultTables } from "./resultTables.js";
export { runResultFiles, writeRunResults, type RunResultsInfo } from "./runResults.js";
export { experimentResultFiles, writeExperimentResults, type ExperimentResultsInfo, type SummaryLevel } from "./experimentResults.js";
export { openResultsDir, isResultsDir, type ResultsDir, type CommitOptions, type OpenOptions } from "./resultsDir.js";
export { writeFailure } from "./writeFailure.js";
export { readResults, type Results, type ReadEffectRow } from "./readResults.js";
export { readMetricsParquet, parquetRowCount } from "./readMetricsParquet.js";
export { streamedParquet, PARQUET_COLUMNS, PARQUET_ROW_GROUP } from "./metricsParquet.js";
export { readCsvTable, toNumber } from "./readCsvTable.js";
export { CsvParser, parseCsv } from "./csvParser.js";
export { scenarioOrder } from "./scenarioOrder.js";
export { levelInterval, noIntervalReason, type LevelInterval } from "../experiment/levelInterval.js";
export { openRunFiles, type RunFiles, type RunFilesInfo } from "./runFiles.js";
export { RUNS_DIR, type FileWriter } from "./resultFiles.js";
// Batch clusters: an experiment run in shards (compare --shard k/N) and merged (relocsim merge).
export { describePlan, readRunFile } from "./runFiles.js";
export { readShards, type ShardSet } from "./readShards.js";
export type { ContinuedFrom } from "./runResults.js";
