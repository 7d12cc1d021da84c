import { modelSpec, experimentSpec, defaultText, type Spec, type LeafSpec, type GroupSpec } from "@relocsim/core/engine";
import { CATALOGUE } from "./catalogue.js";
import { COMPARISON_KEYS, COMPARISON_OPTIONS } from "./comparison.js";

type JsonSchema = Record<string, unknown>;

const NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
const comment: JsonSchema = { type: "string", description: "A comment (JSON has none): why a value was chosen, its source." };

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

/** The JSON Schema of comparison files; scenarios written inline use the scenario schema. */
export function comparisonSchema(): JsonSchema {
  const names = CATALOGUE.map((s) => s.name);
  const ref = {
    anyOf: [
      { type: "string", enum: names, description: "A named scenario of @relocsim/scenarios." },
      { type: "string", pattern: "\\.json$", description: "A scenario file, relative to this comparison file." },
      { $ref: "scenario.schema.json" },
    ],
  };
  const properties: JsonSchema = {
    $schema: { type: "string", description: "Path to this schema, for editors: \"./comparison.schema.json\"." },
    $comment: comment,
    name: { type: "string", pattern: NAME_PATTERN, description: "Name of the comparison (the default results directory is results/<name>)." },
    title: { type: "string", description: "A one-line title." },
    description: { type: "string", description: "What the comparison asks." },
    baseline: { ...ref, description: "The scenario every other one is compared with: effects are scenario − baseline." },
    scenarios: { type: "array", minItems: 1, items: ref, description: "Scenarios compared with the baseline: names, .json paths or inline scenarios." },
    ...Object.fromEntries(COMPARISON_OPTIONS.map((k) => [k, optionSchema(k, experimentSpec.fields[k] as LeafSpec)])),
  };
  if (Object.keys(properties).join() !== COMPARISON_KEYS.join()) throw new Error("comparison schema and COMPARISON_KEYS disagree");
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "comparison.schema.json",
    title: "relocsim comparison",
    description: "Scenarios compared with a baseline over paired replications (relocsim compare). Generated by packages/scenarios/scripts/generate.ts; do not edit.",
    type: "object",
    additionalProperties: false,
    required: ["name", "baseline", "scenarios"],
    properties,
  };
}
