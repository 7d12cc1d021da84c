export { cli, COMMANDS, type Command } from "./main.js";
export { writeResultsDir } from "./output.js";
export { readScenarioFile } from "./scenarioFile.js";
export { progressBar } from "./progress.js";
