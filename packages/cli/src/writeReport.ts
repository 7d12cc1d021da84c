import type { writeReport as WriteReport } from "@relocsim/report";

/**
 * The report package is loaded when a report is written, not when relocsim starts: it brings
 * vega, vega-lite and resvg (about 0.6 s), which `--help`, `validate` and `--no-report` runs
 * never need.
 */
export async function writeReport(...args: Parameters<typeof WriteReport>): ReturnType<typeof WriteReport> {
  const report = await import("@relocsim/report");
  return report.writeReport(...args);
}
