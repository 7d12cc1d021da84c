import type { EffectRow } from "./types.ts";
import { atHorizon } from "./atHorizon.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { formatDifference, formatValue } from "./formatValue.ts";
import { infoFor } from "./metricInfo.ts";
import { noIntervalReason, scenarioOrder } from "@relocsim/core/results";
import { summaryMetrics } from "./summaryMetrics.ts";

/**
 * An HTML table of effects at the horizon: a row per outcome, the baseline's mean, then per
 * scenario the effect with its 95% CI. Effects whose interval excludes zero are in bold.
 * Effects of a comparison run with --posterior also give the 95% CI over posterior draws and
 * the share of the effect's variance due to the parameters; bold then follows that interval.
 * Empty string when there is nothing to show.
 */
export function effectsTable(effects: readonly EffectRow[], options: { group?: string; scenarios?: readonly string[] } = {}): string {
  const group = options.group ?? "all";
  const rows = atHorizon(effects.filter((e) => e.group === group && e.scenario !== e.baseline));
  if (rows.length === 0) return "";
  const byKey = new Map(rows.map((r) => [`${r.scenario}\u0000${r.metric}`, r]));
  const scenarios = scenarioOrder(rows, options.scenarios);
  const present = new Set(rows.map((r) => r.metric));
  const metrics = summaryMetrics.filter((m) => present.has(m));
  if (metrics.length === 0) return "";
  const baselines = [...new Set(rows.map((r) => r.baseline))];
  const posterior = rows.some((r) => Number.isFinite(r.draw_ci_low));
  const range = (metric: string, lo: number, hi: number) => `${escapeHtml(formatDifference(metric, lo))} to ${escapeHtml(formatDifference(metric, hi))}`;
  const head = [
    "<th scope=\"col\">Outcome</th>",
    `<th scope="col">Mean in ${escapeHtml(baselines.join(", "))}</th>`,
    ...scenarios.map((s) => `<th scope="col">${escapeHtml(s)}</th>`),
  ].join("");
  const body = metrics.map((metric) => {
    const info = infoFor(metric);
    const any = scenarios.map((s) => byKey.get(`${s}\u0000${metric}`)).find((r) => r !== undefined)!;
    const cells = scenarios.map((s) => {
      const r = byKey.get(`${s}\u0000${metric}`);
      if (!r) return "<td>–</td>";
      const [lo, hi] = posterior ? [r.draw_ci_low ?? NaN, r.draw_ci_high ?? NaN] : [r.ci_low, r.ci_high];
      const clear = lo > 0 || hi < 0;
      const effect = escapeHtml(formatDifference(metric, r.effect));
      // Under --posterior the first interval is from chance alone (earlier files: over replicates).
      const [clo, chi] = posterior && Number.isFinite(r.stochastic_ci_low) ? [r.stochastic_ci_low!, r.stochastic_ci_high!] : [r.ci_low, r.ci_high];
      const ci = Number.isFinite(clo) ? `${posterior && Number.isFinite(r.stochastic_ci_low) ? "chance: " : ""}${range(metric, clo, chi)}` : `no interval: ${escapeHtml(noIntervalReason(r.n))}`;
      const draws = !posterior ? "" : Number.isFinite(r.draw_ci_low)
        ? `<br><span class="ci">draws: ${range(metric, r.draw_ci_low!, r.draw_ci_high!)}</span>${Number.isFinite(r.parameter_share) ? `<br><span class="ci">parameters: ${Math.round(r.parameter_share! * 100)}% of variance</span>` : ""}`
        : `<br><span class="ci">draws: no interval</span>`;
      return `<td class="num${clear ? " clear" : ""}">${clear ? `<strong>${effect}</strong>` : effect}<br><span class="ci">${ci}</span>${draws}</td>`;
    });
    const label = `${escapeHtml(info.label)}${info.unit ? ` <span class="unit">(${escapeHtml(info.unit)})</span>` : ""}`;
    return `<tr><th scope="row">${label}</th><td class="num">${escapeHtml(formatValue(metric, any.baseline_mean))}</td>${cells.join("")}</tr>`;
  });
  const dates = [...new Set(rows.map((r) => r.date))].sort().join(", ");
  const ns = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b).join(", ");
  const caption = posterior
    ? `Effect of each scenario relative to the baseline at the horizon (${escapeHtml(dates)}, group: ${escapeHtml(group)}), each replicate run with a draw from the posterior (two replicates per draw, the same for every scenario): mean paired difference over ${escapeHtml(ns)} replications; below it the 95% confidence interval from chance alone (chance: the within-draw variance, the interval were the parameters known), the 95% interval over the posterior draws (draws: it includes parameter uncertainty), and the share of the effect's variance due to the parameters rather than chance. Shares are in percentage points (pp). Bold: the interval over the draws excludes zero.`
    : `Effect of each scenario relative to the baseline at the horizon (${escapeHtml(dates)}, group: ${escapeHtml(group)}): mean paired difference over ${escapeHtml(ns)} replications, 95% confidence interval below it. Shares are in percentage points (pp). Bold: the interval excludes zero.`;
  return `<table class="effects">
<caption>${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}
