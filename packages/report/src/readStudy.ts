import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readCsvTable, toNumber } from "@relocsim/core/results";
import type { DesignParameter } from "./designSwings.ts";
import type { WeightedParticle } from "./posteriorPairsChart.ts";
import { ReportError } from "./reportError.ts";
import { STUDY_FILES, type StudyKind } from "./studyKind.ts";

interface StudyBase {
  dir: string;
  /** manifest.json as written */
  manifest: Record<string, unknown>;
}

/** What a design's points ran: relocsim sweep and sensitivity record the same in manifest.json. */
interface DesignBase extends StudyBase {
  /** The design type: factorial, lhs, morris or sobol. */
  method: string;
  parameters: DesignParameter[];
  scenario: string;
  outcomes: string[];
  group: string;
  /** YYYY-MM month the outcomes are read at */
  horizon: string;
  points: number;
  replicates: number;
  households: number;
}

/** relocsim sweep: points.csv and outcomes.csv. */
export interface SweepStudy extends DesignBase {
  kind: "sweep";
  /** values[p][j]: parameter j at point p; units[p][j] its coordinate in [0, 1] */
  values: number[][];
  units: number[][];
  /** mean[o][p]: outcome o at point p, the mean over its replicates (NaN if one is undefined) */
  mean: number[][];
}

/** relocsim sensitivity: indices.csv. */
export interface SensitivityStudy extends DesignBase {
  kind: "sensitivity";
  indices: Array<{ method: string; metric: string; parameter: string; index: string; value: number; lo: number; hi: number }>;
}

/** relocsim calibrate: posterior.csv (its last generation), fit.csv, generations.csv. */
export interface CalibrationStudy extends StudyBase {
  kind: "calibrate";
  name: string;
  parameters: Array<DesignParameter & { prior: string }>;
  /** the last generation: the posterior */
  generation: number;
  particles: WeightedParticle[];
  fit: Array<{ target: string; metric: string; group: string; date: string; published: number; tolerance: number; mean: number; lo: number; hi: number; source: string }>;
  /** tolerance NaN for generation 0 (the prior) */
  generations: Array<{ generation: number; tolerance: number; proposed: number; acceptance: number; ess: number }>;
}

/** relocsim validate-model: validation.csv. */
export interface ValidationStudy extends StudyBase {
  kind: "validate-model";
  name: string;
  /** the last month a target may describe (later ones are predictions) */
  lastFitted: string;
  rows: Array<{
    kind: "target" | "prediction"; name: string; metric: string; group: string; date: string; published: number; tolerance: number;
    /** whether the published figure lies inside the 90% interval (targets only) */
    within?: boolean;
    mean: number; lo: number; hi: number; share: number; point: number; pointLow: number; pointHigh: number; source: string;
  }>;
}

export type Study = SweepStudy | SensitivityStudy | CalibrationStudy | ValidationStudy;

/**
 * Reads what a report shows of a directory written by relocsim sweep, sensitivity, calibrate
 * or validate-model (`kind`, from studyKind). Errors name the file and what was expected.
 */
export async function readStudy(dir: string, kind: StudyKind): Promise<Study> {
  for (const f of STUDY_FILES[kind]) {
    if (!existsSync(join(dir, f))) throw new ReportError("results directory", dir, `a ${f} file in it, as relocsim ${kind} writes it`, kind === "calibrate" ? "a calibration still running has none yet" : undefined);
  }
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
  const m = fields(manifest, join(dir, "manifest.json"));
  const csv = <T>(file: string, columns: readonly string[], convert: (get: (c: string) => string) => T) => readCsvTable(join(dir, file), columns, convert);
  switch (kind) {
    case "sweep":
    case "sensitivity": {
      const design: DesignBase = {
        dir, manifest,
        method: m.string("method.type", (manifest.method as { type?: unknown } | undefined)?.type),
        parameters: m.list("parameters", (p) => ({ path: m.string("parameters[].path", p.path), lo: m.number("parameters[].lo", p.lo), hi: m.number("parameters[].hi", p.hi), log: p.log === true })),
        scenario: m.string("scenario.name", (manifest.scenario as { name?: unknown } | undefined)?.name),
        outcomes: m.list("outcomes", (o) => m.string("outcomes[]", o.self)),
        group: m.string("group"),
        horizon: m.string("horizon"),
        points: m.number("points"),
        replicates: m.number("replicates"),
        households: m.number("scale"),
      };
      if (kind === "sensitivity") {
        const indices = await csv("indices.csv", ["method", "metric", "parameter", "index", "value", "lo", "hi"], (get) => ({
          method: get("method"), metric: get("metric"), parameter: get("parameter"), index: get("index"), value: toNumber(get("value")), lo: toNumber(get("lo")), hi: toNumber(get("hi")),
        }));
        return { ...design, kind, indices };
      }
      const paths = design.parameters.map((p) => p.path);
      const rows = await csv("points.csv", ["point", ...paths, ...paths.map((p) => `u_${p}`)], (get) => ({
        values: paths.map((p) => toNumber(get(p))),
        units: paths.map((p) => toNumber(get(`u_${p}`))),
      }));
      const P = rows.length;
      const sum = design.outcomes.map(() => new Array<number>(P).fill(0));
      const count = design.outcomes.map(() => new Array<number>(P).fill(0));
      const file = join(dir, "outcomes.csv");
      await readCsvTable(file, ["point", "metric", "value"], (get) => {
        const p = toNumber(get("point"));
        const o = design.outcomes.indexOf(get("metric"));
        if (!(Number.isInteger(p) && p >= 0 && p < P)) throw new ReportError("point", get("point"), `a point of points.csv, 0 to ${P - 1}`);
        if (o < 0) throw new ReportError("metric", get("metric"), `one of the design's outcomes (manifest.json): ${design.outcomes.join(", ")}`);
        sum[o]![p]! += toNumber(get("value"));
        count[o]![p]!++;
      });
      return { ...design, kind, values: rows.map((r) => r.values), units: rows.map((r) => r.units), mean: sum.map((s, o) => s.map((x, p) => x / count[o]![p]!)) };
    }
    case "calibrate": {
      const parameters = m.list("parameters", (p) => ({ path: m.string("parameters[].path", p.path), lo: m.number("parameters[].lo", p.lo), hi: m.number("parameters[].hi", p.hi), prior: m.string("parameters[].prior", p.prior), log: p.prior === "log-uniform" }));
      const paths = parameters.map((p) => p.path);
      const posterior = await csv("posterior.csv", ["generation", "weight", ...paths], (get) => ({ generation: toNumber(get("generation")), weight: toNumber(get("weight")), values: Object.fromEntries(paths.map((p) => [p, toNumber(get(p))])) }));
      const generation = Math.max(...posterior.map((r) => r.generation));
      const fit = await csv("fit.csv", ["target", "metric", "group", "date", "published", "tolerance", "model_mean", "lo", "hi", "source"], (get) => ({
        target: get("target"), metric: get("metric"), group: get("group"), date: get("date"), published: toNumber(get("published")), tolerance: toNumber(get("tolerance")),
        mean: toNumber(get("model_mean")), lo: toNumber(get("lo")), hi: toNumber(get("hi")), source: get("source"),
      }));
      const generations = await csv("generations.csv", ["generation", "tolerance", "proposed", "acceptance", "ess"], (get) => ({
        generation: toNumber(get("generation")), tolerance: toNumber(get("tolerance")), proposed: toNumber(get("proposed")), acceptance: toNumber(get("acceptance")), ess: toNumber(get("ess")),
      }));
      return {
        kind, dir, manifest, name: m.string("name"), parameters, generation,
        particles: posterior.filter((r) => r.generation === generation).map(({ weight, values }) => ({ weight, values })),
        fit, generations,
      };
    }
    case "validate-model": {
      const rows = await csv("validation.csv", ["kind", "name", "metric", "group", "date", "published", "tolerance", "within_interval", "posterior_mean", "lo", "hi", "parameter_share", "point_mean", "point_ci_low", "point_ci_high", "source"], (get) => {
        const kind = get("kind") as "target" | "prediction";
        if (kind !== "target" && kind !== "prediction") throw new ReportError("kind", kind, "target or prediction");
        const within = get("within_interval");
        return {
          kind, name: get("name"), metric: get("metric"), group: get("group"), date: get("date"), published: toNumber(get("published")), tolerance: toNumber(get("tolerance")),
          ...(within === "true" || within === "false" ? { within: within === "true" } : {}),
          mean: toNumber(get("posterior_mean")), lo: toNumber(get("lo")), hi: toNumber(get("hi")), share: toNumber(get("parameter_share")),
          point: toNumber(get("point_mean")), pointLow: toNumber(get("point_ci_low")), pointHigh: toNumber(get("point_ci_high")), source: get("source"),
        };
      });
      return { kind, dir, manifest, name: m.string("calibration"), lastFitted: m.string("lastFittedMonth"), rows };
    }
  }
}

/** Typed reads of manifest.json's fields: a missing or mistyped one is an error naming it. */
function fields(manifest: Record<string, unknown>, file: string) {
  const fail = (key: string, value: unknown, expected: string): never => {
    throw new ReportError(`${key} in ${file}`, value, expected);
  };
  return {
    string: (key: string, value: unknown = manifest[key]) => (typeof value === "string" ? value : fail(key, value, "a string")),
    number: (key: string, value: unknown = manifest[key]) => (typeof value === "number" && Number.isFinite(value) ? value : fail(key, value, "a number")),
    /** A non-empty list; `each` gets every item, an object's fields readable as `item.x` (absent for anything else). */
    list: <T>(key: string, each: (item: Record<string, unknown> & { self: unknown }) => T): T[] => {
      const v = manifest[key];
      if (!Array.isArray(v) || v.length === 0) return fail(key, v, "a non-empty list");
      return v.map((item) => each({ ...(item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {}), self: item }));
    },
  };
}
