import type { PositionFieldDef, Field } from "vega-lite/types_unstable/channeldef.js";

/**
 * The x encoding of "YYYY-MM" dates. The UTC time unit matters: "2016-01" parses as UTC
 * midnight, and a local time unit would show it as December 2015 west of Greenwich.
 * Ticks fall on whole years (every few years for long runs) so no label repeats a year,
 * whatever font the viewer measures text with; runs under two years get monthly labels.
 */
export function timeAxis(dates: Iterable<string>, field = "date"): PositionFieldDef<Field> {
  let first = Infinity;
  let last = -Infinity;
  for (const d of dates) {
    const m = /^(\d{4})-(\d{2})/.exec(d);
    if (!m) continue;
    const month = Number(m[1]) * 12 + Number(m[2]) - 1;
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  const months = last >= first ? last - first : 0;
  const axis =
    months < 24
      ? { format: "%b %Y", labelOverlap: true, grid: false }
      : { format: "%Y", tickCount: { interval: "year" as const, step: Math.max(1, Math.ceil(months / 12 / 8)) }, labelOverlap: true, grid: false };
  return {
    field,
    type: "temporal",
    timeUnit: "utcyearmonth",
    title: months < 24 ? "Date" : "Date (year)",
    axis,
  };
}
