import { modelSpec, GROUPS, METRICS, SCALES, type Spec, type LeafSpec, type GroupSpec } from "@relocsim/core";
import { CATALOGUE } from "./catalogue.js";
import { COMPARISON_KEYS } from "./comparison.js";

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
  switch (spec.kind) {
    case "number": {
      const type = spec.integer ? "integer" : "number";
      const unit = spec.unit ? ` ${spec.unit}` : "";
      const range = `range [${spec.min}, ${spec.max}]`;
      const base: JsonSchema = { minimum: spec.min, maximum: spec.max, default: spec.default };
      if (!spec.timeVarying) return { type, ...base, description: about(`${spec.default}${unit}; ${range}; fixed for a run`) };
      return {
        type: [type, "string"],
        ...base,
        description: about(`${spec.default}${unit}; ${range}; may be a mathjs expression of year, month, step, t such as "year < 2020 ? a : b"`),
      };
    }
    case "boolean":
      return { type: "boolean", default: spec.default, description: about(String(spec.default)) };
    case "enum":
      return { type: "string", enum: [...spec.values], default: spec.default, description: about(JSON.stringify(spec.default)) };
    case "string":
      return { type: "string", pattern: spec.pattern.source, default: spec.default, description: about(`${JSON.stringify(spec.default)} (${spec.expected})`) };
  }
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
    replications: { type: "integer", minimum: 1, maximum: 100000, default: 10, description: "Replications per scenario; replicate r of every scenario uses the same seed (common random numbers). --replications overrides it." },
    seed: { type: "integer", minimum: 0, maximum: 2147483647, default: 1, description: "Base seed of the replicate seeds. --seed overrides it." },
    scale: { anyOf: [{ type: "string", enum: Object.keys(SCALES) }, { type: "integer", minimum: 1, maximum: 50000000 }], default: "county", description: `Households simulated: ${Object.entries(SCALES).map(([k, n]) => `${k} ${n}`).join(", ")}, or a number. --scale overrides it.` },
    groups: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: [...GROUPS] }, default: ["all", "site:urban", "site:rural"], description: "Population groups kept. --groups overrides it." },
    metrics: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: [...METRICS] }, description: "Metrics kept (default: every metric). --metrics overrides it." },
    every: { type: "integer", minimum: 1, maximum: 600, default: 12, description: "Months between kept steps; the horizon is always kept (12: the end of each simulated year; 1: every month). --every overrides it." },
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
