/**
 * `pnpm bench`: relocsim's benchmarks in one process tree. Each piece runs in a child Node
 * process of its own (its peak memory, heap and JIT are its own); this process only plans,
 * collects and reports. Writes bench/results/latest.json and prints a readable table.
 *
 *   pnpm bench                       every piece at the issue's sizes (about 10 minutes)
 *   pnpm bench --quick               the same pieces, smaller (about a minute)
 *   pnpm bench --only national,baselines
 *   pnpm bench --threads 2           national run on 2 threads only (default: 1 and one per CPU)
 *   pnpm bench --out /tmp/b.json     write the JSON elsewhere
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { inChild } from "./lib/child.ts";
import { machine } from "./lib/machine.ts";
import { PIECES, plan, type Mode, type PieceName } from "./lib/plan.ts";
import { agreement, median } from "./lib/stats.ts";
import { renderTable } from "./lib/table.ts";
import type { BaselinesReport, BenchReport, Check, NationalRun, ScaleComparison } from "./lib/report.ts";
import type { NationalResult } from "./pieces/national.ts";
import type { DrawsResult } from "./pieces/draws.ts";
import type { BandwidthResult } from "./pieces/bandwidth.ts";
import type { ReplicationsResult } from "./pieces/replications.ts";
import type { CoreLoopResult, Implementation } from "./pieces/coreLoop.ts";
import type { HeapResult } from "./pieces/heap.ts";
import type { StreamingResult } from "./pieces/streaming.ts";
import { CORE_METRICS } from "./baselines/coreSetup.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL("./results/latest.json", import.meta.url));

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        only: { type: "string" },
        quick: { type: "boolean", default: false },
        smoke: { type: "boolean", default: false },
        threads: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message} (see --help)`);
  }
  if (parsed.help) {
    process.stdout.write(`usage: pnpm bench [--quick | --smoke] [--only ${PIECES.join(",")}] [--threads N] [--out FILE]\n`);
    process.exit(0);
  }
  if (parsed.quick && parsed.smoke) fail("invalid --quick with --smoke (expected at most one of them)");
  const only = parsed.only === undefined ? [...PIECES] : parsed.only.split(",").map((s) => s.trim()).filter(Boolean);
  for (const p of only) if (!(PIECES as readonly string[]).includes(p)) fail(`invalid --only: ${p} (expected a comma-separated list of ${PIECES.join(", ")})`);
  const threads = parsed.threads === undefined ? undefined : Number(parsed.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) fail(`invalid --threads: ${parsed.threads} (expected a whole number from 1 to 64)`);
  const mode: Mode = parsed.smoke ? "smoke" : parsed.quick ? "quick" : "full";
  return { only: only as PieceName[], mode, threads, out: parsed.out ?? DEFAULT_OUT };
}

function gitInfo(): BenchReport["git"] {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return null;
  }
}

const log = (s: string) => process.stderr.write(s + "\n");

async function main(): Promise<void> {
  const o = options();
  const p = plan(o.mode, o.threads === undefined ? undefined : [o.threads]);
  const t0 = performance.now();
  const report: BenchReport = { schema: "relocsim-bench/1", date: new Date().toISOString(), mode: o.mode, argv: process.argv.slice(2), machine: machine(), git: gitInfo(), durationMs: 0, loadAverage1mAtEnd: NaN, checks: [] };
  const want = (x: PieceName) => o.only.includes(x);

  if (want("national")) {
    const runs: NationalRun[] = [];
    const { drawsHouseholds, ...national } = p.national;
    log(`national: counting the engine's draws per household in a run of ${drawsHouseholds.toLocaleString("en")} households…`);
    const draws = (await inChild<DrawsResult>("draws", { households: drawsHouseholds, steps: national.steps })).result;
    for (const threads of national.threads) {
      log(`national: ${national.households.toLocaleString("en")} households, ${threads} thread${threads > 1 ? "s" : ""}, the lean loop between its steps…`);
      const c = await inChild<NationalResult>("national", { ...national, threads, draws });
      runs.push({ ...c.result, processPeakRssBytes: c.processPeakRssBytes, processMs: c.processMs });
    }
    // The headline is the fastest configuration; every run is in nationalRuns.
    report.national = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    report.nationalRuns = runs;
  }

  if (want("bandwidth")) {
    log("bandwidth: streaming pass over the state's bytes…");
    const n = report.national;
    const opts = n ? { ...p.bandwidth, bytes: n.stateBytes.total, engineStepMs: n.meanStepMs, engineThreads: n.threads } : { ...p.bandwidth, households: p.national.households, measureSteps: Math.min(6, p.national.steps ?? 6) };
    report.bandwidth = (await inChild<BandwidthResult>("bandwidth", opts)).result;
  }

  if (want("replications")) {
    log(`replications: ${p.replications.replications.join(" and ")} × ${p.replications.households.toLocaleString("en")} households with ${p.replications.workers.join(" and ")} workers, each experiment in a process of its own…`);
    report.replications = (await inChild<ReplicationsResult>("replications", p.replications)).result;
  }

  if (want("baselines")) report.baselines = await baselines(p.baselines);

  if (want("heap")) {
    const runs: HeapResult[] = [];
    for (const households of p.heap.households) {
      log(`heap: ${households.toLocaleString("en")} households with a forced GC around every step…`);
      runs.push((await inChild<HeapResult>("heap", { households, steps: p.heap.steps }, ["--expose-gc", "--max-semi-space-size=64"])).result);
    }
    report.heap = { runs, allocationGrowth: runs[1]!.medianAllocatedBytesPerStep / runs[0]!.medianAllocatedBytesPerStep, populationRatio: runs[1]!.households / runs[0]!.households };
  }

  if (want("streaming")) {
    const runs: NonNullable<BenchReport["streaming"]>["runs"] = [];
    for (const n of p.streaming.runs) {
      log(`streaming: compare writing ${n.toLocaleString("en")} runs at --every 1 (${p.streaming.households} households each)…`);
      const c = await inChild<StreamingResult>("streaming", { ...p.streaming, runs: n });
      runs.push({ ...c.result, processPeakRssBytes: c.processPeakRssBytes });
    }
    const floor = runs[0]!.processPeakRssBytes;
    report.streaming = { runs, rssOverFloor: runs.map((r) => r.processPeakRssBytes / floor), growth: runs.at(-1)!.processPeakRssBytes / runs.at(-2)!.processPeakRssBytes };
  }

  report.durationMs = performance.now() - t0;
  report.loadAverage1mAtEnd = loadavg()[0]!;
  report.checks = checks(report);
  mkdirSync(dirname(o.out), { recursive: true });
  // Written whole or not at all.
  writeFileSync(`${o.out}.tmp`, JSON.stringify(report, null, 1) + "\n");
  renameSync(`${o.out}.tmp`, o.out);
  process.stdout.write(renderTable(report) + "\n");
  log(`wrote ${o.out}`);
}

const IMPLS: Implementation[] = ["engine", "objects", "flocc"];

async function baselines(scales: ReturnType<typeof plan>["baselines"]): Promise<BaselinesReport> {
  const out: ScaleComparison[] = [];
  for (const s of scales) {
    log(`baselines at ${s.label} (${s.households.toLocaleString("en")} households, ${s.seeds.length} seed${s.seeds.length > 1 ? "s" : ""})…`);
    const runs = {} as ScaleComparison["runs"];
    const rss = {} as ScaleComparison["peakRssBytes"];
    for (const impl of IMPLS) {
      // Baselines at province scale hold millions of objects: give V8 room (this machine has the RAM).
      const c = await inChild<CoreLoopResult>("core", { impl, households: s.households, seeds: s.seeds, warmup: s.warmup, steps: s.steps[impl] }, ["--max-old-space-size=16384"]);
      runs[impl] = c.result;
      rss[impl] = c.processPeakRssBytes;
      log(`  ${impl}: ${perStep(c.result).toFixed(2)} ms/step`);
    }
    const ms = { engine: perStep(runs.engine), objects: perStep(runs.objects), flocc: perStep(runs.flocc) };
    const first = runs.engine.runs[0]!;
    out.push({
      label: s.label,
      households: first.households,
      persons: first.persons,
      agents: first.agents,
      sites: first.agents - first.households - first.persons,
      msPerStep: ms,
      speedup: { objects: ms.objects / ms.engine, flocc: ms.flocc / ms.engine },
      peakRssBytes: rss,
      runs,
    });
  }
  const county = out[0]!;
  const values = (impl: Implementation, metric: (typeof CORE_METRICS)[number]) => county.runs[impl].runs.map((r) => r.outcomes[metric]);
  // Six comparisons (three metrics, two baselines) at a family-wise 1% level.
  const k = 2 * CORE_METRICS.length;
  const objects = CORE_METRICS.map((m) => agreement(m, values("engine", m), values("objects", m), k));
  const flocc = CORE_METRICS.map((m) => agreement(m, values("engine", m), values("flocc", m), k));
  const steps = county.runs.engine.steps;
  return {
    description:
      "The engine's labourMarket, income and integration processes plus its collectSite, against (a) an object-per-agent model " +
      "(staged scheduler shuffling one agent list, data collector iterating agents) and (b) the same rules in flocc 0.7.0; " +
      "all start from the same engine-built state after a warm-up of full engine steps. ms/step is the mean over a run's steps, median over seeds.",
    scales: out,
    agreement: { scale: county.label, seeds: county.runs.engine.runs.length, steps, objects, flocc, allAgree: [...objects, ...flocc].every((a) => a.agrees) },
  };
}

function perStep(r: CoreLoopResult): number {
  return median(r.runs.map((x) => x.totalMs / r.steps));
}

/** Targets of the national run (issue 12, part 4): wall time (build + run) on the faster thread count, and the run's peak memory. */
const NATIONAL_WALL_S = 20;
const NATIONAL_PEAK_GB = 2;

function checks(r: BenchReport): Check[] {
  const c: Check[] = [];
  const full = r.mode === "full";
  if (r.national) {
    const n = r.national;
    const scale = `${full ? "national" : `${n.households.toLocaleString("en")} households`}, ${n.threads} thread${n.threads > 1 ? "s" : ""},`;
    c.push({ name: `${scale} run wall time`, target: `≤ ${NATIONAL_WALL_S} s`, value: `${(n.wallMs / 1000).toFixed(1)} s`, pass: n.wallMs <= NATIONAL_WALL_S * 1000 });
    c.push({ name: `${scale} run peak memory`, target: `≤ ${NATIONAL_PEAK_GB} GB`, value: `${(n.peakRssBytes / 1e9).toFixed(2)} GB`, pass: n.peakRssBytes <= NATIONAL_PEAK_GB * 1e9 });
  }
  if (r.baselines) {
    for (const s of r.baselines.scales) {
      c.push({ name: `engine vs objects at ${s.label}`, target: "≥ 10× faster", value: `${s.speedup.objects.toFixed(1)}×`, pass: s.speedup.objects >= 10 });
      c.push({ name: `engine vs flocc at ${s.label}`, target: "≥ 10× faster", value: `${s.speedup.flocc.toFixed(0)}×`, pass: s.speedup.flocc >= 10 });
    }
    const a = r.baselines.agreement;
    c.push({ name: `baselines agree with the engine (${a.scale})`, target: "|Δ| < 3 SE, paired t test", value: a.allAgree ? "all 6" : `${[...a.objects, ...a.flocc].filter((x) => x.agrees).length} of 6`, pass: a.allAgree });
  }
  if (r.replications) {
    for (const s of r.replications.sizes) {
      for (const [w, e] of Object.entries(s.efficiency)) c.push({ name: `parallel efficiency, ${w} workers, ${s.replications} replications`, target: "≥ 0.9", value: e.toFixed(2), pass: e >= 0.9 });
    }
  }
  if (r.heap) {
    // Flat: what the run retains grows by less than 1 MB over the run, and what a step allocates
    // does not grow with the population (per-agent allocation would grow with it).
    for (const h of r.heap.runs) c.push({ name: `retained heap flat across steps (${h.households.toLocaleString("en")} households)`, target: "growth < 1 MB", value: `${(h.growthBytes / 1e6).toFixed(2)} MB`, pass: h.growthBytes < 1e6 });
    const g = r.heap.allocationGrowth;
    c.push({ name: `allocation per step, ${r.heap.populationRatio}× the households`, target: "< 2× (not per agent)", value: `${g.toFixed(2)}×`, pass: g < 2 });
  }
  if (r.streaming) {
    const last = r.streaming.runs.at(-1)!;
    const before = r.streaming.runs.at(-2)!;
    c.push({ name: `compare peak memory, ${last.runs.toLocaleString("en")} runs at --every 1`, target: "≤ 1 GB", value: `${(last.processPeakRssBytes / 1e9).toFixed(2)} GB`, pass: last.processPeakRssBytes <= 1e9 });
    c.push({ name: `compare peak memory, ${last.runs / before.runs}× the runs`, target: "< 1.5× (flat)", value: `${r.streaming.growth.toFixed(2)}×`, pass: r.streaming.growth < 1.5 });
  }
  return c;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
