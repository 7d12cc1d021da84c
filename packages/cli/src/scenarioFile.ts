import { readFileSync } from "node:fs";
import { InputError, checkScenario, type Scenario } from "@relocsim/core";

/** Read and check a scenario file; JSON syntax errors name the file and the position. */
export function readScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError("scenario file", file, "a readable JSON file");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, "(file contents)", "valid JSON", (e as Error).message);
  }
  return checkScenario(json, file);
}
