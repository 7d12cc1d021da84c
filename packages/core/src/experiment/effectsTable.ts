import { median } from "simple-statistics";
import type { EffectRow } from "./effectRow.js";
import { noIntervalReason } from "./levelInterval.js";
import { describeMetric, type MetricDisplay, type MetricKind } from "../model/metricTable.js";

/** Outcomes a comparison prints unless told otherwise (effects.csv has every one). */
export const HEADLINE_METRICS = [
  "employment_rate", "households_with_employed_share", "per_capita_income", "per_capita_income_median",
  "poverty_rate", "integration_index", "occupancy_rate", "return_rate", "give_up_rate",
] as const;

/** Outcomes a comparison prints year by year unless told otherwise. */
export const TRAJECTORY_METRICS = ["employment_rate", "per_capita_income", "integration_index"] as const;

export interface EffectsTableOptions {
  /** Step shown. @default the last step of the effects (the horizon) */
  step?: number;
  /** @default "all" */
  group?: string;
  /** @default HEADLINE_METRICS (those present) */
  metrics?: readonly string[];
  /** Scenario order (and the baseline, first). @default order of appearance */
  scenarios?: readonly string[];
  /** Labels and units. @default describeMetric (the metric table's) */
  describe?: (metric: string) => MetricDisplay;
}

/**
 * A plain-text table of effects at one step: one block per outcome, the baseline's level
 * first, then each scenario's level, its effect with the 95% CI, the change relative to the
 * baseline, and a star where the interval excludes zero.
 */
export function effectsTable(effects: readonly EffectRow[], options: EffectsTableOptions = {}): string {
  if (effects.length === 0) return "(no effects: the comparison has a baseline only)\n";
  const step = options.step ?? Math.max(...effects.map((e) => e.step));
  const group = options.group ?? "all";
  const describe = options.describe ?? describeMetric;
  const at = effects.filter((e) => e.step === step && e.group === group);
  const metrics = (options.metrics ?? HEADLINE_METRICS).filter((m) => at.some((e) => e.metric === m));
  const scenarios = options.scenarios?.slice(1) ?? unique(at.map((e) => e.scenario));
  const baseline = options.scenarios?.[0] ?? at[0]?.baseline ?? "baseline";
  const lines: string[][] = [];
  const heads: Array<[number, string]> = [];
  for (const metric of metrics) {
    const d = describe(metric);
    const rows = scenarios.map((s) => at.find((e) => e.metric === metric && e.scenario === s)).filter((e): e is EffectRow => e !== undefined);
    if (rows.length === 0) continue;
    const digits = decimalsFor(rows, d.kind);
    heads.push([lines.length, `${d.label}${d.unit ? `, ${d.unit}` : ""}`]);
    lines.push([`  ${baseline}`, level(rows[0]!.baseline_mean, d.kind, digits), "", "", "", ""]);
    for (const e of rows) {
      const clear = e.ci_low > 0 || e.ci_high < 0;
      lines.push([
        `  ${e.scenario}`,
        level(e.scenario_mean, d.kind, digits),
        signed(e.effect, d.kind, digits),
        Number.isFinite(e.ci_low) ? `[${signed(e.ci_low, d.kind, digits)}, ${signed(e.ci_high, d.kind, digits)}]` : `none: ${noIntervalReason(e.n)}`,
        relative(e.effect, e.baseline_mean),
        clear ? "*" : "",
      ]);
    }
  }
  const header = ["", "level", "effect", "95% CI", "relative", ""];
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const fmt = (cells: string[]) => cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join("  ").trimEnd();
  const out: string[] = [fmt(header)];
  let next = 0;
  lines.forEach((l, i) => {
    if (heads[next]?.[0] === i) out.push(heads[next++]![1]);
    out.push(fmt(l));
  });
  return out.join("\n") + "\n";
}

/**
 * Effects over time: one row per scenario, one column per kept step (years when the steps
 * are year ends), a star where the 95% CI excludes zero.
 */
export function effectsOverTime(effects: readonly EffectRow[], metric: string, options: Omit<EffectsTableOptions, "step" | "metrics"> = {}): string {
  const group = options.group ?? "all";
  const d = (options.describe ?? describeMetric)(metric);
  const rows = effects.filter((e) => e.metric === metric && e.group === group);
  if (rows.length === 0) return "";
  const steps = unique(rows.map((e) => e.step)).sort((a, b) => a - b);
  const dates = steps.map((s) => rows.find((e) => e.step === s)!.date);
  const years = dates.every((x, i) => x.endsWith("-12") || i === dates.length - 1) && new Set(dates.map((x) => x.slice(0, 4))).size === dates.length;
  const scenarios = options.scenarios?.slice(1) ?? unique(rows.map((e) => e.scenario));
  const digits = decimalsFor(rows, d.kind);
  const table: string[][] = [["", ...dates.map((x) => (years ? x.slice(0, 4) : x))]];
  for (const s of scenarios) {
    const cells = steps.map((step) => {
      const e = rows.find((r) => r.scenario === s && r.step === step);
      if (!e) return "";
      return signed(e.effect, d.kind, digits, false) + (e.ci_low > 0 || e.ci_high < 0 ? "*" : " ");
    });
    table.push([`  ${s}`, ...cells]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const unit = d.kind === "share" ? "percentage points" : d.unit;
  const head = `${d.label}: effect${unit ? ` in ${unit}` : ""}, by ${years ? "year end" : "step"}`;
  return [head, ...table.map((r) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join(" ").trimEnd())].join("\n") + "\n";
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Decimals that show the CI's two leading digits (shares in percentage points). */
function decimalsFor(rows: readonly EffectRow[], kind: MetricKind): number {
  const scale = kind === "share" ? 100 : 1;
  const halves = rows.map((e) => ((e.ci_high - e.ci_low) / 2) * scale).filter((h) => h > 0 && Number.isFinite(h));
  const h = halves.length ? median(halves) : Math.abs(rows[0]!.effect * scale) || 1;
  const digits = Math.ceil(1 - Math.log10(h));
  return Math.max(kind === "share" ? 1 : 0, Math.min(kind === "index" ? 4 : 3, digits));
}

function number(v: number, digits: number): string {
  return v.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function level(v: number, kind: MetricKind, digits: number): string {
  if (!Number.isFinite(v)) return "n/a";
  if (kind === "share") return `${number(v * 100, Math.max(1, digits))}%`;
  return number(v, kind === "index" ? Math.max(3, digits) : Math.max(0, digits));
}

function signed(v: number, kind: MetricKind, digits: number, unit = true): string {
  if (!Number.isFinite(v)) return "n/a";
  const x = kind === "share" ? v * 100 : v;
  const s = number(Math.abs(x), digits);
  const zero = Number(s.replace(/,/g, "")) === 0;
  return `${zero ? "" : x > 0 ? "+" : "−"}${s}${unit && kind === "share" ? " pt" : ""}`;
}

function relative(effect: number, base: number): string {
  if (!Number.isFinite(effect) || !Number.isFinite(base) || base === 0) return "";
  const r = (effect / Math.abs(base)) * 100;
  const s = Math.abs(r) < 10 ? Math.abs(r).toFixed(1) : Math.abs(r).toFixed(0);
  return `${Number(s) === 0 ? "" : r > 0 ? "+" : "−"}${s}%`;
}
