import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { CSV_HEADER, type TidyRow } from "./tidyRow.js";
import { EFFECT_COLUMNS, POSTERIOR_EFFECT_COLUMNS, type EffectRow, type PosteriorEffect } from "../experiment/effectRow.js";
import type { ScenarioInfo } from "../experiment/experiment.js";
import { readCsvTable, toNumber } from "./readCsvTable.js";
import { RESULT_FILES } from "./resultFiles.js";
import { checkSeriesComplete } from "./checkSeriesComplete.js";
import { scenarioOrder } from "./scenarioOrder.js";
import { readMetricsParquet } from "./readMetricsParquet.js";

/**
 * An effect as read back: the unpaired interval is optional (older files lack it); the
 * posterior columns are there for a comparison run with --posterior only.
 */
export type ReadEffectRow = Omit<EffectRow, "unpaired_ci_low" | "unpaired_ci_high"> & Partial<Pick<EffectRow, "unpaired_ci_low" | "unpaired_ci_high">> & Partial<PosteriorEffect>;

/** What a results directory written by `relocsim run` or `compare` holds. */
export interface Results {
  dir: string;
  metrics: TidyRow[];
  /** from effects.csv; undefined for a single run */
  effects?: ReadEffectRow[];
  /** summary.json as written */
  summary?: Record<string, unknown>;
  manifest?: Record<string, unknown>;
  /** summary.json's descriptions, plus a bare entry for any other scenario in metrics.csv */
  scenarios: ScenarioInfo[];
  /** summary.json's `baseline`, else the effects' baseline */
  baseline?: string;
}

const metricColumns = CSV_HEADER.split(",");
// The paired effect and its interval are required; the unpaired interval is not read.
const effectColumns = EFFECT_COLUMNS.slice(0, EFFECT_COLUMNS.indexOf("ci_high") + 1);

/**
 * Reads a results directory: metrics.csv, or metrics.parquet where there is no metrics.csv (one
 * of them required), effects.csv, summary.json and manifest.json (each optional). Errors name
 * the file and what was expected.
 */
export async function readResults(dir: string): Promise<Results> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new InputError("results directory", dir, "a directory written by relocsim run or compare");
  const csvFile = join(dir, RESULT_FILES.metrics);
  const parquetFile = join(dir, RESULT_FILES.metricsParquet);
  const fromCsv = existsSync(csvFile);
  if (!fromCsv && !existsSync(parquetFile)) throw new InputError("results directory", dir, `a ${RESULT_FILES.metrics} or ${RESULT_FILES.metricsParquet} file in it`);
  const metricsFile = fromCsv ? csvFile : parquetFile;

  // Labels repeat millions of times: keep one copy of each (a sliced string would also pin
  // the whole chunk it was cut from).
  const pool = new Map<string, string>();
  const intern = (text: string): string => {
    let shared = pool.get(text);
    if (shared === undefined) pool.set(text, (shared = (" " + text).slice(1)));
    return shared;
  };
  const metrics = fromCsv ? await readCsvTable(metricsFile, metricColumns, (get) => ({
    scenario: intern(get("scenario")),
    replicate: toNumber(get("replicate")),
    seed: toNumber(get("seed")),
    step: toNumber(get("step")),
    date: intern(get("date").trim()),
    group: intern(get("group")),
    metric: intern(get("metric").trim()),
    value: toNumber(get("value")),
  })) : await readMetricsParquet(metricsFile, intern);
  const effectsFile = join(dir, RESULT_FILES.effects);
  const effects = existsSync(effectsFile)
    ? await readCsvTable(effectsFile, effectColumns, (get, has) => ({
        scenario: intern(get("scenario")),
        baseline: intern(get("baseline")),
        group: intern(get("group")),
        metric: intern(get("metric").trim()),
        step: toNumber(get("step")),
        date: intern(get("date").trim()),
        n: toNumber(get("n")),
        baseline_mean: toNumber(get("baseline_mean")),
        scenario_mean: toNumber(get("scenario_mean")),
        effect: toNumber(get("effect")),
        ci_low: toNumber(get("ci_low")),
        ci_high: toNumber(get("ci_high")),
        // The cost columns, where present (older files lack them; so does a row whose cost was not kept).
        ...(get("cost_effect").trim() !== "" && {
          cost_effect: toNumber(get("cost_effect")),
          cost_ci_low: toNumber(get("cost_ci_low")),
          cost_ci_high: toNumber(get("cost_ci_high")),
          cost_effectiveness: toNumber(get("cost_effectiveness")),
          cost_effectiveness_unit: intern(get("cost_effectiveness_unit")),
          cost_effectiveness_note: intern(get("cost_effectiveness_note")),
        }),
        // compare --posterior's columns: a row has them (empty cells where a split is undefined), or
        // none; files of earlier versions lack the stochastic_ci columns.
        ...(has(POSTERIOR_EFFECT_COLUMNS[0]) && Object.fromEntries(POSTERIOR_EFFECT_COLUMNS.filter(has).map((c) => [c, toNumber(get(c))]))),
      }))
    : undefined;
  const summary = await readJsonObject(join(dir, RESULT_FILES.summary));
  const manifest = await readJsonObject(join(dir, RESULT_FILES.manifest));
  const horizon = (manifest?.horizon as { months?: unknown } | undefined)?.months;
  checkSeriesComplete(metricsFile, metrics, typeof horizon === "number" ? horizon : undefined);

  const described = scenarioInfos(summary?.scenarios);
  const baseline = typeof summary?.baseline === "string" ? summary.baseline : effects?.[0]?.baseline;
  const names = scenarioOrder(metrics, [...(baseline ? [baseline] : []), ...described.map((s) => s.name)]);
  const byName = new Map(described.map((s) => [s.name, s]));
  // Described scenarios without rows stay listed (a report may describe what failed to run).
  const scenarios = [
    ...names.map((name) => byName.get(name) ?? { name, title: name, description: "", paperSections: [] }),
    ...described.filter((s) => !names.includes(s.name)),
  ];
  return { dir, metrics, effects, summary, manifest, scenarios, baseline };
}

async function readJsonObject(file: string): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(file)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new InputError(file, (e as Error).message, "valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(file, value, "a JSON object");
  }
  return value as Record<string, unknown>;
}

/** Accepts ScenarioInfo-like entries leniently: only `name` is needed. */
function scenarioInfos(value: unknown): ScenarioInfo[] {
  if (!Array.isArray(value)) return [];
  const out: ScenarioInfo[] = [];
  for (const item of value) {
    if (!item || typeof item !== "object") continue;
    const s = item as Record<string, unknown>;
    if (typeof s.name !== "string" || s.name === "") continue;
    out.push({
      name: s.name,
      title: typeof s.title === "string" && s.title ? s.title : s.name,
      description: typeof s.description === "string" ? s.description : "",
      paperSections: Array.isArray(s.paperSections) ? s.paperSections.map(String) : [],
    });
  }
  return out;
}
