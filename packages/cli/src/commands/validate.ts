import { isInputError } from "@relocsim/core";
import { planExperiment, leaves, modelSpec, checkCalibration } from "@relocsim/core/engine";
import { loadComparison, loadDesign, designPoints, loadScenarioFile, parametersSet, readJsonFile, displayPath } from "@relocsim/scenarios";
import { resolve } from "node:path";
import { parse, helpText, type Flags } from "../args.js";
import { withFile } from "./run.js";
import { planRuns } from "./calibrate.js";

const flags: Flags = {
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

const timeVarying = new Set(leaves(modelSpec).filter((l) => l.spec.kind === "number" && l.spec.timeVarying).map((l) => l.path));

export const validateCommand = {
  name: "validate",
  summary: "check scenario, comparison, design and calibration files without running them",
  help: () =>
    helpText(
      "relocsim validate <file.json> [<file.json> ...]",
      "Check scenario files (parameters, ranges, time expressions over the whole horizon, `extends`),\ncomparison files (and every scenario they name), design files (relocsim sweep, sensitivity) and\ncalibration files (relocsim calibrate) without running anything.\nEach problem names the file, the JSON path, the value and what was expected.",
      flags,
      "Examples:\n  pnpm relocsim validate scenarios/historical.json\n  pnpm relocsim validate scenarios/*.json",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 1, max: Infinity, names: "one or more scenario or comparison files: relocsim validate <file.json> ..." });
    if (values.help) return (process.stdout.write(validateCommand.help()), 0);
    let failed = 0;
    for (const file of positionals) {
      try {
        const line = check(file);
        if (!values.quiet) process.stdout.write(`ok  ${file}  ${line}\n`);
      } catch (e) {
        if (!isInputError(e)) throw e;
        failed++;
        process.stderr.write(`relocsim validate: ${(e as Error).message}\n`);
      }
    }
    if (failed && positionals.length > 1) process.stderr.write(`relocsim validate: ${failed} of ${positionals.length} files have problems\n`);
    return failed ? 2 : 0;
  },
};

/** Check one file; returns a one-line description of what it holds. */
function check(file: string): string {
  const json = readJsonFile(resolve(file));
  const kind = fileKind(json);
  if (kind === "schema") return "a JSON Schema (skipped)";
  if (kind === "design") {
    const d = loadDesign(file);
    const k = d.parameters.length;
    return `design '${d.name}': ${d.design.type}, ${designPoints(d.design, k)} points over ${k} parameter${k === 1 ? "" : "s"} of '${d.scenario.name}', ${d.outcomes.length} outcome${d.outcomes.length === 1 ? "" : "s"} at ${d.horizon}`;
  }
  if (kind === "calibration") {
    const shown = displayPath(resolve(file));
    const c = withFile(shown, () => checkCalibration(json));
    const { base } = withFile(shown, () => planRuns(c, resolve(file)));
    const last = c.targets.map((t) => t.date).sort().at(-1);
    return `calibration '${c.name}': ${c.parameters.length} free parameters of '${base.name}', ${c.targets.length} targets up to ${last}; ${c.particles} particles × ${c.replications} replication${c.replications === 1 ? "" : "s"}, up to ${c.generations} generations of ${c.scale.toLocaleString("en")} households`;
  }
  if (kind === "comparison") {
    const c = loadComparison(file);
    const plan = withFile(displayPath(resolve(file)), () => planExperiment({ ...c.options, baseline: c.baseline, scenarios: c.scenarios, workers: 1 }));
    const n = plan.scenarios.length;
    return `comparison '${c.name}': ${plan.scenarios[0]!.name} + ${n - 1} scenario${n === 2 ? "" : "s"} × ${plan.replications} replications = ${n * plan.replications} runs of ${plan.households.toLocaleString("en")} households`;
  }
  const r = loadScenarioFile(file);
  const set = parametersSet({ params: r.scenario.input });
  const expressions = set.filter(([p, v]) => typeof v === "string" && timeVarying.has(p)).length;
  const from = r.extends.length ? `extends ${r.extends.join(" → ")}; ` : "";
  return `scenario '${r.scenario.name}': ${from}${set.length} parameter${set.length === 1 ? "" : "s"} set${expressions ? ` (${expressions} time expression${expressions === 1 ? "" : "s"})` : ""}`;
}

/** A comparison has a baseline or scenarios; a JSON Schema declares the draft it follows. */
export function fileKind(json: unknown): "comparison" | "scenario" | "schema" | "design" | "calibration" {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "scenario";
  const v = json as Record<string, unknown>;
  if (typeof v.$schema === "string" && /json-schema\.org/.test(v.$schema)) return "schema";
  // A design file (relocsim sweep / sensitivity) names its design.
  if ("design" in v && "parameters" in v) return "design";
  // A calibration file (relocsim calibrate) lists its targets.
  if ("targets" in v && "parameters" in v) return "calibration";
  if ("scenarios" in v || "baseline" in v || (typeof v.$schema === "string" && /comparison\.schema\.json$/.test(v.$schema))) return "comparison";
  return "scenario";
}
