import { createHash } from "node:crypto";
import { InputError, InputErrors, suggest } from "../../errors.js";
import { GROUPS } from "../../model/collect.js";
import { METRICS } from "../../model/metricTable.js";
import { resolveScale } from "../../scale.js";
import { parameterRange, type ParameterRange } from "../parameterSpace.js";
import { logUniformPrior, priorFromRange, uniformPrior, type Prior } from "./prior.js";

/** The last month a target may describe: the project never fits figures after 2021. */
export const LAST_TARGET_MONTH = "2021-12";

/** A published figure a calibration fits. */
export interface CalibrationTarget {
  /** Short name in fit.csv: "per_capita_income 2016-12" unless the file names it. */
  readonly name: string;
  readonly metric: string;
  readonly group: string;
  /** Month of the model's value, YYYY-MM, at most LAST_TARGET_MONTH. */
  readonly date: string;
  /** The value is the metric in `group` divided by the same metric in this group (a share of persons in a cohort). */
  readonly relativeTo?: string;
  readonly value: number;
  readonly tolerance: number;
  readonly source: string;
}

export interface CalibrationParameter {
  readonly range: ParameterRange;
  readonly prior: Prior;
}

/** A calibration file, checked (the scenario is named, not yet resolved). */
export interface Calibration {
  readonly name: string;
  readonly description: string;
  /** A named scenario or a path to a scenario file (relative to the calibration file). */
  readonly scenario: string;
  readonly parameters: readonly CalibrationParameter[];
  readonly targets: readonly CalibrationTarget[];
  readonly particles: number;
  readonly generations: number;
  readonly replications: number;
  readonly seed: number;
  /** Households simulated. */
  readonly scale: number;
  readonly alpha: number;
  readonly minAcceptance: number;
  readonly minTolerance: number;
}

/** Settings a command line may override. */
export type CalibrationOverrides = Partial<Pick<Calibration, "particles" | "generations" | "replications" | "seed" | "scale">>;

/** Defaults of the settings a file may leave out. */
export const CALIBRATION_DEFAULTS = { particles: 100, generations: 5, replications: 1, seed: 1, scale: 2000, alpha: 0.5, minAcceptance: 0.02, minTolerance: 0 } as const;

const KEYS = ["$schema", "$comment", "name", "description", "scenario", "parameters", "targets", "particles", "generations", "replications", "seed", "scale", "alpha", "minAcceptance", "minTolerance"];
const PARAMETER_KEYS = ["$comment", "path", "range", "prior", "why"];
const TARGET_KEYS = ["$comment", "name", "metric", "group", "date", "relativeTo", "value", "tolerance", "source", "note"];
/** The keys an error lists: the ones that mean something to relocsim ($schema and $comment are for editors and readers). */
const listed = (keys: readonly string[]) => keys.filter((k) => !k.startsWith("$")).join(", ");

/**
 * Check a calibration file's content completely (every problem at once, each naming its
 * field): the free parameters (numeric model parameters, ranges inside the documented
 * ones), the targets (known metrics and groups, months up to 2021-12, positive tolerances,
 * a source), and the algorithm's settings.
 */
export function checkCalibration(raw: unknown, overrides: CalibrationOverrides = {}): Calibration {
  const errors: InputError[] = [];
  const err = (field: string, value: unknown, expected: string, hint?: string) => errors.push(new InputError(field, value, expected, hint));
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new InputError("calibration file", raw, "an object with scenario, parameters and targets");
  const v = raw as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!KEYS.includes(k)) err(k, v[k], `one of the keys of a calibration file: ${listed(KEYS)}`, hint(k, KEYS));
  for (const k of ["$schema", "$comment"]) if (v[k] !== undefined && typeof v[k] !== "string") err(k, v[k], "a string");
  const name = v.name === undefined ? "calibration" : v.name;
  if (typeof name !== "string" || !/^[A-Za-z0-9._-]+$/.test(name)) err("name", name, "letters, digits, '.', '_' or '-'");
  if (v.description !== undefined && typeof v.description !== "string") err("description", v.description, "a string");
  if (typeof v.scenario !== "string" || v.scenario === "") err("scenario", v.scenario, "a named scenario such as \"historical\" or a path to a scenario .json file");

  const parameters: CalibrationParameter[] = [];
  if (!Array.isArray(v.parameters) || v.parameters.length === 0) err("parameters", v.parameters, "a non-empty list of free parameters, each {\"path\": …, \"range\"?: [lo, hi], \"prior\"?: \"uniform\" | \"log-uniform\"}");
  else {
    const seen = new Set<string>();
    v.parameters.forEach((p, i) => {
      const at = `parameters[${i}]`;
      if (p === null || typeof p !== "object" || Array.isArray(p)) return err(at, p, "an object {\"path\": …, \"range\"?: [lo, hi], \"prior\"?: …}");
      const o = p as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!PARAMETER_KEYS.includes(k)) err(`${at}.${k}`, o[k], `one of ${listed(PARAMETER_KEYS)}`, hint(k, PARAMETER_KEYS));
      for (const k of ["$comment", "why"]) if (o[k] !== undefined && typeof o[k] !== "string") err(`${at}.${k}`, o[k], "a string");
      try {
        const range = parameterRange(o.path, o.range, `${at}.path`);
        if (seen.has(range.path)) return err(`${at}.path`, o.path, "a parameter not listed before");
        seen.add(range.path);
        let prior: Prior;
        if (o.prior === undefined) prior = priorFromRange(range);
        else if (o.prior === "uniform") prior = uniformPrior(range.path, range.lo, range.hi, range.integer);
        else if (o.prior === "log-uniform") {
          if (!(range.lo > 0)) return err(`${at}.prior`, o.prior, `"uniform": a log-uniform prior needs a positive range (this one is [${range.lo}, ${range.hi}])`);
          prior = logUniformPrior(range.path, range.lo, range.hi, range.integer);
        } else return err(`${at}.prior`, o.prior, "\"uniform\" or \"log-uniform\"");
        parameters.push({ range: { ...range, log: prior.kind === "log-uniform" }, prior });
      } catch (e) {
        if (e instanceof InputError) errors.push(fixPath(e, `${at}.path`, at));
        else throw e;
      }
    });
  }

  const targets: CalibrationTarget[] = [];
  if (!Array.isArray(v.targets) || v.targets.length === 0) err("targets", v.targets, "a non-empty list of targets, each {\"metric\", \"date\": \"YYYY-MM\", \"value\", \"tolerance\", \"source\"}");
  else {
    v.targets.forEach((t, i) => {
      const at = `targets[${i}]`;
      if (t === null || typeof t !== "object" || Array.isArray(t)) return err(at, t, "an object {\"metric\", \"date\", \"value\", \"tolerance\", \"source\"}");
      const o = t as Record<string, unknown>;
      const n = errors.length;
      for (const k of Object.keys(o)) if (!TARGET_KEYS.includes(k)) err(`${at}.${k}`, o[k], `one of ${listed(TARGET_KEYS)}`, hint(k, TARGET_KEYS));
      for (const k of ["$comment", "note"]) if (o[k] !== undefined && typeof o[k] !== "string") err(`${at}.${k}`, o[k], "a string");
      if (typeof o.metric !== "string" || !(METRICS as readonly string[]).includes(o.metric)) err(`${at}.metric`, o.metric, "a metric name (see docs/ODD.md, 4.10)", typeof o.metric === "string" ? hint(o.metric, METRICS) : undefined);
      const group = o.group ?? "all";
      if (typeof group !== "string" || !(GROUPS as readonly string[]).includes(group)) err(`${at}.group`, group, `one of ${GROUPS.join(", ")}`);
      if (o.relativeTo !== undefined && (typeof o.relativeTo !== "string" || !(GROUPS as readonly string[]).includes(o.relativeTo))) err(`${at}.relativeTo`, o.relativeTo, `one of ${GROUPS.join(", ")}`);
      if (typeof o.date !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.date)) err(`${at}.date`, o.date, "a month as YYYY-MM");
      else if (o.date > LAST_TARGET_MONTH) err(`${at}.date`, o.date, `a month up to ${LAST_TARGET_MONTH}: the project never fits figures after 2021 (later figures are kept to test predictions)`);
      if (typeof o.value !== "number" || !Number.isFinite(o.value)) err(`${at}.value`, o.value, "the published value, a finite number");
      if (typeof o.tolerance !== "number" || !(o.tolerance > 0) || !Number.isFinite(o.tolerance)) err(`${at}.tolerance`, o.tolerance, "a positive number: a model value this far from the published one counts one unit of distance");
      if (typeof o.source !== "string" || o.source.trim() === "") err(`${at}.source`, o.source, "where the published value comes from");
      if (o.name !== undefined && typeof o.name !== "string") err(`${at}.name`, o.name, "a string");
      if (errors.length > n) return;
      const tname = (o.name as string | undefined) ?? `${o.metric}${group === "all" ? "" : ` ${group}`}${o.relativeTo ? `/${o.relativeTo}` : ""} ${o.date}`;
      targets.push({ name: tname, metric: o.metric as string, group: group as string, date: o.date as string, ...(o.relativeTo ? { relativeTo: o.relativeTo as string } : {}), value: o.value as number, tolerance: o.tolerance as number, source: o.source as string });
    });
    const names = new Set<string>();
    for (const t of targets) {
      if (names.has(t.name)) err("targets", t.name, "targets with distinct names (give each a \"name\")");
      names.add(t.name);
    }
  }

  const whole = (key: string, min: number, max: number, fallback: number): number => {
    const x = (overrides as Record<string, unknown>)[key] ?? v[key];
    if (x === undefined) return fallback;
    if (typeof x !== "number" || !Number.isSafeInteger(x) || x < min || x > max) {
      err(key in overrides ? `--${key}` : key, x, `a whole number from ${min} to ${max}`);
      return fallback;
    }
    return x;
  };
  const real = (key: string, ok: (x: number) => boolean, expected: string, fallback: number): number => {
    const x = v[key];
    if (x === undefined) return fallback;
    if (typeof x !== "number" || !ok(x)) {
      err(key, x, expected);
      return fallback;
    }
    return x;
  };
  const d = CALIBRATION_DEFAULTS;
  const particles = whole("particles", 2, 1_000_000, d.particles);
  const generations = whole("generations", 1, 1000, d.generations);
  const replications = whole("replications", 1, 10_000, d.replications);
  const seed = whole("seed", 0, 2 ** 31 - 1, d.seed);
  let scale: number = d.scale;
  const sv = overrides.scale ?? v.scale;
  if (sv !== undefined) {
    try {
      scale = resolveScale(sv as number, "scale" in overrides ? "--scale" : "scale");
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  const alpha = real("alpha", (x) => x > 0 && x < 1, "a quantile strictly between 0 and 1", d.alpha);
  const minAcceptance = real("minAcceptance", (x) => x > 0 && x <= 1, "a share in (0, 1]", d.minAcceptance);
  const minTolerance = real("minTolerance", (x) => x >= 0 && Number.isFinite(x), "a distance ≥ 0", d.minTolerance);
  if (errors.length) throw new InputErrors(errors);
  return { name: name as string, description: (v.description as string | undefined) ?? "", scenario: v.scenario as string, parameters, targets, particles, generations, replications, seed, scale, alpha, minAcceptance, minTolerance };
}

/**
 * The identity of a calibration's results: what decides every generation's particles. The
 * number of generations is left out, so the same --out can be run again with more of them.
 */
export function calibrationHash(c: Calibration, scenarioHash: string): string {
  const key = {
    scenario: scenarioHash,
    parameters: c.parameters.map((p) => ({ path: p.range.path, lo: p.range.lo, hi: p.range.hi, prior: p.prior.kind, integer: p.range.integer })),
    targets: c.targets.map((t) => [t.name, t.metric, t.group, t.date, t.relativeTo ?? null, t.value, t.tolerance]),
    settings: [c.particles, c.replications, c.seed, c.scale, c.alpha, c.minAcceptance, c.minTolerance],
  };
  return createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 16);
}

function hint(word: string, candidates: readonly string[]): string | undefined {
  const s = suggest(word, candidates.filter((c) => !c.startsWith("$")));
  return s ? `did you mean "${s}"?` : undefined;
}

/** parameterRange names its field `<where> range` from the path's field: keep `parameters[i].range`. */
function fixPath(e: InputError, pathField: string, at: string): InputError {
  if (e.field.startsWith(`${pathField} range`)) return new InputError(`${at}.range${e.field.slice(`${pathField} range`.length)}`, e.value, e.expected);
  return e;
}
