import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetRowCount } from "../../packages/core/src/results/index.ts";
import { cli } from "../../packages/cli/src/main.ts";

export interface StreamingOptions {
  /** Runs of the experiment: two scenarios × runs/2 replications. */
  runs: number;
  /** Households per run (tiny: the runs are cheap, their rows are not). */
  households: number;
  /** Months per run (default: the scenarios' horizon, 120). */
  months?: number;
  workers: number;
}

export interface StreamingResult {
  runs: number;
  households: number;
  months: number;
  workers: number;
  /** Tidy rows written (metrics.parquet's row count: every kept step, group and metric of every run). */
  rows: number;
  csvBytes: number;
  parquetBytes: number;
  /** metrics.parquet's size ÷ metrics.csv's. */
  parquetCsvRatio: number;
  wallMs: number;
  command: string;
}

/**
 * `relocsim compare` as a user runs it, in this (child) process, so that the process's peak
 * RSS is the command's: a comparison of the baseline and one lever with runs/2 replications,
 * `--every 1` (every month kept), the default groups and every metric, at a tiny scale, on
 * `workers` worker threads, without the report (which reads every row back). Its runs are kept
 * in the results directory as they finish, and metrics.csv and metrics.parquet are written
 * from there a run at a time: peak memory should not grow with the number of runs.
 */
export async function runStreaming(o: StreamingOptions, log: (s: string) => void = () => {}): Promise<StreamingResult> {
  if (o.runs < 2 || o.runs % 2) throw new Error(`streaming: runs must be even and at least 2 (two scenarios), not ${o.runs}`);
  const dir = mkdtempSync(join(tmpdir(), "relocsim-bench-streaming-"));
  try {
    const horizon = o.months === undefined ? {} : { params: { horizon: { months: o.months } } };
    const comparison = {
      name: "streaming",
      baseline: { name: "baseline", ...horizon },
      scenarios: [{ name: "gridManagement", extends: "lever.gridManagement", ...horizon }],
      replications: o.runs / 2,
      every: 1,
      scale: o.households,
    };
    const file = join(dir, "streaming.json");
    writeFileSync(file, JSON.stringify(comparison));
    const out = join(dir, "out");
    const args = ["compare", file, "--workers", String(o.workers), "--no-report", "--quiet", "--out", out];
    const t0 = performance.now();
    const code = await cli(args);
    const wallMs = performance.now() - t0;
    if (code !== 0) throw new Error(`relocsim ${args.join(" ")} exited ${code}`);
    const csvBytes = statSync(join(out, "metrics.csv")).size;
    const parquetBytes = statSync(join(out, "metrics.parquet")).size;
    const rows = await parquetRowCount(join(out, "metrics.parquet"));
    log(`  ${o.runs} runs: ${rows.toLocaleString("en")} rows in ${(wallMs / 1000).toFixed(1)} s; metrics.csv ${(csvBytes / 1e6).toFixed(1)} MB, metrics.parquet ${(parquetBytes / 1e6).toFixed(1)} MB`);
    return {
      runs: o.runs,
      households: o.households,
      months: o.months ?? 120,
      workers: o.workers,
      rows,
      csvBytes,
      parquetBytes,
      parquetCsvRatio: parquetBytes / csvBytes,
      wallMs,
      command: `relocsim compare <baseline + lever.gridManagement, ${o.runs / 2} replications, every 1, scale ${o.households}${o.months === undefined ? "" : `, ${o.months} months`}> --workers ${o.workers} --no-report`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
