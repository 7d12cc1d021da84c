import type { ResolvedScenario } from "@relocsim/core";
/**
 * Read a scenario file, resolve its `extends` chain (a named scenario or another file) and
 * its parameters, once.
 * Errors are InputErrors headed by the file, naming the JSON path, the value and what was
 * expected; JSON syntax errors give the line and column.
 */
export declare function readScenarioFile(file: string): ResolvedScenario;
