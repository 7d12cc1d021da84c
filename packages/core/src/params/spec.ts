/**
 * Parameter specifications: the single source of truth for every model parameter's type,
 * default, range, unit and provenance. The resolved `Params` type, scenario validation, the
 * JSON Schema for scenario files and the parameter tables in docs/parameters.md all derive from it.
 */

/** Where a default comes from: a published figure (cited), the paper (section) or an assumption. */
export type Source = string;

interface LeafBase {
  doc: string;
  source: Source;
}
export interface NumberSpec extends LeafBase {
  kind: "number";
  default: number;
  min: number;
  max: number;
  integer: boolean;
  unit: string;
  /** May a scenario give it as a mathjs expression of time? Structural sizes may not. */
  timeVarying: boolean;
  /**
   * A default that varies in time (an exogenous series), as a mathjs expression; `default` is
   * then its value at the start of the default horizon.
   */
  expression?: string;
  /** Values that may also be given by name, e.g. a scale's "county" (households). */
  names?: Readonly<Record<string, number>>;
  /**
   * The plausible range of an uncertain value: what parameter designs, sensitivity analysis
   * and calibration priors explore (within [min, max], which only bounds what is accepted).
   * Every assumption carries one; `log` marks a range spanning decades (sampled log-uniform).
   */
  plausible?: PlausibleRange;
}
/** A parameter's plausible range (see NumberSpec.plausible). */
export interface PlausibleRange {
  lo: number;
  hi: number;
  log: boolean;
  /** Why this range (a source, or the reasoning behind an assumption's bounds). */
  why?: string;
}
export interface BooleanSpec extends LeafBase {
  kind: "boolean";
  default: boolean;
}
export interface EnumSpec<T extends string = string> extends LeafBase {
  kind: "enum";
  values: readonly T[];
  default: T;
}
export interface StringSpec extends LeafBase {
  kind: "string";
  default: string;
  pattern: RegExp;
  expected: string;
}
/** A non-empty list of distinct values from a fixed set (e.g. the metrics an experiment keeps). */
export interface ListSpec<T extends string = string> extends LeafBase {
  kind: "list";
  values: readonly T[];
  default: readonly T[];
  /** What an item is called in messages ("metric"). */
  item: string;
}
export type LeafSpec = NumberSpec | BooleanSpec | EnumSpec | StringSpec | ListSpec;
export interface GroupSpec<F extends Record<string, Spec> = Record<string, Spec>> {
  kind: "group";
  doc: string;
  /** Paper section(s) the group encodes, e.g. "4.1(2)". */
  paper?: string;
  fields: F;
}
export type Spec = LeafSpec | GroupSpec<any>;

/** The resolved (complete) value type of a spec. */
export type Resolved<S> = S extends NumberSpec
  ? number
  : S extends BooleanSpec
    ? boolean
    : S extends EnumSpec<infer T>
      ? T
      : S extends StringSpec
        ? string
        : S extends ListSpec<infer T>
          ? T[]
          : S extends GroupSpec<infer F>
            ? { [K in keyof F]: Resolved<F[K]> }
            : never;

/** What a scenario may write: everything optional; numbers may be time expressions. */
export type Input<S> = S extends NumberSpec
  ? number | string
  : S extends BooleanSpec
    ? boolean
    : S extends EnumSpec<infer T>
      ? T
      : S extends StringSpec
        ? string
        : S extends ListSpec<infer T>
          ? T[]
          : S extends GroupSpec<infer F>
            ? { [K in keyof F]?: Input<F[K]> }
            : never;

export const ASSUMPTION = "assumption";
export const paper = (section: string) => `paper ${section}`;

interface NumOpts {
  min: number;
  max: number;
  unit?: string;
  integer?: boolean;
  /** @default true */
  timeVarying?: boolean;
  /** The default is this time expression (see NumberSpec.expression). */
  expression?: string;
  /** Values that may also be given by name (see NumberSpec.names). */
  names?: Readonly<Record<string, number>>;
  /** The plausible range [lo, hi] (see NumberSpec.plausible). */
  range?: readonly [number, number];
  /** Sample the range log-uniformly (it spans decades). */
  log?: boolean;
}

export function num(value: number, opts: NumOpts, source: Source, doc: string): NumberSpec {
  return {
    kind: "number",
    default: value,
    min: opts.min,
    max: opts.max,
    integer: opts.integer ?? false,
    unit: opts.unit ?? "",
    timeVarying: opts.timeVarying ?? true,
    ...(opts.expression ? { expression: opts.expression } : {}),
    ...(opts.names ? { names: opts.names } : {}),
    ...(opts.range ? { plausible: plausibleRange(opts.range, opts.log ?? false, opts.min, opts.max, value, doc) } : {}),
    source,
    doc,
  };
}

/**
 * Give a number leaf its plausible range: `within(share(0.2, ASSUMPTION, "..."), 0.1, 0.4)`.
 * The range must lie inside the accepted [min, max] and contain the default.
 */
export function within(spec: NumberSpec, lo: number, hi: number, opts: { log?: boolean; why?: string } = {}): NumberSpec {
  return { ...spec, plausible: plausibleRange([lo, hi], opts.log ?? false, spec.min, spec.max, spec.default, spec.doc, opts.why) };
}

function plausibleRange(r: readonly [number, number], log: boolean, min: number, max: number, value: number, doc: string, why?: string): PlausibleRange {
  const [lo, hi] = r;
  // A programming error in a spec, caught by every test that loads the model.
  if (!(lo < hi) || lo < min || hi > max || value < lo || value > hi || (log && lo <= 0)) {
    throw new Error(`plausible range [${lo}, ${hi}] of "${doc}" must satisfy ${min} <= lo < hi <= ${max}, contain the default ${value}${log ? " and be positive (log)" : ""}`);
  }
  return why === undefined ? { lo, hi, log } : { lo, hi, log, why };
}
/** A probability or share in [0, 1]. */
export function share(value: number, source: Source, doc: string, unit = "share"): NumberSpec {
  return num(value, { min: 0, max: 1, unit }, source, doc);
}
/** A share read only when the population is built: it cannot vary over time. */
export function initialShare(value: number, source: Source, doc: string): NumberSpec {
  return num(value, { min: 0, max: 1, unit: "share", timeVarying: false }, source, doc);
}
export function bool(value: boolean, source: Source, doc: string): BooleanSpec {
  return { kind: "boolean", default: value, source, doc };
}
export function oneOf<const T extends string>(values: readonly T[], value: T, source: Source, doc: string): EnumSpec<T> {
  return { kind: "enum", values, default: value, source, doc };
}
export function str(value: string, pattern: RegExp, expected: string, source: Source, doc: string): StringSpec {
  return { kind: "string", default: value, pattern, expected, source, doc };
}
export function list<const T extends string>(values: readonly T[], value: readonly T[], item: string, source: Source, doc: string): ListSpec<T> {
  return { kind: "list", values, default: value, item, source, doc };
}
export function group<const F extends Record<string, Spec>>(doc: string, fields: F, paperSection?: string): GroupSpec<F> {
  return { kind: "group", doc, fields, paper: paperSection };
}

/** The defaults of a spec as a fresh, complete object. */
export function defaultsOf<S extends Spec>(spec: S): Resolved<S> {
  if (spec.kind === "group") {
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(spec.fields)) out[k] = defaultsOf(s as Spec);
    return out as Resolved<S>;
  }
  return (spec.kind === "list" ? [...spec.default] : spec.default) as Resolved<S>;
}

/** Every leaf with its dotted path, in declaration order. */
export function leaves(spec: Spec, prefix = ""): Array<{ path: string; spec: LeafSpec }> {
  if (spec.kind !== "group") return [{ path: prefix, spec }];
  const out: Array<{ path: string; spec: LeafSpec }> = [];
  for (const [k, s] of Object.entries(spec.fields)) out.push(...leaves(s as Spec, prefix ? `${prefix}.${k}` : k));
  return out;
}
