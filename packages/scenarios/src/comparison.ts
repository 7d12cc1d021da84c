import { dirname, resolve } from "node:path";
import { resolveScenario as resolveOnce, InputError, InputErrors, type ResolvedScenario, type Scale } from "@relocsim/core";
import { checkExperimentOptions, experimentSpec, suggest, type ExperimentOptionName, type ExperimentSettings } from "@relocsim/core/engine";
import { isNamedScenario, namedScenario, scenario as namedCopy } from "./catalogue.js";
import { readJsonFile, displayPath } from "./readJsonFile.js";
import { isFileReference, resolveScenario } from "./resolveScenario.js";
import { loadScenarioFile } from "./loadScenarioFile.js";
import { collect, restate } from "./errorPaths.js";
import { isPlainObject } from "./deepMerge.js";

/** A scenario in a comparison: a named scenario, a path to a scenario file, or a scenario written inline. */
export type ScenarioRef = string | Record<string, unknown>;

/** A comparison file: which scenarios to compare with which baseline, and how. */
export interface ComparisonInput {
  $schema?: string;
  $comment?: string;
  name: string;
  title?: string;
  description?: string;
  /** The scenario every other one is compared with. */
  baseline: ScenarioRef;
  scenarios: ScenarioRef[];
  /** Replications per scenario (paired: replicate r of each scenario shares a seed). @default 10 */
  replications?: number;
  /** Base seed of the replicate seeds. @default 1 */
  seed?: number;
  /** county, province, national, or a number of households. @default "county" */
  scale?: Scale;
  /** Groups kept. @default ["all", "site:urban", "site:rural"] */
  groups?: string[];
  /** Metrics kept. @default all */
  metrics?: string[];
  /** Months between kept steps (the horizon is always kept). @default 12 */
  every?: number;
}

/**
 * The experiment options a comparison file may set: all of experimentSpec but `workers`,
 * which belongs to the machine that runs it (a flag), not to the question asked.
 */
export const COMPARISON_OPTIONS = (Object.keys(experimentSpec.fields) as ExperimentOptionName[]).filter((k) => k !== "workers");

export const COMPARISON_KEYS = ["$schema", "$comment", "name", "title", "description", "baseline", "scenarios", ...COMPARISON_OPTIONS] as const;

/** A comparison with every scenario resolved (once) and every value checked. */
export interface Comparison {
  name: string;
  title: string;
  description: string;
  baseline: ResolvedScenario;
  scenarios: ResolvedScenario[];
  /** The file's run options (flags may override them); `scale` as households. */
  options: Partial<Omit<ExperimentSettings, "workers">>;
  /** Where each scenario came from: a name, a file, or "inline", baseline first. */
  sources: string[];
}

/** Read a comparison file; every problem in it is reported at once, headed by the file's name. */
export function loadComparison(file: string): Comparison {
  const abs = resolve(file);
  try {
    return resolveComparison(readJsonFile(abs, "comparison file"), abs);
  } catch (e) {
    if (e instanceof InputErrors) throw new InputErrors(e.errors, displayPath(abs));
    if (e instanceof InputError) throw new InputErrors([e], displayPath(abs));
    throw e;
  }
}

/** Check a comparison object (from a file at `file`, or written in code) and resolve its scenarios. */
export function resolveComparison(value: unknown, file?: string): Comparison {
  const errors: InputError[] = [];
  if (!isPlainObject(value)) throw new InputError("comparison", value, "an object with a name, a baseline and scenarios");
  const v = value;
  for (const k of Object.keys(v)) {
    if (!(COMPARISON_KEYS as readonly string[]).includes(k)) {
      const s = suggest(k, COMPARISON_KEYS);
      errors.push(new InputError(/^[\w$-]+$/.test(k) ? k : JSON.stringify(k), v[k], `one of the keys ${COMPARISON_KEYS.join(", ")}`, s ? `did you mean '${s}'?` : "unknown key"));
    }
  }
  if (typeof v.name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.name)) errors.push(new InputError("name", v.name, "a name of letters, digits, '.', '_' or '-'"));
  for (const k of ["$schema", "$comment", "title", "description"] as const) {
    if (v[k] !== undefined && typeof v[k] !== "string") errors.push(new InputError(k, v[k], "a string"));
  }
  const options: Comparison["options"] = checkExperimentOptions(Object.fromEntries(COMPARISON_OPTIONS.map((k) => [k, v[k]])), errors);

  const sources: string[] = [];
  const ref = (r: unknown, where: string): ResolvedScenario | undefined => collect(errors, () => resolveRef(r, where, file, sources));
  if (v.baseline === undefined) errors.push(new InputError("baseline", undefined, "the scenario the others are compared with: a name (e.g. \"baseline\"), a .json path or an inline scenario"));
  const baseline = v.baseline === undefined ? undefined : ref(v.baseline, "baseline");
  const scenarios: ResolvedScenario[] = [];
  if (!Array.isArray(v.scenarios) || v.scenarios.length === 0) {
    errors.push(new InputError("scenarios", v.scenarios, "a non-empty array of scenarios to compare with the baseline (names, .json paths or inline scenarios)"));
  } else {
    v.scenarios.forEach((r, i) => {
      const s = ref(r, `scenarios[${i}]`);
      if (s) scenarios.push(s);
    });
  }
  if (errors.length) throw new InputErrors(errors);
  return {
    name: v.name as string,
    title: (v.title as string | undefined) ?? (v.name as string),
    description: (v.description as string | undefined) ?? "",
    baseline: baseline!,
    scenarios,
    options,
    sources,
  };
}

/** A scenario reference of a comparison (or design) file: a name, a .json path relative to `file`, or an inline scenario; `sources` gets where it came from. */
export function resolveRef(r: unknown, where: string, file: string | undefined, sources: string[]): ResolvedScenario {
  if (typeof r === "string") {
    if (isFileReference(r)) {
      const abs = resolve(file ? dirname(file) : process.cwd(), r);
      try {
        const s = loadScenarioFile(abs).scenario;
        sources.push(displayPath(abs));
        return s;
      } catch (e) {
        if (!(e instanceof InputErrors)) throw e;
        // Errors of the scenario file keep their paths; say which file and where it is listed.
        throw new InputErrors(e.errors.map((x) => (x.field === "scenario file" && x.expected === "a readable JSON file" ? restate(x, where, "no such file (paths are relative to the comparison file)") : restate(x, x.field, `in ${displayPath(abs)} (${where})`))));
      }
    }
    if (!isNamedScenario(r)) namedScenario(r, where);
    sources.push(r);
    return resolveOnce(namedCopy(r), { where });
  }
  if (isPlainObject(r)) {
    sources.push("inline");
    return resolveScenario(r, { where, file }).scenario;
  }
  throw new InputError(where, r, "a scenario: a name such as \"full-strategy\", a path to a .json file, or an inline scenario object");
}
