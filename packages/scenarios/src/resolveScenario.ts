import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { resolveScenario as resolveOnce, InputError, InputErrors, type ResolvedScenario, type Scenario } from "@relocsim/core";
import { checkScenario, withoutComments, suggest } from "@relocsim/core/engine";
import { deepMerge } from "./deepMerge.js";
import { isNamedScenario, namedScenario, scenario, scenarioNames } from "./catalogue.js";
import { readJsonFile, displayPath } from "./readJsonFile.js";
import { collect, joinPath, restate } from "./errorPaths.js";

export interface ResolveOptions {
  /** JSON path of the scenario in its file ("" at the top level, "scenarios[2]" in a comparison). */
  where?: string;
  /** File the scenario was read from: relative `extends` paths start from its folder. */
  file?: string;
}

export interface ScenarioResolution {
  /** What the engine runs, resolved once: name, title, description, paperSections, params (comments dropped in `input`). */
  scenario: ResolvedScenario;
  /** Every scenario it derives from, nearest first (names, or file paths as shown in messages). */
  extends: string[];
}

/** A scenario with its `extends` chain merged in, parameters not yet resolved. */
interface Merged {
  scenario: Scenario & { title: string; description: string; paperSections: string[] };
  extends: string[];
}

/** Does an `extends` value name a file (rather than a named scenario)? */
export function isFileReference(ref: string): boolean {
  return /\.json$/i.test(ref) || ref.includes("/") || ref.includes("\\");
}

/**
 * Check a scenario and resolve its `extends` chain: the parent (a named scenario of this
 * package, or a .json file relative to the extending file) is merged first and the child's
 * params are merged over it, key by key. Cycles and unknown names are errors (with a
 * did-you-mean); errors in a parent file name that file. The merged parameters are then
 * resolved once by core's resolveScenario, including time expressions over the whole horizon.
 */
export function resolveScenario(value: unknown, options: ResolveOptions = {}): ScenarioResolution {
  const where = options.where ?? "";
  const m = merge(value, where, options.file, []);
  return { scenario: resolveOnce(m.scenario, { where }), extends: m.extends };
}

function merge(value: unknown, where: string, file: string | undefined, stack: string[]): Merged {
  const errors: InputError[] = [];
  const sc = checkEnvelope(value, where);
  let parent: Merged | undefined;
  if (sc.extends !== undefined) parent = collect(errors, () => mergeParent(sc.extends!, joinPath(where, "extends"), file, stack));
  if (errors.length) throw new InputErrors(errors);
  const p = parent?.scenario;
  // A parent's params are comment-free already; the child's comments are checked (as strings) when resolved.
  const params = p ? deepMerge(p.params ?? {}, sc.params ?? {}) : (sc.params ?? {});
  return {
    scenario: {
      name: sc.name,
      title: sc.title ?? (p ? `${sc.name} (derived from ${p.title})` : sc.name),
      description: sc.description ?? (p ? `Derived from ${p.name}: ${p.description}`.trim() : ""),
      paperSections: sc.paperSections ?? p?.paperSections ?? [],
      params: params as Scenario["params"],
    },
    extends: parent ? [parentLabel(sc.extends!, file), ...parent.extends] : [],
  };
}

function checkEnvelope(value: unknown, where: string): Scenario {
  // checkScenario names paths from a root label; rebase them onto this scenario's JSON path.
  const root = "\u0000";
  try {
    return checkScenario(value, root);
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e;
    throw new InputErrors(e.errors.map((x) => restate(x, x.field === root ? where || "scenario" : joinPath(where, x.field.slice(root.length + 1)))));
  }
}

/**
 * A parent merged (not resolved: only the scenario run is). A parent file is also resolved on
 * its own, so that a mistake in it is reported in that file.
 */
function mergeParent(ref: string, field: string, file: string | undefined, stack: string[]): Merged {
  if (isFileReference(ref)) {
    const abs = resolve(file ? dirname(file) : process.cwd(), ref);
    const key = `file:${abs}`;
    if (stack.includes(key) || (file && resolve(file) === abs)) throw cycle(ref, field, [...stack, key]);
    if (!existsSync(abs)) {
      const base = ref.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
      const near = isNamedScenario(base) ? base : suggest(base, scenarioNames());
      throw new InputError(field, ref, "a scenario file that exists (paths are relative to the file that extends it)", `there is no ${displayPath(abs)}${near ? `; did you mean the named scenario '${near}'?` : ""}`);
    }
    const json = readJsonFile(abs, field);
    try {
      const m = merge(json, "", abs, [...stack, ...(file ? [`file:${resolve(file)}`] : []), key]);
      resolveOnce(m.scenario);
      return withoutParamComments(m);
    } catch (e) {
      if (!(e instanceof InputErrors)) throw e;
      const note = `in ${displayPath(abs)}${file ? `, which ${displayPath(file)} extends` : ""}`;
      throw new InputErrors(e.errors.map((x) => (/\bin \S+\.json/.test(x.message) ? x : restate(x, x.field, note))));
    }
  }
  const key = `name:${ref}`;
  if (stack.includes(key)) throw cycle(ref, field, [...stack, key]);
  namedScenario(ref, field);
  return withoutParamComments(merge(scenario(ref), `(scenario '${ref}')`, undefined, [...stack, key]));
}

function cycle(ref: string, field: string, chain: string[]): InputError {
  const shown = chain.map((k) => (k.startsWith("file:") ? displayPath(k.slice(5)) : k.slice(5)));
  return new InputError(field, ref, "a scenario that does not extend itself, directly or through others", `cycle: ${shown.join(" → ")}`);
}

function parentLabel(ref: string, file: string | undefined): string {
  return isFileReference(ref) ? displayPath(resolve(file ? dirname(file) : process.cwd(), ref)) : ref;
}

function withoutParamComments(m: Merged): Merged {
  return { ...m, scenario: { ...m.scenario, params: withoutComments(m.scenario.params ?? {}) as Scenario["params"] } };
}
