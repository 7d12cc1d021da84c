import { resolve } from "node:path";
import { InputError, InputErrors, type ResolvedScenario } from "@relocsim/core";
import { checkExperimentOptions, formatMonth, parameterRange, parseMonth, suggest, uncertainParameters, type ExperimentSettings, type ParameterRange } from "@relocsim/core/engine";
import { readJsonFile, displayPath } from "./readJsonFile.js";
import { resolveRef } from "./comparison.js";
import { collect, restate } from "./errorPaths.js";
import { isPlainObject } from "./deepMerge.js";

/** How a design places its points in the parameters' unit cube (packages/core/src/experiment/designs). */
export type DesignMethod =
  /** Every combination of `levels[j]` evenly spaced values of parameter j. */
  | { type: "factorial"; levels: number[] }
  /** A Latin hypercube of `points` points. */
  | { type: "lhs"; points: number }
  /** Morris elementary effects: `trajectories` trajectories on a `levels`-level grid, chosen from `candidates` for spread (0: plain random). */
  | { type: "morris"; trajectories: number; levels: number; candidates: number }
  /** Saltelli's sample for Sobol indices: N = `samples` base rows, N·(k+2) points; A and B from the Sobol sequence or random. */
  | { type: "sobol"; samples: number; base: "sobol" | "random" };

/** A design file checked and resolved: what `relocsim sweep` and `relocsim sensitivity` run. */
export interface Design {
  name: string;
  title: string;
  description: string;
  /** The scenario every design point starts from (resolved once), and where it came from. */
  scenario: ResolvedScenario;
  source: string;
  /** The parameters varied, each with the range it is sampled from. */
  parameters: ParameterRange[];
  design: DesignMethod;
  /** seed, replications, scale from the file (flags may override them). */
  options: Partial<Pick<ExperimentSettings, "seed" | "replications" | "scale">>;
  /** Metrics read at the horizon month. */
  outcomes: string[];
  /** Group the outcomes are read for. @default "all" */
  group: string;
  /** YYYY-MM month the outcomes are read at, and its 1-based step in the scenario's run. */
  horizon: string;
  horizonStep: number;
  /** Bootstrap resamples of every index's interval. @default 1000 */
  bootstrap: number;
}

export const DESIGN_KEYS = ["$schema", "$comment", "name", "title", "description", "scenario", "parameters", "design", "seed", "replications", "scale", "outcomes", "group", "horizon", "bootstrap"] as const;
const METHOD_KEYS: Record<DesignMethod["type"], readonly string[]> = {
  factorial: ["type", "levels"],
  lhs: ["type", "points"],
  morris: ["type", "trajectories", "levels", "candidates"],
  sobol: ["type", "samples", "base"],
};
/** The most points a design may have: more is a mistake in the file (a factorial of many parameters), not a plan. */
export const MAX_DESIGN_POINTS = 100_000;
/** The entry of `parameters` that stands for every parameter with a documented plausible range. */
export const DOCUMENTED = "documented";

/** Read a design file; every problem in it is reported at once, headed by the file's name. */
export function loadDesign(file: string): Design {
  const abs = resolve(file);
  try {
    return resolveDesign(readJsonFile(abs, "design file"), abs);
  } catch (e) {
    if (e instanceof InputErrors) throw new InputErrors(e.errors, displayPath(abs));
    if (e instanceof InputError) throw new InputErrors([e], displayPath(abs));
    throw e;
  }
}

/** Check a design object (from a file at `file`, or written in code) and resolve its scenario and ranges. */
export function resolveDesign(value: unknown, file?: string): Design {
  if (!isPlainObject(value)) throw new InputError("design file", value, "an object with a name, a scenario, parameters and a design");
  const v = value;
  const errors: InputError[] = [];
  unknownKeys(v, DESIGN_KEYS, "", errors);
  if (typeof v.name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.name)) errors.push(new InputError("name", v.name, "a name of letters, digits, '.', '_' or '-'"));
  for (const k of ["$schema", "$comment", "title", "description"] as const) {
    if (v[k] !== undefined && typeof v[k] !== "string") errors.push(new InputError(k, v[k], "a string"));
  }
  const sources: string[] = [];
  if (v.scenario === undefined) errors.push(new InputError("scenario", undefined, "the scenario the design varies: a name (e.g. \"historical\"), a .json path or an inline scenario"));
  const scenario = v.scenario === undefined ? undefined : collect(errors, () => resolveRef(v.scenario, "scenario", file, sources));
  const parameters = readParameters(v.parameters, errors);
  const design = readMethod(v.design, parameters?.length, errors);
  const options = checkExperimentOptions({ seed: v.seed, replications: v.replications, scale: v.scale }, errors) as Design["options"];
  // Outcomes and group are checked as an experiment's metrics and groups, named as the file names them.
  const outcomeField = (name: string) => (name === "metrics" ? "outcomes" : name === "groups" ? "group" : name);
  if (v.outcomes === undefined || (Array.isArray(v.outcomes) && v.outcomes.length === 0)) errors.push(new InputError("outcomes", v.outcomes, "a non-empty list of metric names read at the horizon (e.g. [\"per_capita_income\", \"employment_rate\", \"poverty_rate\"])"));
  if (v.group !== undefined && typeof v.group !== "string") errors.push(new InputError("group", v.group, "one population group, e.g. \"all\""));
  const outcomeErrors: InputError[] = [];
  const checked = checkExperimentOptions({ metrics: v.outcomes, groups: typeof v.group === "string" ? [v.group] : undefined }, outcomeErrors, outcomeField);
  // `group` is one group, checked as a list of one: its errors name the field, not its element.
  errors.push(...outcomeErrors.map((e) => (e.field === "group[0]" ? restate(e, "group") : e)));
  let bootstrap = 1000;
  if (v.bootstrap !== undefined) {
    if (!Number.isInteger(v.bootstrap) || (v.bootstrap as number) < 10 || (v.bootstrap as number) > 100_000) errors.push(new InputError("bootstrap", v.bootstrap, "a whole number of bootstrap resamples from 10 to 100000"));
    else bootstrap = v.bootstrap as number;
  }
  let horizon = "";
  let horizonStep = 0;
  if (scenario) {
    const h = scenario.params.horizon;
    const first = parseMonth(h.start);
    const last = formatMonth(first + h.months - 1);
    if (v.horizon === undefined) {
      horizon = last;
      horizonStep = h.months;
    } else if (typeof v.horizon !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v.horizon) || parseMonth(v.horizon) < first || parseMonth(v.horizon) > first + h.months - 1) {
      errors.push(new InputError("horizon", v.horizon, `a month YYYY-MM inside the scenario's run, ${h.start} to ${last}`));
    } else {
      horizon = v.horizon;
      horizonStep = parseMonth(v.horizon) - first + 1;
    }
  }
  if (errors.length) throw new InputErrors(errors);
  return {
    name: v.name as string,
    title: (v.title as string | undefined) ?? (v.name as string),
    description: (v.description as string | undefined) ?? "",
    scenario: scenario!,
    source: sources[0]!,
    parameters: parameters!,
    design: design!,
    options,
    outcomes: [...checked.metrics!],
    group: checked.groups?.[0] ?? "all",
    horizon,
    horizonStep,
    bootstrap,
  };
}

/** The points a design method places for k parameters. */
export function designPoints(m: DesignMethod, k: number): number {
  switch (m.type) {
    case "factorial":
      return m.levels.reduce((p, l) => p * l, 1);
    case "lhs":
      return m.points;
    case "morris":
      return m.trajectories * (k + 1);
    case "sobol":
      return m.samples * (k + 2);
  }
}

function readParameters(v: unknown, errors: InputError[]): ParameterRange[] | undefined {
  const expected = `a non-empty list of parameters: "${DOCUMENTED}" (every parameter with a documented range), "<group>.*" (those of a group), dotted paths, or {"path": …, "range": [lo, hi] or {"lo", "hi", "log"}}`;
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(new InputError("parameters", v, expected));
    return undefined;
  }
  const out: ParameterRange[] = [];
  const seen = new Map<string, number>();
  // Patterns ("documented", "labour.*") add the documented parameters they match that the list does not give otherwise.
  const patterns: string[] = [];
  v.forEach((p, i) => {
    const where = `parameters[${i}]`;
    if (p === DOCUMENTED) return void patterns.push("");
    if (typeof p === "string" && p.endsWith(".*")) {
      const prefix = p.slice(0, -1);
      if (!uncertainParameters().some((r) => r.path.startsWith(prefix))) errors.push(new InputError(where, p, `a group of parameters some of which have a documented range (e.g. "labour.*")`));
      return void patterns.push(prefix);
    }
    let path: unknown = p;
    let range: unknown;
    if (isPlainObject(p)) {
      unknownKeys(p, ["path", "range", "$comment"], where, errors);
      if (p.$comment !== undefined && typeof p.$comment !== "string") errors.push(new InputError(`${where}.$comment`, p.$comment, "a string"));
      ({ path, range } = p);
      if (path === undefined) return void errors.push(new InputError(`${where}.path`, undefined, "the dotted path of a numeric model parameter"));
    } else if (typeof p !== "string") return void errors.push(new InputError(where, p, expected));
    const r = collect(errors, () => parameterRange(path, range, where));
    if (!r) return;
    const before = seen.get(r.path);
    if (before !== undefined) return void errors.push(new InputError(where, r.path, "a parameter listed once", `parameters[${before}] lists it too`));
    seen.set(r.path, i);
    out.push(r);
  });
  // Documented parameters not listed with a range of the file's own, in declaration order.
  if (patterns.length) for (const r of uncertainParameters()) if (!seen.has(r.path) && patterns.some((q) => r.path.startsWith(q))) out.push(r);
  if (out.length === 0 && !errors.some((e) => e.field.startsWith("parameters"))) errors.push(new InputError("parameters", v, expected, "no parameter has a documented range yet"));
  return out;
}

function readMethod(v: unknown, k: number | undefined, errors: InputError[]): DesignMethod | undefined {
  const types = Object.keys(METHOD_KEYS);
  if (!isPlainObject(v) || typeof v.type !== "string" || !types.includes(v.type)) {
    const s = isPlainObject(v) && typeof v.type === "string" ? suggest(v.type, types) : undefined;
    const field = isPlainObject(v) ? "design.type" : "design";
    errors.push(new InputError(field, isPlainObject(v) ? v.type : v, `one of ${types.join(", ")} (e.g. {"type": "morris", "trajectories": 10})`, s ? `did you mean "${s}"?` : undefined));
    return undefined;
  }
  const type = v.type as DesignMethod["type"];
  unknownKeys(v, METHOD_KEYS[type], "design", errors);
  const whole = (name: string, dflt: number | undefined, lo: number, hi: number, extra = ""): number | undefined => {
    const x = v[name] ?? dflt;
    if (Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi && (!extra || (x as number) % 2 === 0)) return x as number;
    errors.push(new InputError(`design.${name}`, v[name], `a whole number from ${lo} to ${hi}${extra}`));
    return undefined;
  };
  let m: DesignMethod | undefined;
  if (type === "factorial") {
    const L = v.levels;
    const each = Array.isArray(L) ? L : k === undefined ? [] : new Array<unknown>(k).fill(L);
    if (Array.isArray(L) && k !== undefined && L.length !== k) errors.push(new InputError("design.levels", L, `one number of levels per parameter (${k}), or one number for all`));
    else if (!each.every((x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 1000)) errors.push(new InputError("design.levels", L, "a whole number of levels from 1 to 1000, or a list of them, one per parameter"));
    else m = { type, levels: each as number[] };
  } else if (type === "lhs") {
    const points = whole("points", undefined, 1, MAX_DESIGN_POINTS);
    if (points !== undefined) m = { type, points };
  } else if (type === "morris") {
    const trajectories = whole("trajectories", 10, 2, 10_000);
    const levels = whole("levels", 4, 2, 100, " (even)");
    const candidates = whole("candidates", 0, 0, 1000);
    if (trajectories !== undefined && levels !== undefined && candidates !== undefined) m = { type, trajectories, levels, candidates };
  } else {
    const samples = whole("samples", undefined, 2, MAX_DESIGN_POINTS);
    const base = v.base ?? "sobol";
    if (base !== "sobol" && base !== "random") errors.push(new InputError("design.base", v.base, '"sobol" (quasi-random, the default) or "random"'));
    else if (k !== undefined && base === "sobol" && 2 * k > 64) errors.push(new InputError("design.base", base, `"random": Sobol base samples need 2k ≤ 64 dimensions and the design has k = ${k} parameters`));
    else if (samples !== undefined) m = { type, samples, base };
  }
  if (m && k !== undefined && designPoints(m, k) > MAX_DESIGN_POINTS) {
    errors.push(new InputError("design", v, `a design of at most ${MAX_DESIGN_POINTS.toLocaleString("en")} points`, `this one has ${designPoints(m, k).toLocaleString("en")}`));
    return undefined;
  }
  return m;
}

function unknownKeys(o: Record<string, unknown>, keys: readonly string[], where: string, errors: InputError[]): void {
  for (const key of Object.keys(o)) {
    if (keys.includes(key)) continue;
    const s = suggest(key, keys);
    const field = /^[\w$-]+$/.test(key) ? key : JSON.stringify(key);
    errors.push(new InputError(where ? `${where}.${field}` : field, o[key], `one of the keys ${keys.join(", ")}`, s ? `did you mean '${s}'?` : "unknown key"));
  }
}
