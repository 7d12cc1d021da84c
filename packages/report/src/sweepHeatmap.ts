import type { TopLevelSpec } from "vega-lite";
import { chartConfig, vegaLiteSchema } from "./chartConfig.ts";
import { ReportError } from "./reportError.ts";
import { textWidth } from "./textWidth.ts";

export interface SweepCell {
  x: number | string;
  y: number | string;
  value: number;
}

export interface SweepHeatmapOptions {
  /** name and unit of the first swept parameter */
  xTitle: string;
  yTitle: string;
  /** name and unit of the outcome, shown on the colour legend */
  valueTitle: string;
  title: string;
  subtitle?: string;
  /** d3-format of the cell labels and legend; @default ".3~g" */
  valueFormat?: string;
}

/**
 * A two-parameter sweep as a grid of cells coloured by the outcome (viridis, readable in
 * grey and by the colour-blind) and labelled with its value. Numeric parameter values are
 * sorted, y increasing upwards; string values keep their order of appearance.
 */
export function sweepHeatmap(cells: readonly SweepCell[], options: SweepHeatmapOptions): TopLevelSpec {
  if (cells.length === 0) throw new ReportError("cells", [], "at least one {x, y, value} cell");
  const bad = cells.find((c) => typeof c.value !== "number" || !Number.isFinite(c.value));
  if (bad) throw new ReportError("cell value", bad.value, "a finite number");
  const format = options.valueFormat ?? ".3~g";
  const xs = levels(cells.map((c) => c.x));
  const ys = levels(cells.map((c) => c.y)).reverse();
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells) {
    lo = Math.min(lo, c.value);
    hi = Math.max(hi, c.value);
  }
  // Viridis runs dark to light: labels on the darker half are white.
  const threshold = lo + (hi - lo) * 0.55;
  const x = { field: "x", type: "ordinal" as const, title: options.xTitle, sort: xs, axis: { labelAngle: 0 } };
  const y = { field: "y", type: "ordinal" as const, title: options.yTitle, sort: ys };
  return {
    $schema: vegaLiteSchema,
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : { text: options.title },
    config: chartConfig,
    data: { values: cells.map((c) => ({ x: c.x, y: c.y, value: c.value })) },
    width: { step: Math.max(56, 10 * maxLabel(cells.map((c) => c.value), format)) },
    // Rows tall enough for the (vertical) y-axis title to span them, within reason.
    height: { step: Math.min(80, Math.max(40, Math.ceil((textWidth(options.yTitle, 13) + 16) / ys.length))) },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          color: {
            field: "value",
            type: "quantitative",
            title: options.valueTitle,
            scale: { scheme: "viridis" },
            legend: { format, titleLimit: 400 },
          },
          tooltip: [
            { field: "x", type: "ordinal", title: options.xTitle },
            { field: "y", type: "ordinal", title: options.yTitle },
            { field: "value", type: "quantitative", title: options.valueTitle, format },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 12 },
        encoding: {
          text: { field: "value", type: "quantitative", format },
          color: { condition: { test: `datum.value < ${threshold}`, value: "white" }, value: "black" },
        },
      },
    ],
  };
}

function levels(values: (number | string)[]): (number | string)[] {
  const unique = [...new Set(values)];
  return unique.every((v) => typeof v === "number") ? (unique as number[]).sort((a, b) => a - b) : unique;
}

/** Roughly how many characters the widest cell label takes, so cells fit their labels. */
function maxLabel(values: number[], format: string): number {
  const digits = /\.(\d+)/.exec(format)?.[1];
  const decimals = digits ? Number(digits) : 3;
  let widest = 0;
  for (const v of values) widest = Math.max(widest, String(Math.round(Math.abs(v))).length + decimals + 2);
  return widest;
}
