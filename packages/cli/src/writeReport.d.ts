import type { writeReport as WriteReport, reportSizeError as ReportSizeError } from "@relocsim/report";
/**
 * The report package is loaded when a report is written, not when relocsim starts: it brings
 * vega, vega-lite and resvg (about 0.6 s), which `--help`, `validate` and `--no-report` runs
 * never need.
 */
export declare function writeReport(...args: Parameters<typeof WriteReport>): ReturnType<typeof WriteReport>;
/** The report's size check (results too large to chart), from the same lazily loaded package. */
export declare function reportSizeError(...args: Parameters<typeof ReportSizeError>): Promise<ReturnType<typeof ReportSizeError>>;
