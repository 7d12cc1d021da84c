import type { EffectRow, ScenarioInfo, TidyRow } from "./types.ts";
import { effectsTable } from "./effectsTable.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { groupsTable } from "./groupsTable.ts";
import { horizonTable } from "./horizonTable.ts";
import { costTable, costEffectivenessTable } from "./costTables.ts";
import { reportCharts } from "./reportCharts.ts";
import { reportScenarioOrder } from "./reportScenarioOrder.ts";
import { reportPage } from "./reportPage.ts";

export interface ReportInput {
  title: string;
  /** descriptions of the scenarios, in the order to list them (baseline first) */
  scenarios: readonly ScenarioInfo[];
  /** paired effects; absent for a single run */
  effects?: readonly EffectRow[];
  metrics: readonly TidyRow[];
  /** the run's manifest.json, shown as a key/value table */
  manifest?: Record<string, unknown>;
  /** name of the baseline scenario, listed and coloured first */
  baseline?: string;
}

/**
 * The report of a run or a comparison as one self-contained HTML page (reportPage): scenario
 * descriptions, tables of outcomes and effects at the horizon, and every chart.
 */
export function reportHtml(input: ReportInput): string {
  const order = reportScenarioOrder(input);
  const charts = reportCharts({ metrics: input.metrics, effects: input.effects, scenarios: order });
  const effects = input.effects?.length ? effectsTable(input.effects, { scenarios: order }) : "";
  const costs = [costTable(input.metrics, { scenarios: order }), input.effects?.length ? costEffectivenessTable(input.effects, { scenarios: order }) : ""].filter(Boolean).join("\n");
  return reportPage({
    title: input.title,
    sections: [
      { id: "scenarios", heading: "Scenarios", html: scenarioList(input.scenarios, order) },
      { id: "effects", heading: "Effects at the horizon", nav: "Effects", html: effects },
      { id: "outcomes", heading: "Outcomes at the horizon", nav: "Outcomes", html: horizonTable(input.metrics, { scenarios: order }) },
      { id: "costs", heading: "Public cost and cost-effectiveness", nav: "Costs", html: costs },
      { id: "groups", heading: "Outcomes by group at the horizon", nav: "Groups", html: groupsTable(input.metrics, { scenarios: order }) },
    ],
    charts,
    manifest: input.manifest,
  });
}

function scenarioList(scenarios: readonly ScenarioInfo[], order: readonly string[]): string {
  const byName = new Map(scenarios.map((s) => [s.name, s]));
  const items = order.map((name) => {
    const s = byName.get(name);
    const title = s?.title && s.title !== name ? `${escapeHtml(s.title)} <code>${escapeHtml(name)}</code>` : `<code>${escapeHtml(name)}</code>`;
    const sections = s?.paperSections?.length
      ? `<div class="sections">Paper sections: ${s.paperSections.map((p) => `§${escapeHtml(p)}`).join(", ")}</div>`
      : "";
    const description = s?.description ? `<p>${escapeHtml(s.description)}</p>` : "";
    return `<div class="scenario"><h3>${title}</h3>${sections}${description}</div>`;
  });
  return items.join("\n");
}
