import { statSync } from "node:fs";
import { join } from "node:path";
import { RESULT_FILES } from "@relocsim/core/results";
import { ReportError } from "./reportError.ts";
import { STUDY_FILES, studyKind } from "./studyKind.ts";

/**
 * Results a report reads at most, metrics.csv and effects.csv together. The report parses
 * every row into memory (about ten times the file's size), so an experiment kept at every
 * step for thousands of runs, whose results are streamed to disk in GBs, would exhaust it;
 * its charts would be unreadable anyway. Refusing is simpler and more robust than sampling rows.
 */
export const MAX_REPORT_BYTES = 256 * 2 ** 20;

/** metrics.csv's size ÷ metrics.parquet's for the same rows (measured: 0.037–0.040 the other way). */
const PARQUET_TO_CSV = 25;

/**
 * The error for results too large for a report (the size and the way out), or undefined. A
 * sweep's, sensitivity analysis's, calibration's or validation's directory counts the files its
 * report reads (STUDY_FILES).
 */
export function reportSizeError(dir: string, maxBytes = MAX_REPORT_BYTES): ReportError | undefined {
  const size = (f: string) => statSync(join(dir, f), { throwIfNoEntry: false })?.size;
  const kind = studyKind(dir);
  if (kind) {
    const files = STUDY_FILES[kind];
    const sizes = files.map((f) => size(f) ?? 0);
    const bytes = sizes.reduce((a, b) => a + b, 0);
    if (bytes <= maxBytes) return undefined;
    const largest = files[sizes.indexOf(Math.max(...sizes))]!;
    return new ReportError("report", join(dir, largest), `results of at most ${mb(maxBytes)} MB (${files.join(" and ")}) for a report`, `they have ${mb(bytes)} MB`);
  }
  // Without metrics.csv the report reads metrics.parquet, whose rows take as much memory as the
  // CSV's: counted as the CSV it stands for, 25× its size (it is 4% of the CSV: bench/README.md).
  const metrics = size(RESULT_FILES.metrics) ?? PARQUET_TO_CSV * (size(RESULT_FILES.metricsParquet) ?? 0);
  const bytes = metrics + (size(RESULT_FILES.effects) ?? 0);
  if (bytes <= maxBytes) return undefined;
  return new ReportError(
    "report",
    join(dir, RESULT_FILES.metrics),
    `results of at most ${mb(maxBytes)} MB (metrics.csv and effects.csv) for a report`,
    `they have ${mb(bytes)} MB: use --no-report, or keep fewer steps (--every), groups or metrics`,
  );
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0);
}
