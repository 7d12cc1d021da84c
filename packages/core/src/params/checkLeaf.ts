import { InputError, suggest } from "../errors.js";
import type { LeafSpec, NumberSpec } from "./spec.js";

/**
 * Check one value against its leaf spec (time expressions aside: `resolveParams` compiles
 * those). Scenario parameters, experiment options in comparison files and command-line flags
 * all go through here, so a value is accepted, and a problem worded, the same way everywhere.
 * Returns the value to use (a named number becomes its number) or the error.
 */
export function checkLeaf(spec: LeafSpec, v: unknown, path: string): InputError | number | boolean | string | string[] {
  switch (spec.kind) {
    case "number": {
      if (typeof v === "string" && spec.names && Object.hasOwn(spec.names, v)) return spec.names[v]!;
      if (typeof v !== "number") {
        const s = typeof v === "string" && spec.names ? suggest(v, Object.keys(spec.names)) : undefined;
        return new InputError(path, v, expectedNumber(spec), s ? `did you mean '${s}'?` : undefined);
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
    case "list": {
      if (!Array.isArray(v) || v.length === 0) return new InputError(path, v, `a non-empty list of ${spec.item}s (${spec.values.join(", ")})`);
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== "string" || !spec.values.includes(x)) {
          const s = typeof x === "string" ? suggest(x, spec.values) : undefined;
          return new InputError(`${path}[${i}]`, x, `a ${spec.item}: one of ${spec.values.join(", ")}`, s ? `did you mean '${s}'?` : undefined);
        }
        if (v.indexOf(x) !== i) return new InputError(`${path}[${i}]`, x, `each ${spec.item} once (it is listed twice)`);
      }
      return [...(v as string[])];
    }
  }
}

/** What a number leaf accepts, for messages: "a number (in [0, 1] per year)". */
export function expectedNumber(spec: NumberSpec): string {
  const names = spec.names ? `${Object.keys(spec.names).join(", ")} or ` : "";
  return `${names}a ${spec.integer ? "whole " : ""}number (${range(spec)})`;
}

export function numberProblem(spec: NumberSpec, v: number): string | undefined {
  if (!Number.isFinite(v)) return `a finite number (${range(spec)})`;
  if (v < spec.min || v > spec.max) return `a ${spec.integer ? "whole " : ""}number ${range(spec)}`;
  if (spec.integer && !Number.isInteger(v)) return `a whole number ${range(spec)}`;
  return undefined;
}

export function range(spec: NumberSpec): string {
  return `in [${spec.min}, ${spec.max}]${spec.unit ? " " + spec.unit : ""}`;
}
