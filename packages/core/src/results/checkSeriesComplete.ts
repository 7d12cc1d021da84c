import { InputError } from "../errors.js";
import type { TidyRow } from "./tidyRow.js";

/**
 * Groups whose members change from month to month (collect.ts MEMBER_GROUPS): one may be empty,
 * or a ratio of it undefined, at the horizon (no household is pending once all have signed), so
 * its series may stop before the horizon without the file being cut short.
 */
const MAY_END_EARLY = /^(household|residence):/;

/**
 * A metrics.csv cut short at a line boundary parses cleanly; what gives it away is a
 * series that stops early. Every series (scenario, replicate, group, metric) of a results
 * directory ends at the same step: the horizon, which the manifest gives when it is there;
 * a series of a household or residence group may end earlier, but every run still reaches it.
 */
export function checkSeriesComplete(file: string, rows: readonly TidyRow[], horizon?: number): void {
  let last = horizon ?? -Infinity;
  if (horizon === undefined) for (const r of rows) if (r.step > last) last = r.step;
  const ends = new Map<string, TidyRow>();
  const runEnds = new Map<string, TidyRow>();
  for (const r of rows) {
    const run = `${r.scenario}\u0000${r.replicate}`;
    const seenRun = runEnds.get(run);
    if (!seenRun || r.step > seenRun.step) runEnds.set(run, r);
    if (MAY_END_EARLY.test(r.group)) continue;
    const key = `${run}\u0000${r.group}\u0000${r.metric}`;
    const seen = ends.get(key);
    if (!seen || r.step > seen.step) ends.set(key, r);
  }
  for (const r of [...ends.values(), ...runEnds.values()]) {
    if (r.step !== last) {
      throw new InputError(file, `${r.scenario} replicate ${r.replicate}, ${r.group}, ${r.metric} ending at step ${r.step}`, `every series to reach step ${last}${horizon === undefined ? "" : " (the horizon of manifest.json)"}`, "the file looks cut short");
    }
  }
}
