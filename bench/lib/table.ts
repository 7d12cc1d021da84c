import type { BenchReport } from "./report.ts";

const GB = 1e9;
const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const int = (x: number) => Math.round(x).toLocaleString("en");
const si = (x: number) => (x >= 1e9 ? `${f(x / 1e9, 2)} G` : x >= 1e6 ? `${f(x / 1e6, 2)} M` : x >= 1e3 ? `${f(x / 1e3, 1)} k` : f(x, 0));
const bytes = (b: number) => (Math.abs(b) >= GB ? `${f(b / GB, 2)} GB` : Math.abs(b) >= 1e6 ? `${f(b / 1e6, 1)} MB` : Math.abs(b) >= 1e3 ? `${f(b / 1e3, 1)} kB` : `${f(b, 0)} B`);

/** Rows of cells → aligned text (first column left, others right). */
function grid(rows: string[][], indent = "  "): string {
  const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => indent + r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]!) : cell.padStart(w[c]!))).join("  ").trimEnd()).join("\n");
}

/** The readable summary `pnpm bench` prints (and bench/README.md quotes). */
export function renderTable(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`relocsim bench (${r.mode}) ${r.date.slice(0, 16).replace("T", " ")} UTC — ${m.cpuModel}, nproc ${m.nproc}, ${f(m.ramBytes / 2 ** 30, 1)} GiB RAM, Node ${m.node}, load average ${f(m.loadAverage1m, 2)} at start, ${f(r.loadAverage1mAtEnd, 2)} at end`);

  if (r.national) {
    const n = r.national;
    out.push("", `1. national run: ${int(n.households)} households, ${int(n.sites)} sites, ${int(n.persons)} persons, ${n.steps} monthly steps, scenario ${n.scenario}`);
    const rows = [["threads", "wall (build + run)", "build", "run", "ms/step", "household-steps/s", "peak RSS", "lean ms/step", "engine ÷ lean"]];
    for (const x of r.nationalRuns ?? [n]) {
      rows.push([String(x.threads), `${f(x.wallMs / 1000)} s`, `${f(x.buildMs / 1000)} s`, `${f(x.runMs / 1000)} s`, f(x.meanStepMs, 0), si(x.householdStepsPerSecond), bytes(x.peakRssBytes), f(x.lean.meanStepMs, 0), `${f(x.lean.engineOverLean, 1)}×`]);
    }
    out.push(grid(rows));
    const l = n.lean;
    out.push(
      `  lean loop: the same state, threads and months, one column-wise pass a month over every household and person column with the engine's ${f(l.meanDrawsPerHousehold, 2)} draws ` +
        `per household (counted month by month in a run of ${int(l.countedAtHouseholds)} households), run after each engine step; peak RSS is the process's, ` +
        `the lean loop's worker threads included (${bytes(l.threadsRssBytes)} at ${n.threads} thread${n.threads > 1 ? "s" : ""})`,
    );
    out.push(`  state arrays ${bytes(n.stateBytes.total)}; time per process of the step (${n.threads} thread${n.threads > 1 ? "s, summed over threads" : ""}; shares estimated on every 16th site):`);
    const total = Object.values(n.phaseMs).reduce((a, b) => a + b, 0);
    const phases = Object.entries(n.phaseMs).sort((a, b) => b[1] - a[1]);
    out.push(grid(phases.map(([k, v]) => [k, `${f(v / 1000, 2)} s`, `${f((100 * v) / total, 1)} %`]), "    "));
  }

  if (r.bandwidth) {
    const b = r.bandwidth;
    out.push("", `4. the limit: streaming passes over as many bytes as the state's typed arrays (${bytes(b.bytes)})`);
    const rows = [["pass", "threads", "time", "GB/s of state", "GB/s traffic"]];
    rows.push([`engine step (${b.source})`, String(b.engineThreads), `${f(b.engineStepMs, 0)} ms`, f(b.engineStateBytesPerSecond / GB, 2), ""]);
    for (const c of b.copy) rows.push(["native copy (memcpy), read + write", String(c.threads), `${f(c.ms, 0)} ms`, f(c.stateBytesPerSecond / GB, 2), f(c.trafficBytesPerSecond / GB, 2)]);
    for (const c of b.jsLoop) rows.push(["JavaScript loop, read + write in place", String(c.threads), `${f(c.ms, 0)} ms`, f(c.stateBytesPerSecond / GB, 2), f(c.trafficBytesPerSecond / GB, 2)]);
    out.push(grid(rows));
    out.push(`  engine fraction of this machine's memory bandwidth: ${f(100 * b.fraction, 1)} % (${f(100 * b.fractionOfJsLoop, 1)} % of a JavaScript loop's)`);
  }

  if (r.replications) {
    const rp = r.replications;
    out.push("", `2. replications: experiments of ${rp.sizes.map((s) => s.replications).join(" and ")} × ${int(rp.households)} households × ${rp.months} months, ${rp.repeats} of each; ${rp.pool}`);
    const rows = [["replications", "workers", "wall", "replications/s", "household-steps/s", "parallel efficiency (≥ 0.9)", "first run ended"]];
    for (const s of rp.sizes) {
      for (const w of s.byWorkers) {
        rows.push([String(s.replications), String(w.workers), `${f(w.wallMs / 1000)} s`, f(w.replicationsPerSecond, 2), si(w.householdStepsPerSecond), w.workers === 1 ? "1" : f(s.efficiency[w.workers]!, 2), w.firstRunEndS.map((x) => `${f(x)} s`).join(", ")]);
      }
    }
    out.push(grid(rows));
    out.push(`  identical outcomes per replicate across worker counts: ${rp.identicalAcrossWorkers ? "yes" : "NO"}`);
  }

  if (r.baselines) {
    const bl = r.baselines;
    out.push("", "3. core loop (labour market + income + integration + collection) vs baselines, from the same state");
    const rows = [["scale", "households", "agents", "engine ms/step", "objects ms/step", "flocc ms/step", "objects÷engine", "flocc÷engine"]];
    for (const s of bl.scales) {
      rows.push([s.label, int(s.households), int(s.agents), f(s.msPerStep.engine, 2), f(s.msPerStep.objects, 1), f(s.msPerStep.flocc, 0), `${f(s.speedup.objects, 1)}×`, `${f(s.speedup.flocc, 0)}×`]);
    }
    out.push(grid(rows));
    const a = bl.agreement;
    const crit = a.objects[0]?.pairedCritical ?? NaN;
    out.push(`  agreement at ${a.scale}, ${a.seeds} seeds, after ${a.steps} months (|Δ| < 3 pooled SE and paired |t| < ${f(crit, 2)}): ${a.allAgree ? "all agree" : "DISAGREE"}`);
    const arows = [["metric", "engine", "objects", "Δ/SE", "paired t", "flocc", "Δ/SE", "paired t"]];
    for (let i = 0; i < a.objects.length; i++) {
      const o = a.objects[i]!;
      const fl = a.flocc[i]!;
      const d = o.metric === "per_capita_income" ? 0 : 4;
      arows.push([o.metric, f(o.engineMean, d), f(o.baselineMean, d), f(o.difference / o.pooledSE, 2), f(o.pairedMeanDifference / o.pairedSE, 2), f(fl.baselineMean, d), f(fl.difference / fl.pooledSE, 2), f(fl.pairedMeanDifference / fl.pairedSE, 2)]);
    }
    out.push(grid(arows));
  }

  if (r.heap) {
    out.push("", "heap across steps (a forced full GC before and after every step)");
    const rows = [["households", "steps", "retained first", "last", "max", "growth", "allocated per step (median)"]];
    for (const h of r.heap.runs) rows.push([int(h.households), String(h.steps), bytes(h.firstBytes), bytes(h.lastBytes), bytes(h.maxBytes), bytes(h.growthBytes), bytes(h.medianAllocatedBytesPerStep)]);
    out.push(grid(rows));
    out.push(`  allocation per step grows ${f(r.heap.allocationGrowth, 2)}× for ${r.heap.populationRatio}× the households (allocation per agent would grow ${r.heap.populationRatio}×, a per-step constant 1×)`);
  }

  if (r.streaming) {
    const st = r.streaming;
    out.push("", `streaming results: compare at --every 1, ${st.runs[0]!.households} households a run, ${st.runs[0]!.workers} worker${st.runs[0]!.workers > 1 ? "s" : ""}, no report`);
    const rows = [["runs", "rows", "wall", "peak RSS", "÷ 2-run floor", "metrics.csv", "metrics.parquet", "parquet ÷ csv"]];
    st.runs.forEach((x, i) => rows.push([int(x.runs), int(x.rows), `${f(x.wallMs / 1000, 1)} s`, bytes(x.processPeakRssBytes), `${f(st.rssOverFloor[i]!, 2)}×`, bytes(x.csvBytes), bytes(x.parquetBytes), f(x.parquetCsvRatio, 3)]));
    out.push(grid(rows));
  }

  if (r.checks.length) {
    out.push("", "targets (bench figures, not tests):");
    out.push(grid(r.checks.map((c) => [c.pass ? "met" : "MISSED", c.name, c.value, c.target])));
  }
  out.push("", `total bench time ${f(r.durationMs / 1000, 0)} s`);
  return out.join("\n");
}
