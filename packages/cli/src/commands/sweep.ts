import { describeMetric, experimentSpec, type LeafSpec, defaultText } from "@relocsim/core/engine";
import { loadDesign, designPoints, type Design } from "@relocsim/scenarios";
import type { TornadoItem, SweepCell } from "@relocsim/report";
import type { ChartList } from "../runDesign.js";
import { parse, specFlag, helpText, type Flags } from "../args.js";
import { runDesign, designUnits, designSettings, designSeed, pointsCsv, outcomesCsv, designManifest, commitDesignResults, fineFormat, type DesignRun } from "../runDesign.js";
import { displayPath } from "@relocsim/scenarios";

const o = experimentSpec.fields;
const fileOr = (spec: LeafSpec) => `the file's, else ${defaultText(spec)}`;

/** The flags sweep and sensitivity share. */
export const designFlags: Flags = {
  replications: specFlag(o.replications, "replications per design point (overrides the file)", "N", fileOr(o.replications)),
  workers: specFlag(o.workers, "worker threads running the runs (results are identical for any N)", "N", `${o.workers.default} (CPUs here)`),
  seed: specFlag(o.seed, "seed of the design's points and base seed of the replicate seeds, shared by every point", "N", fileOr(o.seed)),
  scale: specFlag(o.scale, "households simulated", "S", fileOr(o.scale)),
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim (then replaced); finished runs are kept there, so the same command run again continues", default: "results/<design name>" },
  redis: { type: "string", value: "URL", help: "run on the workers of a cluster (relocsim worker --redis URL on each machine) instead of local threads; see docs/cluster.md" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const sweepCommand = {
  name: "sweep",
  summary: "run a design over parameters (factorial, Latin hypercube, Morris, Saltelli) on common random numbers; outcomes per point",
  help: () =>
    helpText(
      "relocsim sweep <design.json> [--replications N] [--workers N] [--seed N] [--scale S] [--out DIR] [--redis URL]",
      "Run a design file: its scenario with the named parameters set at each point of a full\n" +
        "factorial, a Latin hypercube, Morris trajectories or a Saltelli sample, inside each\n" +
        "parameter's documented plausible range (or the range the file gives). Replicate r of\n" +
        "every point uses the same seed (common random numbers). Writes:\n" +
        "  points.csv     point, one column per parameter (its value), u_<parameter> (its place in [0, 1])\n" +
        "  outcomes.csv   point,replicate,seed,group,date,metric,value: every run's outcomes at the horizon\n" +
        "  manifest.json  design, ranges, seeds, scale, timings\n" +
        "  charts/        tornado-<metric>.svg (low vs high values of each parameter); heatmap-<metric>.svg\n" +
        "                 (factorial designs: the first two parameters)\n" +
        "Interrupted, it continues where it stopped when run again with the same --out.",
      designFlags,
      "Examples:\n  pnpm relocsim sweep scenarios/sensitivity.json --scale 1000 --replications 2",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, designFlags, { min: 1, max: 1, names: "exactly one design file: relocsim sweep <design.json>" });
    if (values.help) return (process.stdout.write(sweepCommand.help()), 0);
    const file = positionals[0]!;
    const quiet = Boolean(values.quiet);
    const settings = designSettings(values);
    const design = loadDesign(file);
    const k = design.parameters.length;
    const { units } = designUnits(design.design, k, designSeed(design, settings));
    const label = `${design.design.type} design, ${designPoints(design.design, k)} points over ${k} parameter${k === 1 ? "" : "s"}`;
    const r = await runDesign(design, units, { file, command: "sweep", settings, out: (values.out as string | undefined) ?? `results/${design.name}`, quiet, label, redis: values.redis as string | undefined });
    if (typeof r === "number") return r;
    const dir = await commitDesignResults(
      r.results,
      { "points.csv": pointsCsv(r.run), "outcomes.csv": outcomesCsv(r.run), "manifest.json": designManifest(r.run, file, "sweep") },
      sweepCharts(r.run),
    );
    if (!quiet) process.stdout.write(sweepPrintout(r.run) + `Points: ${displayPath(dir)}/points.csv; outcomes: ${displayPath(dir)}/outcomes.csv; charts: ${displayPath(dir)}/charts/\n`);
    return 0;
  },
};

/** A parameter's name with the range it was varied over. */
export function rangeLabel(d: Design, j: number): string {
  const r = d.parameters[j]!;
  const f = (x: number) => Number(x.toPrecision(3)).toString();
  return `${r.path} (${f(r.lo)}–${f(r.hi)}${r.log ? ", log" : ""})`;
}

/**
 * One-at-a-time swings from a design: for parameter j, the mean outcome over the points with j
 * at its lowest and at its highest level (factorial), or in the lowest and highest third of its
 * range (other designs); base: the mean over every point.
 */
export function swings(run: DesignRun, o: number): TornadoItem[] {
  const means = run.mean[o]!;
  const base = average(means);
  const factorial = run.design.design.type === "factorial";
  return run.design.parameters.map((_, j) => {
    const u = run.units.map((p) => p[j]!);
    const lo = factorial ? Math.min(...u) : 1 / 3;
    const hi = factorial ? Math.max(...u) : 2 / 3;
    const pick = (f: (x: number) => boolean) => average(means.filter((_, p) => f(u[p]!)));
    // Thirds closed at both ends (with a rounding margin): on a Morris grid {0, 1/3, 2/3, 1} the low side takes 0 and 1/3, the high side 2/3 and 1.
    return { parameter: rangeLabel(run.design, j), low: pick((x) => (factorial ? x === lo : x <= lo + 1e-9)), high: pick((x) => (factorial ? x === hi : x >= hi - 1e-9)), base };
  });
}

function average(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

function sweepCharts(run: DesignRun): ChartList {
  return (report) => {
    const charts: ReturnType<ChartList> = [];
    const d = run.design;
    d.outcomes.forEach((metric, o) => {
      const info = describeMetric(metric);
      const title = `${info.label}${info.unit ? ` (${info.unit})` : ""} at ${d.horizon}`;
      const items = swings(run, o).filter((t) => Number.isFinite(t.low) && Number.isFinite(t.high) && Number.isFinite(t.base));
      if (items.length) charts.push({ name: `tornado-${metric}`, spec: report.tornadoChart(items, { title, valueTitle: title, valueFormat: fineFormat(info), subtitle: d.design.type === "factorial" ? "Mean outcome with the parameter at its lowest or highest level (others over their levels); black tick: mean over every point." : "Mean outcome over the points with the parameter in the lowest or highest third of its range; black tick: mean over every point." }) });
      if (d.design.type === "factorial" && d.parameters.length >= 2) {
        const cells = new Map<string, { x: number; y: number; sum: number; n: number }>();
        run.values.forEach((v, p) => {
          const x = round(v[d.parameters[0]!.path]!);
          const y = round(v[d.parameters[1]!.path]!);
          const c = cells.get(`${x},${y}`) ?? { x, y, sum: 0, n: 0 };
          c.sum += run.mean[o]![p]!;
          c.n++;
          cells.set(`${x},${y}`, c);
        });
        const list: SweepCell[] = [...cells.values()].map((c) => ({ x: c.x, y: c.y, value: c.sum / c.n })).filter((c) => Number.isFinite(c.value));
        if (list.length) charts.push({ name: `heatmap-${metric}`, spec: report.sweepHeatmap(list, { title, xTitle: d.parameters[0]!.path, yTitle: d.parameters[1]!.path, valueTitle: info.label, valueFormat: fineFormat(info), subtitle: d.parameters.length > 2 ? "Mean over replicates and the other parameters' levels" : "Mean over replicates" }) });
      }
    });
    return charts;
  };
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/** The readable part: for each outcome, its range over the points and the widest swings. */
function sweepPrintout(run: DesignRun): string {
  const lines: string[] = [""];
  run.design.outcomes.forEach((metric, o) => {
    const info = describeMetric(metric);
    const m = run.mean[o]!.filter(Number.isFinite);
    lines.push(`${info.label} at ${run.design.horizon} (mean over ${run.replications} replication${run.replications === 1 ? "" : "s"} per point): from ${fmt(Math.min(...m))} to ${fmt(Math.max(...m))} over ${m.length} points`);
    const top = swings(run, o)
      .map((t) => ({ ...t, swing: t.high - t.low }))
      .filter((t) => Number.isFinite(t.swing))
      .sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing))
      .slice(0, 5);
    for (const t of top) lines.push(`  ${t.parameter.padEnd(60)} low ${fmt(t.low)}  high ${fmt(t.high)}  swing ${t.swing >= 0 ? "+" : ""}${fmt(t.swing)}`);
  });
  return lines.join("\n") + "\n\n";
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4);
}
