import { InputError, InputErrors, keyPath, show, suggest } from "../errors.js";
import { defaultsOf, type Spec, type LeafSpec, type NumberSpec } from "./spec.js";
import { checkLeaf, expectedNumber, numberProblem } from "./checkLeaf.js";
import { modelSpec } from "./model.js";
import type { Params } from "./types.js";
import { compileExpression, type CompiledExpression, type TimeScope } from "./expressions.js";

export interface ResolvedParams {
  /** Values at the start (expressions evaluated at step 0). */
  params: Params;
  /** Time expressions (paths inside params), applied to a step's copy of the params by the policy schedule. */
  expressions: CompiledExpression[];
}

/**
 * Validate a scenario's parameter input against the spec and fill in defaults (the vitest
 * `UserConfig` → `ResolvedConfig` pattern). Collects every problem before failing so a user
 * fixes a file in one go; each error names the JSON path (under `where`), the value and what
 * was expected. Time expressions are evaluated over the whole horizon here, once: callers
 * keep the result (a ResolvedScenario) rather than resolving again.
 */
export function resolveParams(input: unknown, where = "params"): ResolvedParams {
  const errors: InputError[] = [];
  const expressions: CompiledExpression[] = [];
  const params = defaultsOf(modelSpec) as Params;
  const given = new Set<string>();
  walk(modelSpec, input ?? {}, params as unknown as Record<string, unknown>, where, errors, expressions, given);
  // Defaults that are time series (e.g. the 2020 migrant demand shock) apply unless given.
  for (const [path, leaf] of leavesByPath()) {
    if (leaf.kind === "number" && leaf.expression && !given.has(`${where}.${path}`)) expressions.push(compileExpression(path, leaf.expression, `${where}.${path}`));
  }
  if (errors.length === 0) checkConsistency(params, where, errors);
  if (errors.length === 0 && expressions.length > 0) {
    // Evaluate every expression over the whole horizon now, so a value that leaves its range
    // in 2023 stops the run before anything is written.
    const leafOf = new Map(leavesByPath());
    const start = parseMonth(params.horizon.start);
    for (const ex of expressions) {
      const spec = leafOf.get(ex.path) as NumberSpec;
      for (let step = 0; step < params.horizon.months; step++) {
        const scope = timeScope(start, step);
        const v = ex.evaluate(scope);
        const problem = numberProblem(spec, v);
        if (problem) {
          errors.push(new InputError(`${where}.${ex.path}`, ex.source, problem, `it gives ${show(v)} at ${formatMonth(start + step)}`));
          break;
        }
      }
      if (errors.length === 0) setPath(params, ex.path, ex.evaluate(timeScope(start, 0)));
    }
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return { params, expressions };
}

/** Apply the time expressions for `step` to `params` in place (the policy schedule). */
export function applyExpressions(params: Params, expressions: readonly CompiledExpression[], scope: TimeScope): void {
  for (const ex of expressions) setPath(params, ex.path, ex.evaluate(scope));
}

function walk(spec: Spec, value: unknown, target: Record<string, unknown>, path: string, errors: InputError[], exprs: CompiledExpression[], given: Set<string>, root = path) {
  if (spec.kind !== "group") throw new Error("walk expects a group");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    errors.push(new InputError(path, value, "an object"));
    return;
  }
  const names = Object.keys(spec.fields);
  let unknown = 0;
  for (const [key, v] of Object.entries(value)) {
    const p = keyPath(path, key);
    // Scenario files document their choices in "$comment" keys (JSON has no comments).
    if (key === "$comment") {
      if (typeof v !== "string") errors.push(new InputError(p, v, "a string (a comment)"));
      continue;
    }
    // Own keys only: "constructor", "toString" or "__proto__" must not find Object.prototype.
    if (!Object.hasOwn(spec.fields, key)) {
      // Name the first few; a generated file can hold millions, and each message costs.
      if (++unknown <= MAX_UNKNOWN_KEYS) {
        const s = suggest(key, names);
        errors.push(new InputError(p, v, `one of the keys of ${path}: ${names.join(", ")}`, s ? `did you mean '${s}'?` : "unknown key"));
      }
      continue;
    }
    const sub = spec.fields[key] as Spec;
    if (sub.kind === "group") {
      walk(sub, v, target[key] as Record<string, unknown>, p, errors, exprs, given, root);
      continue;
    }
    given.add(p);
    const r = leafValue(sub, v, p, p.slice(root.length + 1));
    if (r instanceof InputError) errors.push(r);
    else if (typeof r === "object" && !Array.isArray(r)) exprs.push(r);
    else target[key] = r;
  }
  if (unknown > MAX_UNKNOWN_KEYS) errors.push(new InputError(path, `${unknown} keys not in the model`, `only the keys of ${path}: ${names.join(", ")}`, `${unknown - MAX_UNKNOWN_KEYS} unknown keys besides the ones listed`));
}

/** Unknown keys of one group named one by one; the rest are counted in one message. */
const MAX_UNKNOWN_KEYS = 10;

/** A leaf's value, or its compiled time expression (`inner`: the path inside params). */
function leafValue(spec: LeafSpec, v: unknown, path: string, inner: string): InputError | CompiledExpression | number | boolean | string | string[] {
  if (spec.kind === "number" && spec.timeVarying) {
    if (typeof v === "string") {
      if (v.trim() !== "" && Number.isFinite(Number(v))) return checkLeaf(spec, Number(v), path);
      try {
        return compileExpression(inner, v, path);
      } catch (e) {
        return e as InputError;
      }
    }
    if (typeof v !== "number") return new InputError(path, v, `${expectedNumber(spec)} or a time expression string`);
  }
  return checkLeaf(spec, v, path);
}

/** Constraints across fields that a single range cannot state. */
function checkConsistency(p: Params, where: string, errors: InputError[]) {
  const c = p.population;
  const sum = c.cohortShare2016 + c.cohortShare2017 + c.cohortShare2018;
  if (sum > 1 + 1e-9) errors.push(new InputError(`${where}.population.cohortShare2018`, c.cohortShare2018, `cohort shares 2016-2018 summing to at most 1 (they sum to ${sum.toFixed(3)})`));
  const lf = c.initialMigrantShare + c.initialFarmingShare + c.initialLocalShare;
  if (lf > 1 + 1e-9) errors.push(new InputError(`${where}.population.initialLocalShare`, c.initialLocalShare, `initial migrant, farming and local shares summing to at most 1 (they sum to ${lf.toFixed(3)})`));
  if (c.workingAgeMin >= c.workingAgeMax) errors.push(new InputError(`${where}.population.workingAgeMax`, c.workingAgeMax, `a number above workingAgeMin (${c.workingAgeMin})`));
  if (c.urbanSitesNational > c.sitesNational) errors.push(new InputError(`${where}.population.urbanSitesNational`, c.urbanSitesNational, `at most sitesNational (${c.sitesNational})`));
}

let cachedLeaves: Array<[string, LeafSpec]> | undefined;
function leavesByPath(): Array<[string, LeafSpec]> {
  if (!cachedLeaves) {
    cachedLeaves = [];
    const visit = (s: Spec, p: string) => {
      if (s.kind === "group") for (const [k, v] of Object.entries(s.fields)) visit(v as Spec, p ? `${p}.${k}` : k);
      else cachedLeaves!.push([p, s]);
    };
    visit(modelSpec, "");
  }
  return cachedLeaves;
}

function setPath(obj: unknown, path: string, value: unknown) {
  const keys = path.split(".");
  let o = obj as Record<string, unknown>;
  for (let i = 0; i < keys.length - 1; i++) o = o[keys[i]!] as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

/** Months since year 0 for a "YYYY-MM" string. */
export function parseMonth(s: string): number {
  // The last month parsed is kept: processes parse the same parameter at every site each step.
  if (s === lastMonth.text) return lastMonth.abs;
  const [y, m] = s.split("-").map(Number);
  const abs = y! * 12 + (m! - 1);
  lastMonth.text = s;
  lastMonth.abs = abs;
  return abs;
}
const lastMonth = { text: "", abs: Number.NaN };
export function formatMonth(abs: number): string {
  const y = Math.floor(abs / 12);
  const m = abs - y * 12 + 1;
  return `${y}-${m < 10 ? "0" : ""}${m}`;
}
export function timeScope(startAbs: number, step: number): TimeScope {
  const abs = startAbs + step;
  const year = Math.floor(abs / 12);
  return { year, month: abs - year * 12 + 1, step, t: step / 12 };
}
