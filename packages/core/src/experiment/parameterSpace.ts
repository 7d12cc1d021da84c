/**
 * The parameter space that designs, sensitivity analysis and calibration explore: a model
 * parameter named by its dotted path, with the range it is sampled from. By default that is
 * the parameter's documented plausible range (`NumberSpec.plausible`, shown in
 * docs/parameters.md); a design or calibration file may narrow it, never widen it.
 */
import { InputError, suggest } from "../errors.js";
import { modelSpec } from "../params/model.js";
import { leaves, type NumberSpec } from "../params/spec.js";

export interface ParameterRange {
  /** Dotted path in a scenario's `params`, e.g. `labour.localSearchRate`. */
  readonly path: string;
  readonly lo: number;
  readonly hi: number;
  /** Sampled log-uniformly (the range spans decades). */
  readonly log: boolean;
  /** Values are rounded to whole numbers. */
  readonly integer: boolean;
  /** Where the range comes from: the documented plausible range, or the file that narrowed it. */
  readonly from: "documented" | "file";
  readonly spec: NumberSpec;
}

/** A range as a file may give it: `[lo, hi]` or `{ "lo": …, "hi": …, "log": … }`. */
export type RangeInput = readonly [number, number] | { readonly lo: number; readonly hi: number; readonly log?: boolean };

const NUMBER_LEAVES: ReadonlyMap<string, NumberSpec> = new Map(
  leaves(modelSpec).flatMap(({ path, spec }) => (spec.kind === "number" ? [[path, spec] as const] : [])),
);

/** Every numeric parameter with a documented plausible range, in declaration order. */
export function uncertainParameters(): ParameterRange[] {
  const out: ParameterRange[] = [];
  for (const [path, spec] of NUMBER_LEAVES) if (spec.plausible) out.push(documented(path, spec));
  return out;
}

/**
 * The range of one parameter: the documented one, or `given` (which must lie inside the
 * documented range, or inside the accepted [min, max] when none is documented).
 * `where` names the field of the user's file in error messages.
 */
export function parameterRange(path: unknown, given: unknown, where: string): ParameterRange {
  if (typeof path !== "string" || !NUMBER_LEAVES.has(path)) {
    const s = typeof path === "string" ? suggest(path, NUMBER_LEAVES.keys()) : undefined;
    throw new InputError(where, path, "the dotted path of a numeric model parameter (see docs/parameters.md)", s ? `did you mean "${s}"?` : undefined);
  }
  const spec = NUMBER_LEAVES.get(path)!;
  if (given === undefined) {
    if (!spec.plausible) throw new InputError(`${where} range`, given, `[lo, hi]: "${path}" has no documented plausible range, so the file must give one (accepted values ${spec.min} to ${spec.max})`);
    return documented(path, spec);
  }
  const r = readRange(given, `${where} range`);
  const [lo, hi, bound] = spec.plausible ? [spec.plausible.lo, spec.plausible.hi, "its documented plausible range"] : [spec.min, spec.max, "its accepted values"];
  if (r.lo < lo || r.hi > hi) throw new InputError(`${where} range`, given, `a range inside ${bound} [${lo}, ${hi}] of "${path}"`);
  const log = r.log ?? spec.plausible?.log ?? false;
  if (log && r.lo <= 0) throw new InputError(`${where} range`, given, "a positive range when sampled log-uniformly");
  return { path, lo: r.lo, hi: r.hi, log, integer: spec.integer, from: "file", spec };
}

/** The value at position u in [0, 1] of a range (log-uniform where the range is log; integers rounded). */
export function fromUnit(r: ParameterRange, u: number): number {
  const x = r.log ? Math.exp(Math.log(r.lo) + u * (Math.log(r.hi) - Math.log(r.lo))) : r.lo + u * (r.hi - r.lo);
  const v = r.integer ? Math.round(x) : x;
  return Math.min(r.hi, Math.max(r.lo, v));
}

/** The position in [0, 1] of a value in a range (the inverse of fromUnit, before rounding). */
export function toUnit(r: ParameterRange, x: number): number {
  return r.log ? (Math.log(x) - Math.log(r.lo)) / (Math.log(r.hi) - Math.log(r.lo)) : (x - r.lo) / (r.hi - r.lo);
}

function documented(path: string, spec: NumberSpec): ParameterRange {
  const p = spec.plausible!;
  return { path, lo: p.lo, hi: p.hi, log: p.log, integer: spec.integer, from: "documented", spec };
}

function readRange(v: unknown, where: string): { lo: number; hi: number; log?: boolean } {
  const expected = "[lo, hi] or {\"lo\": number, \"hi\": number, \"log\"?: boolean} with lo < hi";
  let lo: unknown, hi: unknown, log: unknown;
  if (Array.isArray(v) && v.length === 2) [lo, hi] = v;
  else if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const extra = Object.keys(o).find((k) => !["lo", "hi", "log"].includes(k));
    if (extra !== undefined) throw new InputError(`${where}.${extra}`, o[extra], "only lo, hi and log");
    ({ lo, hi, log } = o);
  } else throw new InputError(where, v, expected);
  if (typeof lo !== "number" || typeof hi !== "number" || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) throw new InputError(where, v, expected);
  if (log !== undefined && typeof log !== "boolean") throw new InputError(`${where}.log`, log, "true or false");
  return log === undefined ? { lo, hi } : { lo, hi, log };
}
