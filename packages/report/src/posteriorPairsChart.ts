import type { TopLevelSpec } from "vega-lite";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { ReportError } from "./reportError.ts";

/** One weighted particle of a posterior generation: a value per parameter. */
export interface WeightedParticle {
  values: Readonly<Record<string, number>>;
  weight: number;
}

export interface PosteriorPairsOptions {
  title: string;
  subtitle?: string;
  /** Each parameter's prior range, in the order of the matrix's rows and columns. */
  ranges: Readonly<Record<string, readonly [number, number]>>;
  /** Parameters with a log-uniform prior, drawn on a log axis. */
  log?: readonly string[];
}

/** Side of one panel in pixels: seven parameters make a matrix about 900 pixels wide. */
const PANEL = 118;

/**
 * The posterior's pairs: a scatter matrix of the last generation's particles, one panel per
 * pair of parameters (the lower triangle: row i against each column j < i), each axis over the
 * parameter's prior range, so a panel filled edge to edge is a pair the targets do not
 * constrain and a ridge is a trade-off between two parameters. Point area is proportional to
 * the particle's weight. Axis labels are on the outer panels only, where rows and columns share
 * a parameter.
 */
export function posteriorPairsChart(particles: readonly WeightedParticle[], options: PosteriorPairsOptions): TopLevelSpec {
  if (!particles.length) throw new ReportError("particles", [], "at least one weighted particle");
  const names = Object.keys(options.ranges);
  if (names.length < 2) throw new ReportError("ranges", names, "at least two parameters (a pair)");
  const missing = names.find((n) => particles.some((p) => !Number.isFinite(p.values[n])));
  if (missing !== undefined) throw new ReportError(`particles' ${missing}`, particles.find((p) => !Number.isFinite(p.values[missing]))!.values[missing], "a finite value in every particle");
  // Dotted paths would read as nested fields in Vega-Lite: the data use p0, p1 … instead.
  const key = (i: number) => `p${i}`;
  const values = particles.map((p) => ({ ...Object.fromEntries(names.map((n, i) => [key(i), p.values[n]!])), weight: p.weight }));
  const log = new Set(options.log ?? []);
  const maxWeight = Math.max(...particles.map((p) => p.weight));
  const size = { field: "weight", type: "quantitative" as const, title: "Weight", scale: { domain: [0, maxWeight > 0 ? maxWeight : 1], range: [0, 90] }, legend: { format: ".2~g" } };
  const axis = (i: number, outer: boolean, orient: "x" | "y") => ({
    field: key(i),
    type: "quantitative" as const,
    scale: { domain: [...options.ranges[names[i]!]!], nice: false, ...(log.has(names[i]!) ? { type: "log" as const } : { zero: false }) },
    // A long dotted path on two lines: group, then name.
    axis: outer
      ? { title: splitPath(names[i]!), tickCount: 3, labelOverlap: "greedy" as const, labelSeparation: 6, ...(orient === "y" ? { titlePadding: 6 } : {}) }
      : { title: null, labels: false, ticks: false, tickCount: 3 },
  });
  // A grid of (k − 1) × (k − 1) cells, blank above the diagonal, so that columns line up.
  const blank = { width: PANEL, height: PANEL, data: { values: [{}] }, mark: { type: "text" as const }, encoding: { text: { value: "" } }, view: { stroke: null } };
  const cells = names.slice(1).flatMap((_, r) =>
    names.slice(0, -1).map((_, j) => {
      const i = r + 1;
      if (j >= i) return blank;
      return {
        width: PANEL,
        height: PANEL,
        mark: { type: "point" as const, filled: true, color: "#0072B2", opacity: 0.55 },
        encoding: {
          x: axis(j, i === names.length - 1, "x"),
          y: axis(i, j === 0, "y"),
          size,
          tooltip: [
            { field: key(j), type: "quantitative" as const, title: names[j]!, format: ".4~g" },
            { field: key(i), type: "quantitative" as const, title: names[i]!, format: ".4~g" },
            { field: "weight", type: "quantitative" as const, title: "Weight", format: ".3~g" },
          ],
        },
      };
    }),
  );
  return {
    $schema: vegaLiteSchema,
    title: {
      text: options.title,
      subtitle: options.subtitle ?? "Each pair of parameters over their prior ranges: the last generation's particles, point area by weight",
    },
    config: { ...chartConfig, concat: { spacing: 10 } },
    data: { values },
    columns: names.length - 1,
    concat: cells,
  } as TopLevelSpec;
}

function splitPath(path: string): string | string[] {
  const dot = path.indexOf(".");
  return dot > 0 ? [path.slice(0, dot + 1), path.slice(dot + 1)] : path;
}
