export { cli, COMMANDS, type Command } from "./main.js";
export { readScenarioFile } from "./scenarioFile.js";
export { progressBar } from "./progress.js";
