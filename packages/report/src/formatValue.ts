import { infoFor } from "./metricInfo.ts";

// Fixed locale: reports must read the same whichever machine wrote them.
const fmt = (digits: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = fmt(0);
const one = fmt(1);
const two = fmt(2);
const three = fmt(3);

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, "")}` : text;
}

/** A metric's value for a table: "45.2%", "8,650 yuan", "0.57". */
export function formatValue(metric: string, value: number): string {
  if (!Number.isFinite(value)) return "–";
  const info = infoFor(metric);
  switch (info.kind) {
    case "share": return `${one.format(value * 100)}%`;
    case "yuan": return `${int.format(value)} yuan`;
    case "count": return int.format(value);
    default: return two.format(value);
  }
}

/** A difference in a metric: shares in percentage points ("+3.1 pp"), money in yuan. */
export function formatDifference(metric: string, value: number): string {
  if (!Number.isFinite(value)) return "–";
  const info = infoFor(metric);
  switch (info.kind) {
    case "share": return signed(`${one.format(Math.abs(value) * 100)} pp`, value);
    case "yuan": return signed(`${int.format(Math.abs(value))} yuan`, value);
    case "count": return signed(int.format(Math.abs(value)), value);
    default: return signed(three.format(Math.abs(value)), value);
  }
}

/** d3-format specifier for an axis of differences: signed, in the metric's own unit. */
export function differenceAxisFormat(metric: string): string {
  switch (infoFor(metric).kind) {
    case "share": return "+.1~%";
    case "yuan": case "count": return "+,.0f";
    default: return "+.2~f";
  }
}

/** A d3-format fine enough to tell design points apart (a share to 0.1 percentage point). */
export function fineFormat(metric: string): string {
  const info = infoFor(metric);
  return info.kind === "share" ? ".1%" : info.kind === "index" ? ".3~f" : info.format;
}

/** A number in a table of mixed units: thousands grouped from 100 up, else 2 decimals, or 3 significant digits below 1. */
export function formatPlain(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  if (a >= 100) return int.format(x).replace(/^-/, "−");
  if (a >= 1) return two.format(x).replace(/^-/, "−");
  return Number(x.toPrecision(3)).toString().replace(/^-/, "−");
}
