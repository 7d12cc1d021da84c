import { InputError, InputErrors, suggest } from "./errors.js";
import { checkNesting } from "./checkNesting.js";
import type { ParamsInput } from "./params/types.js";

/** A scenario: a named set of parameter values (everything not given keeps its default). */
export interface Scenario {
  name: string;
  title?: string;
  description?: string;
  /** Paper sections the scenario encodes, e.g. ["4.1(2)", "3.2"]. */
  paperSections?: string[];
  /**
   * Name of a scenario this one derives from: @relocsim/scenarios' `resolveScenario` and
   * `loadScenarioFile` follow it; core's `resolveScenario` rejects it (core has no catalogue).
   */
  extends?: string;
  params?: ParamsInput;
}

/** `$comment` is JSON Schema's comment keyword: scenario files use it for notes (JSON has no comments). */
const KEYS = ["$schema", "$comment", "name", "title", "description", "paperSections", "extends", "params"] as const;

/**
 * Check the top level of a scenario object (from a file or from code). Parameter values are
 * checked by `resolveParams`; this names unknown keys and wrong types of the envelope.
 */
export function checkScenario(value: unknown, where = "scenario"): Scenario {
  const errors: InputError[] = [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InputErrors([new InputError(where, value, "an object with a name and params")]);
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (!(KEYS as readonly string[]).includes(k)) {
      const s = suggest(k, KEYS);
      errors.push(new InputError(`${where}.${/^[\w$-]+$/.test(k) ? k : JSON.stringify(k)}`, v[k], `one of the keys ${KEYS.join(", ")}`, s ? `did you mean '${s}'?` : "unknown key"));
    }
  }
  if (typeof v.name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.name)) errors.push(new InputError(`${where}.name`, v.name, "a name of letters, digits, '.', '_' or '-'"));
  for (const k of ["$comment", "title", "description", "extends"] as const) {
    if (v[k] !== undefined && typeof v[k] !== "string") errors.push(new InputError(`${where}.${k}`, v[k], "a string"));
  }
  if (v.paperSections !== undefined && !(Array.isArray(v.paperSections) && v.paperSections.every((x) => typeof x === "string"))) {
    errors.push(new InputError(`${where}.paperSections`, v.paperSections, "an array of section strings such as \"4.1(2)\""));
  }
  if (v.params !== undefined && (typeof v.params !== "object" || v.params === null || Array.isArray(v.params))) errors.push(new InputError(`${where}.params`, v.params, "an object of parameter groups"));
  // Before anything recurses into the parameters (comments removed, parents merged, checks).
  else if (v.params !== undefined) {
    const deep = checkNesting(v.params, `${where}.params`);
    if (deep) errors.push(deep);
  }
  if (errors.length) throw new InputErrors(errors);
  return v as unknown as Scenario;
}
