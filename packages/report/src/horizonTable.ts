import type { TidyRow } from "./types.ts";
import { atHorizon } from "./atHorizon.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { formatValue } from "./formatValue.ts";
import { infoFor } from "./metricInfo.ts";
import { replicationText } from "./replicationText.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { summariseReplicates } from "./summariseReplicates.ts";
import { summaryMetrics } from "./summaryMetrics.ts";

/**
 * An HTML table of outcome levels at the horizon: a row per outcome, per scenario the mean
 * over replications with its 95% CI. Works for a single run (no effects) too.
 */
export function horizonTable(metrics: readonly TidyRow[], options: { group?: string; scenarios?: readonly string[] } = {}): string {
  const group = options.group ?? "all";
  const wanted = new Set(summaryMetrics);
  const summaries = summariseReplicates(atHorizon(metrics.filter((r) => r.group === group && wanted.has(r.metric))));
  if (summaries.length === 0) return "";
  const byKey = new Map(summaries.map((s) => [`${s.scenario}\u0000${s.metric}`, s]));
  const scenarios = scenarioOrder(summaries, options.scenarios);
  const present = new Set(summaries.map((s) => s.metric));
  const head = ["<th scope=\"col\">Outcome</th>", ...scenarios.map((s) => `<th scope="col">${escapeHtml(s)}</th>`)].join("");
  const body = summaryMetrics.filter((m) => present.has(m)).map((metric) => {
    const info = infoFor(metric);
    const cells = scenarios.map((scenario) => {
      const s = byKey.get(`${scenario}\u0000${metric}`);
      if (!s) return "<td>–</td>";
      const ci = s.n > 1 ? `<br><span class="ci">${escapeHtml(formatValue(metric, s.ci_low))} to ${escapeHtml(formatValue(metric, s.ci_high))}</span>` : "";
      return `<td class="num">${escapeHtml(formatValue(metric, s.mean))}${ci}</td>`;
    });
    const label = `${escapeHtml(info.label)}${info.unit ? ` <span class="unit">(${escapeHtml(info.unit)})</span>` : ""}`;
    return `<tr><th scope="row">${label}</th>${cells.join("")}</tr>`;
  });
  const dates = [...new Set(summaries.map((s) => s.date))].sort().join(", ");
  return `<table class="levels">
<caption>Outcomes at the horizon (${escapeHtml(dates)}, group: ${escapeHtml(group)}): mean over ${escapeHtml(replicationText(summaries.map((s) => s.n)))}, 95% confidence interval of the mean below it.</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}
