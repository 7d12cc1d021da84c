import type { LeafSpec } from "./spec.js";
import { range } from "./checkLeaf.js";

/** A leaf's default as a reader wants it: a named number by its name ("county"), a full list as "every metric". */
export function defaultText(spec: LeafSpec): string {
  switch (spec.kind) {
    case "number": {
      const name = spec.names ? Object.keys(spec.names).find((k) => spec.names![k] === spec.default) : undefined;
      return name ?? `${spec.default}${spec.unit ? " " + spec.unit : ""}`;
    }
    case "boolean":
      return String(spec.default);
    case "enum":
    case "string":
      return JSON.stringify(spec.default);
    case "list":
      return spec.default.length === spec.values.length ? `every ${spec.item}` : spec.default.join(",");
  }
}

/** What a leaf accepts, briefly, for help texts: "in [1, 600] months", "county, province, national or in […]". */
export function rangeText(spec: LeafSpec): string {
  switch (spec.kind) {
    case "number":
      return `${spec.names ? Object.keys(spec.names).join(", ") + " or " : ""}${spec.integer ? "a whole number " : ""}${range(spec)}`;
    case "boolean":
      return "true or false";
    case "enum":
      return spec.values.join(", ");
    case "string":
      return spec.expected;
    case "list": {
      // A short list of choices is worth showing; a long one (every metric) is in the docs.
      const all = spec.values.join(", ");
      return all.length <= 100 ? `comma-separated, of ${all}` : `${spec.item}s, comma-separated`;
    }
  }
}
