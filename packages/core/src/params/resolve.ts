import { InputError, InputErrors, keyPath, show, suggest } from "../errors.js";
import { defaultsOf, type Spec, type LeafSpec } from "./spec.js";
import { modelSpec } from "./model.js";
import type { Params } from "./types.js";
import { compileExpression, type CompiledExpression, type TimeScope } from "./expressions.js";

export interface ResolvedParams {
  /** Values at the start (expressions evaluated at step 0). */
  params: Params;
  /** Time expressions, applied to a step's copy of the params by the policy schedule. */
  expressions: CompiledExpression[];
}

/**
 * Validate a scenario's parameter input against the spec and fill in defaults (the vitest
 * `UserConfig` → `ResolvedConfig` pattern). Collects every problem before failing so a user
 * fixes a file in one go; each error names the JSON path, the value and what was expected.
 */
export function resolveParams(input: unknown, base?: Params, where = "params"): ResolvedParams {
  const errors: InputError[] = [];
  const expressions: CompiledExpression[] = [];
  const params = structuredClone(base ?? defaultsOf(modelSpec)) as Params;
  const given = new Set<string>();
  walk(modelSpec, input ?? {}, params as unknown as Record<string, unknown>, where, errors, expressions, given);
  // Defaults that are time series (e.g. the 2020 migrant demand shock) apply unless given.
  for (const [path, leaf] of leavesByPath()) {
    if (leaf.kind === "number" && leaf.expression && !given.has(`${where}.${path}`)) expressions.push(compileExpression(`${where}.${path}`, leaf.expression));
  }
  if (errors.length === 0) checkConsistency(params, where, errors);
  if (errors.length === 0 && expressions.length > 0) {
    // Evaluate every expression over the whole horizon now, so a value that leaves its range
    // in 2023 stops the run before anything is written.
    const leafOf = new Map(leavesByPath());
    const start = parseMonth(params.horizon.start);
    for (const ex of expressions) {
      const spec = leafOf.get(ex.path.slice(where.length + 1)) as LeafSpec & { kind: "number" };
      for (let step = 0; step < params.horizon.months; step++) {
        const scope = timeScope(start, step);
        const v = ex.evaluate(scope);
        const problem = numberProblem(spec, v);
        if (problem) {
          errors.push(new InputError(ex.path, ex.source, problem, `it gives ${show(v)} at ${formatMonth(start + step)}`));
          break;
        }
      }
      if (errors.length === 0) setPath(params, ex.path.slice(where.length + 1), ex.evaluate(timeScope(start, 0)));
    }
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return { params, expressions };
}

/** Apply the time expressions for `step` to `params` in place (the policy schedule). */
export function applyExpressions(params: Params, expressions: CompiledExpression[], where: string, scope: TimeScope): void {
  for (const ex of expressions) setPath(params, ex.path.slice(where.length + 1), ex.evaluate(scope));
}

function walk(spec: Spec, value: unknown, target: Record<string, unknown>, path: string, errors: InputError[], exprs: CompiledExpression[], given: Set<string>) {
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
      walk(sub, v, target[key] as Record<string, unknown>, p, errors, exprs, given);
      continue;
    }
    given.add(p);
    const r = leafValue(sub, v, p);
    if (r instanceof InputError) errors.push(r);
    else if (typeof r === "object") exprs.push(r);
    else target[key] = r;
  }
  if (unknown > MAX_UNKNOWN_KEYS) errors.push(new InputError(path, `${unknown} keys not in the model`, `only the keys of ${path}: ${names.join(", ")}`, `${unknown - MAX_UNKNOWN_KEYS} unknown keys besides the ones listed`));
}

/** Unknown keys of one group named one by one; the rest are counted in one message. */
const MAX_UNKNOWN_KEYS = 10;

function leafValue(spec: LeafSpec, v: unknown, path: string): InputError | CompiledExpression | number | boolean | string {
  switch (spec.kind) {
    case "number": {
      if (typeof v === "string" && spec.timeVarying) {
        if (v.trim() !== "" && Number.isFinite(Number(v))) return leafValue(spec, Number(v), path);
        try {
          return compileExpression(path, v);
        } catch (e) {
          return e as InputError;
        }
      }
      if (typeof v !== "number") {
        return new InputError(path, v, spec.timeVarying ? `a number (${range(spec)}) or a time expression string` : `a number (${range(spec)})`);
      }
      const problem = numberProblem(spec, v);
      return problem ? new InputError(path, v, problem) : v;
    }
    case "boolean":
      return typeof v === "boolean" ? v : new InputError(path, v, "true or false");
    case "enum":
      if (typeof v === "string" && spec.values.includes(v)) return v;
      {
        const s = typeof v === "string" ? suggest(v, spec.values) : undefined;
        return new InputError(path, v, `one of ${spec.values.map((x) => JSON.stringify(x)).join(", ")}`, s ? `did you mean '${s}'?` : undefined);
      }
    case "string":
      return typeof v === "string" && spec.pattern.test(v) ? v : new InputError(path, v, spec.expected);
  }
}

function numberProblem(spec: LeafSpec & { kind: "number" }, v: number): string | undefined {
  if (!Number.isFinite(v)) return `a finite number (${range(spec)})`;
  if (v < spec.min || v > spec.max) return `a number ${range(spec)}`;
  if (spec.integer && !Number.isInteger(v)) return `a whole number ${range(spec)}`;
  return undefined;
}

function range(spec: { min: number; max: number; unit: string }): string {
  return `in [${spec.min}, ${spec.max}]${spec.unit ? " " + spec.unit : ""}`;
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
  const [y, m] = s.split("-").map(Number);
  return y! * 12 + (m! - 1);
}
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
