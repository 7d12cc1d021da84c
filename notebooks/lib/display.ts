/**
 * Display helpers for the notebooks, on Deno's Jupyter kernel.
 *
 * A chart goes out as one display with two renderings: the Vega-Lite spec, which JupyterLab,
 * Notebook 7 and VS Code draw interactively, and an SVG of the same spec rendered here by
 * @relocsim/report, which any front end (and a headless run, and a notebook viewer without
 * JavaScript) can show. A table goes out as HTML with an aligned plain-text twin.
 */
import { toSvg } from "@relocsim/report";

/** A Vega-Lite spec, as the report package's chart builders return it. */
export type Spec = Parameters<typeof toSvg>[0];

/**
 * The MIME type JupyterLab's built-in Vega renderer registers. The report's specs declare
 * the Vega-Lite 6 schema; the renderer only warns about the version (in the browser
 * console) and draws them.
 */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** Show a chart inline: Vega-Lite for interactive front ends, SVG for every other. */
export async function show(spec: Spec): Promise<void> {
  const svg = await toSvg(spec);
  await display({ [VEGA_LITE_MIME]: spec, "image/svg+xml": svg, "text/plain": `[chart] ${titleOf(spec)}` });
}

/**
 * Deno.jupyter.display, then a turn of the event loop. The kernel (Deno 2.9) resolves display
 * before the message is on its way, and can report the cell idle first; front ends then drop
 * the output. Yielding once lets the message go out before the cell ends.
 */
async function display(bundle: Record<string, unknown>): Promise<void> {
  await Deno.jupyter.display(bundle, { raw: true });
  await new Promise((resolve) => setTimeout(resolve, 10));
}

export interface TableOptions {
  /** Columns in order. @default the keys of the first row */
  columns?: readonly string[];
  /** Digits after the point for numbers that are not whole. @default 3 */
  digits?: number;
  /** A caption above the table. */
  caption?: string;
}

/** Show rows of objects as a table (HTML, and aligned text for plain front ends). */
export async function table(rows: readonly Record<string, unknown>[], options: TableOptions = {}): Promise<void> {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => columns.map((c) => cell(r[c], options.digits ?? 3)));
  // Numbers, and numbers already formatted ("45.2%", "−1,200 yuan"), are right-aligned.
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number" || /^[−+-]?[\d.,]+(%| |$)/.test(String(r[c] ?? ""))));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const line = (xs: readonly string[]) => xs.map((x, j) => (numeric[j] ? x.padStart(widths[j]!) : x.padEnd(widths[j]!))).join("  ").trimEnd();
  const text = [...(options.caption ? [options.caption] : []), line(columns), ...cells.map(line)].join("\n");
  const align = (j: number) => (numeric[j] ? ' style="text-align:right"' : ' style="text-align:left"');
  const html = [
    "<table>",
    options.caption ? `<caption style="text-align:left">${escape(options.caption)}</caption>` : "",
    `<thead><tr>${columns.map((c, j) => `<th${align(j)}>${escape(c)}</th>`).join("")}</tr></thead>`,
    `<tbody>${cells.map((row) => `<tr>${row.map((x, j) => `<td${align(j)}>${escape(x)}</td>`).join("")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");
  await display({ "text/html": html, "text/plain": text });
}

function cell(v: unknown, digits: number): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "n/a";
    return Number.isInteger(v) ? v.toLocaleString("en") : v.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  return v === undefined || v === null ? "" : String(v);
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function titleOf(spec: Spec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && "text" in t) return String((t as { text: unknown }).text);
  return "Vega-Lite chart";
}
