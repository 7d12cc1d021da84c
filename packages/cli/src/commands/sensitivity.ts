import { InputError } from "@relocsim/core";
import { describeMetric, morrisIndices, sobolIndices, type SensitivityIndex } from "@relocsim/core/engine";
import { loadDesign, designPoints, displayPath, MAX_DESIGN_POINTS, type Design, type DesignMethod } from "@relocsim/scenarios";
import { parse, intFlag, helpText, type Flags } from "../args.js";
import { runDesign, designUnits, designSettings, designSeed, pointsCsv, outcomesCsv, designManifest, commitDesignResults, type DesignRun } from "../runDesign.js";
import { designFlags } from "./sweep.js";

const flags: Flags = {
  method: { type: "string", value: "M", help: "morris (elementary effects μ*, σ: screening many parameters) or sobol (first- and total-order indices, Saltelli sample)", default: "the file's design" },
  samples: { type: "string", value: "N", help: "Morris trajectories, or Sobol base rows N (N·(k+2) points)", default: "the file's, else 10 (morris) or 64 (sobol)" },
  ...designFlags,
};

/** What indices.csv holds, in this order. */
export const INDEX_COLUMNS = "method,metric,parameter,index,value,lo,hi";

export const sensitivityCommand = {
  name: "sensitivity",
  summary: "global sensitivity of outcomes to parameters: Morris μ*, σ or Sobol S1, ST, with bootstrap intervals",
  help: () =>
    helpText(
      "relocsim sensitivity <design.json> [--method morris|sobol] [--samples N] [--replications N] [--scale S] [--seed N] [--workers N] [--out DIR] [--redis URL]",
      "Global sensitivity analysis of a design file's outcomes at its horizon month to its\n" +
        "parameters, each over its documented plausible range (or the file's). morris: r\n" +
        "trajectories of elementary effects (Morris 1991; μ* after Campolongo et al. 2007), for\n" +
        "screening many parameters; sobol: Saltelli's sample on a Sobol sequence, first-order S1\n" +
        "(Saltelli et al. 2010) and total-order ST (Jansen 1999) indices. Each point's outcome is the\n" +
        "mean over its replications, which share seeds across points (common random numbers).\n" +
        "Every index has a 95% percentile bootstrap interval (trajectories or base rows resampled).\n" +
        "Writes:\n" +
        `  indices.csv    ${INDEX_COLUMNS} (index: mu_star, sigma, S1 or ST)\n` +
        "  points.csv     point, one column per parameter, u_<parameter>\n" +
        "  outcomes.csv   every run's outcomes at the horizon\n" +
        "  manifest.json  design, ranges, seeds, scale, timings\n" +
        "  report.html    the design, a table of every index and the charts, interactive (opens offline)\n" +
        "  charts/        indices-<metric>.svg and .png: each parameter's indices with their intervals\n" +
        "Interrupted, it continues where it stopped when run again with the same --out.",
      flags,
      "Examples:\n  pnpm relocsim sensitivity scenarios/sensitivity.json --scale 1000 --replications 1 --workers 2\n  pnpm relocsim sensitivity scenarios/sensitivity-sobol.json --samples 32",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 1, max: 1, names: "exactly one design file: relocsim sensitivity <design.json>" });
    if (values.help) return (process.stdout.write(sensitivityCommand.help()), 0);
    const file = positionals[0]!;
    const quiet = Boolean(values.quiet);
    const settings = designSettings(values);
    if (values.method !== undefined && values.method !== "morris" && values.method !== "sobol") throw new InputError("--method", values.method, "morris or sobol");
    const samples = values.samples === undefined ? undefined : intFlag(values, "samples", 0, 2, MAX_DESIGN_POINTS);
    const design = loadDesign(file);
    const method = sensitivityMethod(design, values.method as "morris" | "sobol" | undefined, samples);
    const k = design.parameters.length;
    if (designPoints(method, k) > MAX_DESIGN_POINTS) throw new InputError("--samples", samples, `a design of at most ${MAX_DESIGN_POINTS.toLocaleString("en")} points (it would have ${designPoints(method, k).toLocaleString("en")})`);
    const seed = designSeed(design, settings);
    const built = designUnits(method, k, seed);
    const label = method.type === "morris" ? `Morris, ${method.trajectories} trajectories on ${method.levels} levels over ${k} parameters` : `Sobol (Saltelli sample, ${method.base} base), N = ${method.samples} over ${k} parameters`;
    const r = await runDesign({ ...design, design: method }, built.units, { file, command: "sensitivity", settings, out: (values.out as string | undefined) ?? `results/${design.name}`, quiet, label, redis: values.redis as string | undefined });
    if (typeof r === "number") return r;
    const indices = designIndices(r.run, built, seed);
    const dir = await commitDesignResults(
      r.results,
      { "indices.csv": indicesCsv(r.run, indices), "points.csv": pointsCsv(r.run), "outcomes.csv": outcomesCsv(r.run), "manifest.json": designManifest(r.run, file, "sensitivity", { bootstrap: { resamples: design.bootstrap, confidence: 0.95, seed } }) },
      design.title,
    );
    if (!quiet) process.stdout.write(indicesPrintout(r.run, indices) + `Every index with its interval: ${displayPath(dir)}/indices.csv; charts: ${displayPath(dir)}/report.html\n`);
    return 0;
  },
};

/** The Morris or Saltelli design to run: --method, else the file's; --samples over the file's count. */
function sensitivityMethod(d: Design, flag: "morris" | "sobol" | undefined, samples: number | undefined): Extract<DesignMethod, { type: "morris" | "sobol" }> {
  const f = d.design;
  const type = flag ?? (f.type === "morris" || f.type === "sobol" ? f.type : undefined);
  if (!type) throw new InputError("--method", undefined, `morris or sobol: the design file's design is ${f.type}, which gives no sensitivity indices`);
  if (type === "morris") {
    const m = f.type === "morris" ? f : { trajectories: 10, levels: 4, candidates: 0 };
    if (samples !== undefined && samples < 2) throw new InputError("--samples", samples, "at least 2 Morris trajectories");
    return { type, trajectories: samples ?? m.trajectories, levels: m.levels, candidates: Math.max(m.candidates, 0) };
  }
  const s = f.type === "sobol" ? f : { samples: 64, base: "sobol" as const };
  return { type, samples: samples ?? s.samples, base: s.base };
}

export interface MetricIndices {
  metric: string;
  method: "morris" | "sobol";
  indices: SensitivityIndex[];
}

/** The indices of every outcome, from the mean over replicates of each point. */
function designIndices(run: DesignRun, built: ReturnType<typeof import("../runDesign.js").designUnits>, seed: number): MetricIndices[] {
  const bootstrap = { seed, resamples: run.design.bootstrap };
  return run.design.outcomes.map((metric, o) => {
    const y = run.mean[o]!;
    if (built.morris) return { metric, method: "morris", indices: morrisIndices(built.morris, y, bootstrap).filter((x) => x.index !== "mu") };
    return { metric, method: "sobol", indices: sobolIndices(built.saltelli!, y, bootstrap) };
  });
}

function indicesCsv(run: DesignRun, all: MetricIndices[]): string {
  const lines = [INDEX_COLUMNS];
  for (const m of all) for (const x of m.indices) lines.push(`${m.method},${m.metric},${run.design.parameters[x.parameter]!.path},${x.index},${x.value},${x.lo},${x.hi}`);
  return lines.join("\n") + "\n";
}

function indicesPrintout(run: DesignRun, all: MetricIndices[]): string {
  const lines: string[] = [""];
  for (const m of all) {
    const info = describeMetric(m.metric);
    const key = m.method === "morris" ? "mu_star" : "ST";
    const other = m.method === "morris" ? "sigma" : "S1";
    lines.push(`${info.label} at ${run.design.horizon}: parameters by ${key === "mu_star" ? "μ*" : "total-order index ST"} (95% bootstrap interval), then ${other === "sigma" ? "σ" : "S1"}`);
    const by = (index: string) => new Map(m.indices.filter((x) => x.index === index).map((x) => [x.parameter, x]));
    const main = [...by(key).values()].sort((a, b) => (Number.isNaN(a.value) ? 1 : Number.isNaN(b.value) ? -1 : b.value - a.value));
    const second = by(other);
    for (const x of main) {
      const y = second.get(x.parameter)!;
      lines.push(`  ${run.design.parameters[x.parameter]!.path.padEnd(46)} ${num(x.value)} [${num(x.lo)}, ${num(x.hi)}]   ${num(y.value)} [${num(y.lo)}, ${num(y.hi)}]`);
    }
  }
  return lines.join("\n") + "\n\n";
}

function num(x: number): string {
  if (!Number.isFinite(x)) return "NaN".padStart(8);
  const a = Math.abs(x);
  return (a >= 1000 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(3)).padStart(8);
}
