import type { TidyRow } from "./types.ts";
import { atHorizon } from "./atHorizon.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { formatValue } from "./formatValue.ts";
import { infoFor } from "./metricInfo.ts";
import { replicationText } from "./replicationText.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { summariseReplicates } from "./summariseReplicates.ts";

/** The outcomes a group's row shows: its size, work, income, poverty and settling in. */
export const groupMetrics: readonly string[] = ["households", "persons", "employment_rate", "per_capita_income", "poverty_rate", "integration_index", "occupancy_rate"];

/**
 * An HTML table of heterogeneity at the horizon: a row per group (site type, cohort, household
 * type, residence state, as the results hold them, `all` first) and scenario, the mean over
 * replications of a few outcomes with its 95% CI. Empty when the results hold only `all`.
 */
export function groupsTable(metrics: readonly TidyRow[], options: { scenarios?: readonly string[] } = {}): string {
  const wanted = new Set(groupMetrics);
  const summaries = summariseReplicates(atHorizon(metrics.filter((r) => wanted.has(r.metric))));
  const groups = [...new Set(summaries.map((s) => s.group))];
  if (groups.length < 2) return "";
  // `all` first as the reference; the others in the order the results list them.
  groups.sort((a, b) => (a === "all" ? -1 : b === "all" ? 1 : 0));
  const byKey = new Map(summaries.map((s) => [`${s.scenario}\u0000${s.group}\u0000${s.metric}`, s]));
  const scenarios = scenarioOrder(summaries, options.scenarios);
  const present = groupMetrics.filter((m) => summaries.some((s) => s.metric === m));
  const head = [
    '<th scope="col">Group</th>',
    ...(scenarios.length > 1 ? ['<th scope="col">Scenario</th>'] : []),
    ...present.map((m) => {
      const info = infoFor(m);
      return `<th scope="col">${escapeHtml(info.label)}${info.unit ? ` <span class="unit">(${escapeHtml(info.unit)})</span>` : ""}</th>`;
    }),
  ].join("");
  const body: string[] = [];
  for (const group of groups) {
    scenarios.forEach((scenario, i) => {
      const cells = present.map((metric) => {
        const s = byKey.get(`${scenario}\u0000${group}\u0000${metric}`);
        if (!s) return "<td>–</td>";
        const ci = s.n > 1 ? `<br><span class="ci">${escapeHtml(formatValue(metric, s.ci_low))} to ${escapeHtml(formatValue(metric, s.ci_high))}</span>` : "";
        return `<td class="num">${escapeHtml(formatValue(metric, s.mean))}${ci}</td>`;
      });
      const name = i === 0 ? `<th scope="row"${scenarios.length > 1 ? ` rowspan="${scenarios.length}"` : ""}>${escapeHtml(group)}</th>` : "";
      body.push(`<tr>${name}${scenarios.length > 1 ? `<td>${escapeHtml(scenario)}</td>` : ""}${cells.join("")}</tr>`);
    });
  }
  const dates = [...new Set(summaries.map((s) => s.date))].sort().join(", ");
  return `<table class="levels groups">
<caption>Outcomes by group at the horizon (${escapeHtml(dates)}): mean over ${escapeHtml(replicationText(summaries.map((s) => s.n)))}, 95% confidence interval of the mean below it. Household groups (household:…) are classified each month from the household's state: with or without a labour-force member, every member aged 60 or more, 6 or more members; residence groups (residence:…) by the household's residence state that month.</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}
