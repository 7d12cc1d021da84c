import {
  modelSpec, experimentSpec, defaultText, leaves, uncertainParameters, CALIBRATION_DEFAULTS, LAST_TARGET_MONTH,
  type Spec, type LeafSpec, type GroupSpec, type ListSpec, type NumberSpec,
} from "@relocsim/core/engine";
import { CATALOGUE } from "./catalogue.js";
import { COMPARISON_KEYS, COMPARISON_OPTIONS } from "./comparison.js";
import { DESIGN_KEYS, DOCUMENTED, MAX_DESIGN_POINTS } from "./designFile.js";

type JsonSchema = Record<string, unknown>;

const NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
const comment: JsonSchema = { type: "string", description: "A comment (JSON has none): why a value was chosen, its source." };

/** A file's schema: draft-07, an object of `properties` and nothing else. */
function fileSchema(kind: string, description: string, required: string[], properties: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: `${kind}.schema.json`,
    title: `relocsim ${kind}`,
    description,
    type: "object",
    additionalProperties: false,
    required,
    properties,
    ...extra,
  };
}

/** The keys a comparison or design file starts with: its schema, a comment, its name, title and description. */
function header(kind: string, what: string, asks: string): JsonSchema {
  return {
    $schema: { type: "string", description: `Path to this schema, for editors: "./${kind}.schema.json".` },
    $comment: comment,
    name: { type: "string", pattern: NAME_PATTERN, description: `Name of the ${what} (the default results directory is results/<name>).` },
    title: { type: "string", description: "A one-line title." },
    description: { type: "string", description: asks },
  };
}

/**
 * The JSON Schema (draft-07) of scenario files, generated from the parameter spec that the
 * `Params` type is derived from, so editors autocomplete and check every parameter with its
 * default, range, unit and source. Numbers that may vary in time also accept a string (a
 * mathjs expression of year, month, step, t), which only relocsim itself can check.
 */
export function scenarioSchema(): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "scenario.schema.json",
    title: "relocsim scenario",
    description: "A named set of parameter values; everything not given keeps its default. Generated from @relocsim/core's parameter spec by packages/scenarios/scripts/generate.ts; do not edit.",
    type: "object",
    additionalProperties: false,
    required: ["name"],
    properties: scenarioProperties(),
  };
}

function scenarioProperties(): JsonSchema {
  const names = CATALOGUE.map((s) => s.name);
  return {
    $schema: { type: "string", description: "Path to this schema, for editors: \"./scenario.schema.json\"." },
    $comment: comment,
    name: { type: "string", pattern: NAME_PATTERN, description: "Name of the scenario in results (letters, digits, '.', '_' or '-')." },
    title: { type: "string", description: "A one-line title for tables and charts." },
    description: { type: "string", description: "What the scenario stands for, and why its values were chosen." },
    paperSections: { type: "array", items: { type: "string", pattern: "^[0-9](\\.[0-9](\\([0-9]\\))?)?$" }, description: "Sections of the paper (Liang 2025) the scenario encodes, e.g. \"4.1(2)\"." },
    extends: {
      description: `A scenario to derive from: the name of a scenario of @relocsim/scenarios or a path to a .json file (relative to this file). Its params are merged under this file's params, key by key. Named scenarios: ${names.join(", ")}.`,
      anyOf: [
        { type: "string", enum: names },
        { type: "string", pattern: "\\.json$" },
      ],
    },
    params: groupSchema(modelSpec),
  };
}

function groupSchema(spec: GroupSpec): JsonSchema {
  const properties: JsonSchema = { $comment: comment };
  for (const [key, sub] of Object.entries(spec.fields)) properties[key] = (sub as Spec).kind === "group" ? groupSchema(sub as GroupSpec) : leafSchema(sub as LeafSpec);
  return {
    type: "object",
    description: spec.paper ? `${spec.doc} (paper ${spec.paper})` : spec.doc,
    additionalProperties: false,
    properties,
  };
}

function leafSchema(spec: LeafSpec): JsonSchema {
  const about = (extra: string) => `${spec.doc}. Default: ${extra}. Source: ${spec.source}.`;
  const type = leafType(spec);
  if (spec.kind === "string") return { ...type, description: about(`${defaultText(spec)} (${spec.expected})`) };
  if (spec.kind !== "number") return { ...type, description: about(defaultText(spec)) };
  const unit = spec.unit ? ` ${spec.unit}` : "";
  const range = `range [${spec.min}, ${spec.max}]`;
  if (!spec.timeVarying) return { ...type, description: about(`${spec.default}${unit}; ${range}; fixed for a run`) };
  return {
    ...type,
    type: [type.type, "string"],
    description: about(`${spec.default}${unit}; ${range}; may be a mathjs expression of year, month, step, t such as "year < 2020 ? a : b"`),
  };
}

/** What a leaf's value may be, with its default, as JSON Schema. */
function leafType(spec: LeafSpec): JsonSchema {
  switch (spec.kind) {
    case "number": {
      const number: JsonSchema = { type: spec.integer ? "integer" : "number", minimum: spec.min, maximum: spec.max };
      if (!spec.names) return { ...number, default: spec.default };
      return { anyOf: [{ type: "string", enum: Object.keys(spec.names) }, number], default: defaultText(spec) };
    }
    case "boolean":
      return { type: "boolean", default: spec.default };
    case "enum":
      return { type: "string", enum: [...spec.values], default: spec.default };
    case "string":
      return { type: "string", pattern: spec.pattern.source, default: spec.default };
    case "list":
      return { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: [...spec.values] }, default: [...spec.default] };
  }
}

/** An experiment option as a comparison file sets it; the flag of the same name overrides it. */
function optionSchema(name: string, spec: LeafSpec): JsonSchema {
  return { ...leafType(spec), description: `${spec.doc}. Default: ${defaultText(spec)}. --${name} overrides it.` };
}

/** A scenario a comparison or design file names: a named scenario, a .json file, or one written inline. */
function scenarioRef(file: string): JsonSchema {
  return {
    anyOf: [
      { type: "string", enum: CATALOGUE.map((s) => s.name), description: "A named scenario of @relocsim/scenarios." },
      { type: "string", pattern: "\\.json$", description: `A scenario file, relative to this ${file}.` },
      { $ref: "scenario.schema.json" },
    ],
  };
}

/** The JSON Schema of comparison files; scenarios written inline use the scenario schema. */
export function comparisonSchema(): JsonSchema {
  const ref = scenarioRef("comparison file");
  const properties: JsonSchema = {
    ...header("comparison", "comparison", "What the comparison asks."),
    baseline: { ...ref, description: "The scenario every other one is compared with: effects are scenario − baseline." },
    scenarios: { type: "array", minItems: 1, items: ref, description: "Scenarios compared with the baseline: names, .json paths or inline scenarios." },
    ...Object.fromEntries(COMPARISON_OPTIONS.map((k) => [k, optionSchema(k, experimentSpec.fields[k] as LeafSpec)])),
  };
  if (Object.keys(properties).join() !== COMPARISON_KEYS.join()) throw new Error("comparison schema and COMPARISON_KEYS disagree");
  return fileSchema("comparison", "Scenarios compared with a baseline over paired replications (relocsim compare). Generated by packages/scenarios/scripts/generate.ts; do not edit.", ["name", "baseline", "scenarios"], properties);
}

/** Every numeric model parameter by its dotted path. */
function numberLeaves(): Array<[string, NumberSpec]> {
  return leaves(modelSpec).flatMap(({ path, spec }) => (spec.kind === "number" ? [[path, spec as NumberSpec] as [string, NumberSpec]] : []));
}

/**
 * A parameter given with its range, `{"path", "range"}` (and `extra` keys): the path one of the
 * numeric parameters, the range inside the parameter's documented plausible range, or inside its
 * accepted values where none is documented (then the range is required), as parameterRange checks.
 */
function rangedParameter(extra: JsonSchema, description: string): { schema: JsonSchema; definitions: JsonSchema } {
  const params = numberLeaves();
  // One definition per distinct pair of bounds (many parameters share [0, 1]), so each parameter adds a short if/then.
  const definitions: JsonSchema = {};
  const within = (lo: number, hi: number) => {
    const name = `range in [${lo}, ${hi}]`;
    const bound = { type: "number", minimum: lo, maximum: hi };
    definitions[name] ??= { type: ["array", "object"], items: bound, properties: { lo: bound, hi: bound } };
    return { $ref: `#/definitions/${encodeURIComponent(name)}` };
  };
  const schema = {
    type: "object",
    description,
    additionalProperties: false,
    required: ["path"],
    properties: {
      $comment: comment,
      path: { type: "string", enum: params.map(([path]) => path), description: "The dotted path of a numeric model parameter (docs/parameters.md)." },
      range: {
        description: "[lo, hi] or {\"lo\", \"hi\", \"log\"} with lo < hi, inside the documented plausible range (or the accepted values where none is documented). Default: the documented plausible range.",
        anyOf: [
          { type: "array", minItems: 2, maxItems: 2, items: { type: "number" } },
          { type: "object", additionalProperties: false, required: ["lo", "hi"], properties: { lo: { type: "number" }, hi: { type: "number" }, log: { type: "boolean", description: "Sample log-uniformly (lo > 0). Default: as documented." } } },
        ],
      },
      ...extra,
    },
    allOf: params.map(([path, spec]) => {
      const [lo, hi] = spec.plausible ? [spec.plausible.lo, spec.plausible.hi] : [spec.min, spec.max];
      return { if: { properties: { path: { const: path } } }, then: { ...(spec.plausible ? {} : { required: ["range"] }), properties: { range: within(lo, hi) } } };
    }),
  };
  return { schema, definitions };
}

/** "A whole number from lo to hi" as JSON Schema. */
const whole = (lo: number, hi: number, description: string, extra: JsonSchema = {}): JsonSchema => ({ type: "integer", minimum: lo, maximum: hi, ...extra, description });

/** The JSON Schema of design files (relocsim sweep, relocsim sensitivity), which packages/scenarios/src/designFile.ts reads. */
export function designSchema(): JsonSchema {
  const documented = uncertainParameters();
  const ranged = rangedParameter({}, "A parameter over a range of the file's own.");
  const groups = [...new Set(documented.map((r) => `${r.path.slice(0, r.path.indexOf("."))}.*`))];
  const method = (type: string, properties: JsonSchema, required: string[], description: string): JsonSchema => ({
    type: "object",
    description,
    additionalProperties: false,
    required: ["type", ...required],
    properties: { type: { const: type }, ...properties },
  });
  const properties: JsonSchema = {
    ...header("design", "design", "What the design asks."),
    scenario: { ...scenarioRef("design file"), description: "The scenario every design point starts from: a name, a .json path or an inline scenario." },
    parameters: {
      type: "array",
      minItems: 1,
      description: "The parameters varied, each listed once.",
      items: {
        anyOf: [
          { const: DOCUMENTED, description: "Every parameter with a documented plausible range not listed otherwise." },
          { type: "string", enum: groups, description: "The parameters of a group that have a documented plausible range, not listed otherwise." },
          { type: "string", enum: documented.map((r) => r.path), description: "A parameter over its documented plausible range." },
          ranged.schema,
        ],
      },
    },
    design: {
      description: "How the points are placed in the parameters' unit cube (docs/experiments.md, Designs).",
      oneOf: [
        method("factorial", { levels: { anyOf: [whole(1, 1000, "Levels of every parameter."), { type: "array", minItems: 1, items: whole(1, 1000, "Levels of one parameter."), description: "Levels per parameter, one for each." }] } }, ["levels"], "Every combination of evenly spaced levels."),
        method("lhs", { points: whole(1, MAX_DESIGN_POINTS, "Points of the Latin hypercube.") }, ["points"], "A Latin hypercube."),
        method("morris", {
          trajectories: whole(2, 10_000, "Trajectories. Default: 10."),
          levels: whole(2, 100, "Grid levels, even. Default: 4.", { multipleOf: 2 }),
          candidates: whole(0, 1000, "Candidate trajectories the spread-out ones are chosen from (0: none). Default: 0."),
        }, [], "Morris trajectories of elementary effects."),
        method("sobol", {
          samples: whole(2, MAX_DESIGN_POINTS, "Base rows N: N·(k + 2) points."),
          base: { enum: ["sobol", "random"], description: "Base samples from the Sobol sequence (quasi-random, 2k ≤ 64) or random. Default: sobol." },
        }, ["samples"], "Saltelli's sample for Sobol indices."),
      ],
    },
    ...Object.fromEntries((["seed", "replications", "scale"] as const).map((k) => [k, optionSchema(k, experimentSpec.fields[k] as LeafSpec)])),
    outcomes: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: [...(experimentSpec.fields.metrics as ListSpec).values] }, description: "Metrics read at the horizon month." },
    group: { type: "string", enum: [...(experimentSpec.fields.groups as ListSpec).values], description: "The population group the outcomes are read for. Default: all." },
    horizon: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "The month YYYY-MM the outcomes are read at, inside the scenario's run. Default: its last month." },
    bootstrap: whole(10, 100_000, "Bootstrap resamples of every index's interval. Default: 1000."),
  };
  if (Object.keys(properties).join() !== DESIGN_KEYS.join()) throw new Error("design schema and DESIGN_KEYS disagree");
  return fileSchema(
    "design",
    "Points over parameters, run on common random numbers (relocsim sweep, relocsim sensitivity). Generated by packages/scenarios/scripts/generate.ts; do not edit.",
    ["name", "scenario", "parameters", "design", "outcomes"],
    properties,
    { definitions: ranged.definitions },
  );
}

/** The JSON Schema of calibration files (relocsim calibrate), which packages/core/src/experiment/calibration/calibrationFile.ts reads. */
export function calibrationSchema(): JsonSchema {
  const d = CALIBRATION_DEFAULTS;
  const groups = { type: "string", enum: [...(experimentSpec.fields.groups as ListSpec).values] };
  const text = (description: string) => ({ type: "string", description });
  const ranged = rangedParameter(
    { prior: { enum: ["uniform", "log-uniform"], description: "Default: log-uniform where the range is sampled log-uniformly, else uniform. Log-uniform needs a positive range." }, why: text("Why the parameter is free, and its range.") },
    "A free parameter: its path, and optionally its range and prior.",
  );
  return fileSchema(
    "calibration",
    "Free parameters of a scenario fitted to published figures up to 2021 by ABC-SMC (relocsim calibrate). Generated by packages/scenarios/scripts/generate.ts; do not edit.",
    ["scenario", "parameters", "targets"],
    {
      $schema: { type: "string", description: "Path to this schema, for editors: \"./calibration.schema.json\"." },
      $comment: comment,
      name: { type: "string", pattern: "^[A-Za-z0-9._-]+$", description: "Name of the calibration (the default results directory is results/calibration-<name>). Default: calibration." },
      description: text("What is fitted, and why."),
      scenario: {
        anyOf: [{ type: "string", enum: CATALOGUE.map((s) => s.name) }, { type: "string", pattern: "\\.json$" }],
        description: "The scenario whose parameters are fitted: a named scenario or a .json file (relative to this file).",
      },
      parameters: {
        type: "array",
        minItems: 1,
        description: "The free parameters, each listed once; its prior is uniform over its range, or log-uniform.",
        items: ranged.schema,
      },
      targets: {
        type: "array",
        minItems: 1,
        description: "The published figures fitted, each with distinct names.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["metric", "date", "value", "tolerance", "source"],
          properties: {
            $comment: comment,
            name: text("Its name in fit.csv. Default: \"<metric> [<group>][/<relativeTo>] <date>\"."),
            metric: { type: "string", enum: [...(experimentSpec.fields.metrics as ListSpec).values], description: "The metric (docs/ODD.md, 4.10)." },
            group: { ...groups, description: "The population group. Default: all." },
            relativeTo: { ...groups, description: "Divide by the same metric in this group (a share of persons in a cohort)." },
            date: { type: "string", pattern: `^(${monthsUpTo(LAST_TARGET_MONTH)})$`, description: `The month YYYY-MM of the model's value, at most ${LAST_TARGET_MONTH}: later figures are kept to test predictions, never fitted.` },
            value: { type: "number", description: "The published value." },
            tolerance: { type: "number", exclusiveMinimum: 0, description: "A model value this far from the published one counts one unit of distance." },
            source: { type: "string", pattern: "\\S", description: "Where the published value comes from." },
            note: text("A note on the figure."),
          },
        },
      },
      particles: whole(2, 1_000_000, `Accepted particles per generation. Default: ${d.particles}. --particles overrides it.`),
      generations: whole(1, 1000, `Generations at most, generation 0 (the prior) included. Default: ${d.generations}. --generations overrides it.`),
      replications: whole(1, 10_000, `Runs per particle, averaged. Default: ${d.replications}. --replications overrides it.`),
      seed: whole(0, 2 ** 31 - 1, `Seed of the proposals and base seed of the replicate seeds. Default: ${d.seed}. --seed overrides it.`),
      scale: { ...leafType(experimentSpec.fields.scale as LeafSpec), default: d.scale, description: `Households simulated per run. Default: ${d.scale}. --scale overrides it.` },
      alpha: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1, description: `Each tolerance is this quantile of the last generation's distances. Default: ${d.alpha}.` },
      minAcceptance: { type: "number", exclusiveMinimum: 0, maximum: 1, description: `A generation needing more than particles / minAcceptance proposals is abandoned. Default: ${d.minAcceptance}.` },
      minTolerance: { type: "number", minimum: 0, description: `Stop once the tolerance is at most this distance. Default: ${d.minTolerance}.` },
    },
    { definitions: ranged.definitions },
  );
}

/** A regular expression for the months YYYY-MM up to `last` (a December: whole years). */
function monthsUpTo(last: string): string {
  if (!last.endsWith("-12")) throw new Error(`monthsUpTo expects a December, not ${last}`);
  const y = last.slice(0, 4);
  // Years 0000 to y, digit by digit: a smaller digit at position i, any digits after it; or y itself.
  const years = [...y].flatMap((c, i) => (c === "0" ? [] : [`${y.slice(0, i)}[0-${Number(c) - 1}]${i < 3 ? `\\d{${3 - i}}` : ""}`]));
  return `(${[...years, y].join("|")})-(0[1-9]|1[0-2])`;
}
