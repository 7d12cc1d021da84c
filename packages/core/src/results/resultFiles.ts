/**
 * The files of a results directory, by role: the one list every writer and reader uses.
 * metrics.csv holds every run as tidy rows (columns CSV_HEADER), metrics.parquet the same rows
 * with typed columns (results/metricsParquet.ts PARQUET_COLUMNS), effects.csv a comparison's
 * paired effects (columns EFFECT_COLUMNS), summary.json the levels at the horizon and the
 * scenarios' descriptions, manifest.json how the results were made (and marks the directory
 * as relocsim's, so that a later run may replace it).
 */
export const RESULT_FILES = {
  metrics: "metrics.csv",
  metricsParquet: "metrics.parquet",
  effects: "effects.csv",
  summary: "summary.json",
  manifest: "manifest.json",
} as const;

/**
 * The runs of an experiment under way (results/runFiles.ts): kept in the results directory
 * until its results are complete, so that the same command run again continues them.
 */
export const RUNS_DIR = "runs";

/** What @relocsim/report adds to a results directory. */
export const REPORT_ENTRIES = ["report.html", "charts"] as const;

/** What relocsim sweep and sensitivity write beside manifest.json and charts/ (packages/cli/src/runDesign.ts). */
export const DESIGN_ENTRIES = ["points.csv", "outcomes.csv", "indices.csv"] as const;

/** Every entry relocsim writes at the top of a results directory. */
export const RESULT_ENTRIES: readonly string[] = [...Object.values(RESULT_FILES), ...REPORT_ENTRIES, RUNS_DIR, ...DESIGN_ENTRIES];

/** Writes one file at `path` itself: for files too large to hold in memory as one string. */
export type FileWriter = (path: string) => void | Promise<void>;

/** Contents of a results directory to write: file name → text, bytes, or a writer. */
export type ResultFiles = Record<string, string | Uint8Array | FileWriter>;
