import { describeMetric, experimentSpec, type LeafSpec, defaultText } from "@relocsim/core/engine";
import { loadDesign, designPoints } from "@relocsim/scenarios";
import { parse, specFlag, helpText, type Flags } from "../args.js";
import { runDesign, designUnits, designSettings, designSeed, pointsCsv, outcomesCsv, designManifest, commitDesignResults, type DesignRun } from "../runDesign.js";
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
        "  report.html    the design, outcomes over the points and the charts, interactive (opens offline)\n" +
        "  charts/        tornado-<metric> (low vs high values of each parameter); heatmap-<metric>\n" +
        "                 (factorial designs: the first two parameters); .svg and .png\n" +
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
    const dir = await commitDesignResults(r.results, { "points.csv": pointsCsv(r.run), "outcomes.csv": outcomesCsv(r.run), "manifest.json": designManifest(r.run, file, "sweep") }, design.title);
    if (!quiet) process.stdout.write((await sweepPrintout(r.run)) + `Points: ${displayPath(dir)}/points.csv; outcomes: ${displayPath(dir)}/outcomes.csv; charts: ${displayPath(dir)}/report.html\n`);
    return 0;
  },
};

/** The readable part: for each outcome, its range over the points and the widest swings (those of the tornado charts). */
async function sweepPrintout(run: DesignRun): Promise<string> {
  const { designSwings } = await import("@relocsim/report");
  const lines: string[] = [""];
  run.design.outcomes.forEach((metric, o) => {
    const info = describeMetric(metric);
    const m = run.mean[o]!.filter(Number.isFinite);
    lines.push(`${info.label} at ${run.design.horizon} (mean over ${run.replications} replication${run.replications === 1 ? "" : "s"} per point): from ${fmt(Math.min(...m))} to ${fmt(Math.max(...m))} over ${m.length} points`);
    const top = designSwings(run.design.design.type, run.design.parameters, run.units, run.mean[o]!)
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
