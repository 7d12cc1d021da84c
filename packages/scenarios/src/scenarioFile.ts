import { leaves, modelSpec, type LeafSpec } from "@relocsim/core/engine";
import { isPlainObject } from "./deepMerge.js";
import type { NamedScenario } from "./catalogue/namedScenario.js";

/**
 * A named scenario written as a scenario file: its notes become "$comment" keys beside the
 * values they explain (a note on a single parameter goes on its group, prefixed by its name).
 */
export function scenarioFileText(s: NamedScenario, schema = "./scenario.schema.json"): string {
  const params = structuredClone(s.params) as Record<string, unknown>;
  const notes = new Map<string, string[]>();
  for (const [path, note] of Object.entries(s.notes)) {
    const isLeaf = leafPaths.has(path);
    const group = isLeaf ? path.slice(0, path.lastIndexOf(".")) : path;
    const text = isLeaf ? `${path.slice(path.lastIndexOf(".") + 1)}: ${note}` : note;
    notes.set(group, [...(notes.get(group) ?? []), text]);
  }
  const withComments = (obj: Record<string, unknown>, path: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const here = notes.get(path);
    if (here) out.$comment = here.join(" | ");
    for (const [k, v] of Object.entries(obj)) out[k] = isPlainObject(v) ? withComments(v, path ? `${path}.${k}` : k) : v;
    return out;
  };
  const file = {
    $schema: schema,
    $comment: `Generated from the named scenario '${s.name}' of @relocsim/scenarios (packages/scenarios/src/catalogue) by packages/scenarios/scripts/generate.ts. Copy it to make your own variant, or derive from it with "extends": "${s.name}".`,
    name: s.name,
    title: s.title,
    description: s.description,
    paperSections: s.paperSections,
    params: withComments(params, ""),
  };
  return JSON.stringify(file, null, 2) + "\n";
}

const leafPaths = new Set(leaves(modelSpec).map((l: { path: string; spec: LeafSpec }) => l.path));
