import { createHash } from "node:crypto";
import { InputError } from "./errors.js";
import { checkScenario, type Scenario } from "./scenario.js";
import { parseMonth, resolveParams } from "./params/resolve.js";
import type { CompiledExpression } from "./params/expressions.js";
import { expressionData, fromExpressionData, type ExpressionData } from "./params/expressionTable.js";
import type { Params, ParamsInput } from "./params/types.js";

/**
 * A scenario checked and resolved once (vitest's `ResolvedConfig`): every default filled in,
 * every time expression compiled and checked over the whole horizon. Simulations, experiments
 * and their worker threads take it as it is and never resolve the parameters again.
 */
export interface ResolvedScenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly paperSections: string[];
  /** The parameters as written, comments dropped: what the hash is of, what `extends` merges over. */
  readonly input: ParamsInput;
  /** Values at the start (time expressions evaluated at step 0). Never changed: a simulation steps a copy. */
  readonly params: Params;
  /** Time expressions, with paths inside params ("environment.demandShock"). */
  readonly expressions: readonly CompiledExpression[];
  /** sha256 (16 hex digits) of the name and canonical input: the scenario's identity in results. */
  readonly hash: string;
}

/** A resolved scenario as plain data, for a worker thread: expressions travel as their sources and their values over the horizon. */
export type ScenarioData = Omit<ResolvedScenario, "expressions"> & { expressions: ExpressionData[] };

const resolved = new WeakSet<object>();

/** Was this object made by `resolveScenario` (and so needs no checking)? */
export function isResolvedScenario(value: unknown): value is ResolvedScenario {
  return typeof value === "object" && value !== null && resolved.has(value);
}

/**
 * Check a scenario object (from a file or from code) and resolve its parameters: the one
 * place this happens. Errors name paths under `where` ("scenarios[1].name",
 * "scenarios[1].params.labour.separationRate"); without it, "scenario.name" and "params.…".
 */
export function resolveScenario(value: Scenario | Record<string, unknown>, options: { where?: string } = {}): ResolvedScenario {
  const where = options.where;
  const sc = checkScenario(value, where || "scenario");
  if (sc.extends !== undefined) throw new InputError(`${where || "scenario"}.extends`, sc.extends, "a resolved scenario (resolve `extends` with @relocsim/scenarios first)");
  const { params, expressions } = resolveParams(sc.params ?? {}, where ? `${where}.params` : "params");
  const input = withoutComments(sc.params ?? {}) as ParamsInput;
  return register({
    name: sc.name,
    title: sc.title ?? sc.name,
    description: sc.description ?? "",
    paperSections: sc.paperSections ?? [],
    input,
    params,
    expressions,
    hash: scenarioHash(sc.name, input),
  });
}

/**
 * The scenario with some numeric parameters set to fixed values (a design point, a particle of
 * a calibration, a draw from a posterior): `values` maps dotted paths inside params
 * ("labour.separationRate") to numbers. The result is resolved again from the merged input, so
 * a value out of range is refused naming its path, and its hash differs from the scenario's.
 * A value replaces the leaf's time expression, if it had one. `name` renames it (default: the
 * scenario's name).
 */
export function withValues(s: ResolvedScenario, values: Readonly<Record<string, number>>, name = s.name): ResolvedScenario {
  const input = structuredClone(s.input) as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split(".");
    let node = input;
    for (const k of keys.slice(0, -1)) {
      const next = node[k];
      node = (node[k] = isPlainObject(next) ? next : {}) as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return resolveScenario({ name, title: s.title, description: s.description, paperSections: s.paperSections, params: input });
}

/** The data a worker needs to run a resolved scenario (structured-cloneable). */
export function scenarioData(s: ResolvedScenario): ScenarioData {
  const { start, months } = s.params.horizon;
  return { ...s, expressions: s.expressions.map((e) => expressionData(e, parseMonth(start), months)) };
}

/** A resolved scenario again from its data (in a worker): expressions read their tables (see fromExpressionData), nothing is re-checked. */
export function fromScenarioData(d: ScenarioData): ResolvedScenario {
  return register({ ...d, expressions: d.expressions.map(fromExpressionData) });
}

function register(s: ResolvedScenario): ResolvedScenario {
  resolved.add(s);
  return s;
}

/**
 * The hash of a scenario: sha256 of its name and parameters in canonical form (keys sorted,
 * `$comment`s dropped), so reordering or commenting a file does not change it.
 */
export function scenarioHash(name: string, params: unknown): string {
  return createHash("sha256").update(JSON.stringify({ scenario: name, params: canonical(params ?? {}) })).digest("hex").slice(0, 16);
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) if (k !== "$comment") out[k] = canonical(v[k]);
  return out;
}

/** Parameters without "$comment" keys (JSON has no comments; scenario files use these). */
export function withoutComments(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutComments);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== "$comment") out[k] = withoutComments(x);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
