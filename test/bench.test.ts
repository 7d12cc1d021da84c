import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchReport } from "../bench/lib/report.ts";

// The benchmarks are never timed here: this runs every piece of `pnpm bench` at a tiny size
// (`--smoke`: 200-300 households, 2-3 steps) to keep it working, and checks the JSON's shape.

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function bench(args: string[]) {
  return spawnSync(TSX, ["bench/run.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

const positive = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x > 0;
const finite = (x: unknown) => typeof x === "number" && Number.isFinite(x);

describe("pnpm bench --smoke", () => {
  let dir: string;
  let report: BenchReport;
  let stdout: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-bench-test-"));
    const r = bench(["--smoke", "--out", join(dir, "latest.json")]);
    expect(r.status, r.stderr).toBe(0);
    stdout = r.stdout;
    report = JSON.parse(readFileSync(join(dir, "latest.json"), "utf8")) as BenchReport;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a report with the machine, the mode and every piece", () => {
    expect(report.schema).toBe("relocsim-bench/1");
    expect(report.mode).toBe("smoke");
    expect(report.machine.nproc).toBeGreaterThan(0);
    expect(report.machine.cpuModel).not.toBe("");
    for (const k of ["national", "bandwidth", "replications", "baselines", "heap", "streaming"] as const) expect(report[k], k).toBeDefined();
  });

  it("national: wall time, household-steps per second, peak RSS, time per process and the lean loop beside it", () => {
    const n = report.national!;
    expect(n.households).toBe(200);
    expect(n.steps).toBe(3);
    for (const x of [n.wallMs, n.householdStepsPerSecond, n.peakRssBytes, n.processPeakRssBytes, n.stateBytes.total]) expect(positive(x)).toBe(true);
    expect(n.lean.stepMs).toHaveLength(3);
    for (const x of [n.lean.meanDrawsPerHousehold, n.lean.meanStepMs, n.lean.engineOverLean]) expect(positive(x)).toBe(true);
    expect(stdout).toContain("engine ÷ lean");
    for (const phase of ["demography", "labourMarket", "income", "integration", "collect"]) expect(finite(n.phaseMs[phase]), phase).toBe(true);
    expect(n.heapUsedBytes).toHaveLength(3);
  });

  it("replications: throughput with 1 and 2 workers at each size, efficiency, same outcomes whatever the workers", () => {
    const r = report.replications!;
    expect(r.sizes.map((s) => s.replications)).toEqual([2, 4]);
    for (const s of r.sizes) {
      expect(s.byWorkers.map((w) => w.workers)).toEqual([1, 2]);
      for (const w of s.byWorkers) {
        expect(w.runs).toHaveLength(s.replications);
        expect(w.experimentMs).toHaveLength(1);
        expect(positive(w.replicationsPerSecond)).toBe(true);
      }
      expect(finite(s.efficiency["2"])).toBe(true);
    }
    expect(r.identicalAcrossWorkers).toBe(true);
  });

  it("baselines: ms per step of engine, objects and flocc at two scales, ratios and agreement", () => {
    const b = report.baselines!;
    expect(b.scales).toHaveLength(2);
    for (const s of b.scales) {
      for (const impl of ["engine", "objects", "flocc"] as const) {
        expect(positive(s.msPerStep[impl]), `${s.label} ${impl}`).toBe(true);
        expect(s.runs[impl].runs[0]!.households).toBe(s.households);
      }
      expect(positive(s.speedup.objects) && positive(s.speedup.flocc)).toBe(true);
    }
    expect(b.agreement.objects.map((a) => a.metric)).toEqual(["employment_rate", "per_capita_income", "integration_index"]);
    for (const a of [...b.agreement.objects, ...b.agreement.flocc]) {
      expect(finite(a.engineMean) && finite(a.baselineMean)).toBe(true);
      expect(typeof a.agrees).toBe("boolean");
    }
  });

  it("the three implementations start from the same population (same households and persons per seed)", () => {
    const s = report.baselines!.scales[0]!;
    const shape = (impl: "engine" | "objects" | "flocc") => s.runs[impl].runs.map((r) => [r.seed, r.households, r.persons]);
    expect(shape("objects")).toEqual(shape("engine"));
    expect(shape("flocc")).toEqual(shape("engine"));
  });

  it("bandwidth and heap: a fraction of the streaming pass, retained and allocated heap per step", () => {
    const bw = report.bandwidth!;
    expect(bw.bytes).toBe(report.national!.stateBytes.total - (report.national!.stateBytes.total % 8));
    expect(positive(bw.fraction)).toBe(true);
    const h = report.heap!;
    expect(h.runs.map((x) => x.households)).toEqual([200, 800]);
    for (const x of h.runs) {
      expect(x.retainedBytes).toHaveLength(3);
      expect(x.allocatedBytesPerStep).toHaveLength(3);
    }
    expect(finite(h.allocationGrowth)).toBe(true);
  });

  it("streaming: compare's peak RSS at each number of runs beside the 2-run floor, rows and the parquet/csv sizes", () => {
    const st = report.streaming!;
    expect(st.runs.map((r) => r.runs)).toEqual([2, 4]);
    // 2 runs × 3 months × 3 groups × every metric, less the undefined ones (which depend on the
    // replicate at this tiny scale): the 4 runs hold the 2 runs' rows and about as many again.
    expect(st.runs[1]!.rows).toBeGreaterThan(1.5 * st.runs[0]!.rows);
    expect(st.runs[1]!.rows).toBeLessThan(2.5 * st.runs[0]!.rows);
    for (const r of st.runs) {
      for (const x of [r.processPeakRssBytes, r.csvBytes, r.parquetBytes, r.wallMs]) expect(positive(x)).toBe(true);
      expect(r.parquetCsvRatio).toBeLessThan(1);
    }
    expect(st.rssOverFloor[0]).toBe(1);
    expect(finite(st.growth)).toBe(true);
  });

  it("prints the readable table with every section and the targets", () => {
    for (const s of ["1. national run", "2. replications", "3. core loop", "4. the limit", "heap across steps", "streaming results", "targets"]) expect(stdout).toContain(s);
  });
});

describe("pnpm bench flags", () => {
  it("rejects an unknown piece in --only, naming the value and what was expected", () => {
    const r = bench(["--only", "national,bogus"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("invalid --only: bogus (expected a comma-separated list of national, bandwidth, replications, baselines, heap, streaming)");
  });
});
