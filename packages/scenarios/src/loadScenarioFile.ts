import { resolve } from "node:path";
import { InputError, InputErrors } from "@relocsim/core";
import { readJsonFile, displayPath } from "./readJsonFile.js";
import { resolveScenario, type ScenarioResolution } from "./resolveScenario.js";

/**
 * Read a scenario file and resolve its `extends` chain. Errors are InputErrors headed by the
 * file's name, each naming the JSON path, the value and what was expected.
 */
export function loadScenarioFile(file: string): ScenarioResolution {
  const abs = resolve(file);
  try {
    return resolveScenario(readJsonFile(abs, "scenario file"), { file: abs });
  } catch (e) {
    if (e instanceof InputErrors) throw new InputErrors(e.errors, displayPath(abs));
    if (e instanceof InputError) throw new InputErrors([e], displayPath(abs));
    throw e;
  }
}
