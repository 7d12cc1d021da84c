import type { EffectRow, TidyRow } from "./types.ts";
import { atHorizon } from "./atHorizon.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { scenarioOrder } from "@relocsim/core/results";
import { summariseReplicates } from "./summariseReplicates.ts";
import { replicationText } from "./replicationText.ts";

const COST_PREFIX = "policy_cost_";
const TOTAL = "policy_cost_per_household";
const yuan = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en") : "–");
const signedYuan = (x: number) => (Number.isFinite(x) ? `${x > 0 ? "+" : x < 0 ? "−" : ""}${yuan(Math.abs(x))}` : "–");
const leverLabel = (metric: string) => {
  const words = metric.slice(COST_PREFIX.length).replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * An HTML table of each scenario's public cost at the horizon by lever (yuan per household a
 * year since the start, mean over replications): a row per lever that costs anything in some
 * scenario, then the total. Empty when the results have no cost metrics.
 */
export function costTable(metrics: readonly TidyRow[], options: { group?: string; scenarios?: readonly string[] } = {}): string {
  const group = options.group ?? "all";
  const summaries = summariseReplicates(atHorizon(metrics.filter((r) => r.group === group && r.metric.startsWith(COST_PREFIX))));
  if (summaries.length === 0) return "";
  const byKey = new Map(summaries.map((s) => [`${s.scenario}\u0000${s.metric}`, s]));
  const scenarios = scenarioOrder(summaries, options.scenarios);
  const levers = [...new Set(summaries.map((s) => s.metric))].filter((m) => m !== TOTAL && summaries.some((s) => s.metric === m && s.mean !== 0));
  const head = ["<th scope=\"col\">Lever</th>", ...scenarios.map((s) => `<th scope="col">${escapeHtml(s)}</th>`)].join("");
  const row = (metric: string, label: string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${scenarios.map((s) => `<td class="num">${yuan(byKey.get(`${s}\u0000${metric}`)?.mean ?? NaN)}</td>`).join("")}</tr>`;
  const body = [...levers.map((m) => row(m, leverLabel(m))), ...(summaries.some((s) => s.metric === TOTAL) ? [row(TOTAL, "All levers")] : [])];
  const dates = [...new Set(summaries.map((s) => s.date))].sort().join(", ");
  return `<table class="levels costs">
<caption>Public cost of the levers at the horizon (${escapeHtml(dates)}, group: ${escapeHtml(group)}): yuan per household a year since the start, current prices, mean over ${escapeHtml(replicationText(summaries.map((s) => s.n)))} (model/costs.ts; unit costs in docs/ODD.md 7.28).</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}

/** Outcomes the cost-effectiveness table shows, in order (those present). */
const CE_OUTCOMES = ["poverty_rate", "employment_rate", "per_capita_income", "integration_index"] as const;

/**
 * An HTML table of each scenario's cost difference with the baseline at the horizon (paired,
 * 95% CI) and its cost-effectiveness on a few outcomes; "–" where it is undefined (the note
 * is the cell's title). Empty when the effects have no cost columns.
 */
export function costEffectivenessTable(effects: readonly EffectRow[], options: { group?: string; scenarios?: readonly string[] } = {}): string {
  const group = options.group ?? "all";
  const rows = atHorizon(effects.filter((e) => e.group === group && e.scenario !== e.baseline && e.cost_effect !== undefined && Number.isFinite(e.cost_effect)));
  if (rows.length === 0) return "";
  const scenarios = scenarioOrder(rows, options.scenarios).filter((s) => rows.some((r) => r.scenario === s));
  const byKey = new Map(rows.map((r) => [`${r.scenario}\u0000${r.metric}`, r]));
  const outcomes = CE_OUTCOMES.filter((m) => rows.some((r) => r.metric === m));
  const units = new Map(outcomes.map((m) => [m, rows.find((r) => r.metric === m)!.cost_effectiveness_unit ?? ""]));
  const head = [
    "<th scope=\"col\">Scenario</th>",
    "<th scope=\"col\">Cost difference <span class=\"unit\">(yuan per household a year)</span></th>",
    ...outcomes.map((m) => `<th scope="col">${escapeHtml(units.get(m) || m)}</th>`),
  ].join("");
  const body = scenarios.map((s) => {
    const any = outcomes.map((m) => byKey.get(`${s}\u0000${m}`)).find((r) => r !== undefined) ?? rows.find((r) => r.scenario === s)!;
    const ci = Number.isFinite(any.cost_ci_low ?? NaN) ? `<br><span class="ci">${signedYuan(any.cost_ci_low!)} to ${signedYuan(any.cost_ci_high!)}</span>` : "";
    const cells = outcomes.map((m) => {
      const r = byKey.get(`${s}\u0000${m}`);
      if (!r) return "<td>–</td>";
      const ce = r.cost_effectiveness ?? NaN;
      const note = r.cost_effectiveness_note ? ` title="${escapeHtml(r.cost_effectiveness_note)}"` : "";
      const text = !Number.isFinite(ce) ? "–" : ce <= 0 ? "dominant" : Math.abs(ce) < 10 ? ce.toFixed(2) : yuan(ce);
      return `<td class="num"${note}>${text}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(s)}</th><td class="num">${signedYuan(any.cost_effect!)}${ci}</td>${cells.join("")}</tr>`;
  });
  const dates = [...new Set(rows.map((r) => r.date))].sort().join(", ");
  return `<table class="effects cost-effectiveness">
<caption>Public cost and cost-effectiveness at the horizon (${escapeHtml(dates)}, group: ${escapeHtml(group)}): the paired difference of public cost with the baseline, 95% CI below it, and public money per unit of each outcome gained. –: undefined (the effect's 95% CI includes 0, or the outcome worsens; hover for the reason); dominant: the gain comes at no higher public cost.</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}
