#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isInputError } from "@relocsim/core";
import { suggest } from "@relocsim/core/engine";
import { runCommand } from "./commands/run.js";
import { validateCommand } from "./commands/validate.js";
import { compareCommand } from "./commands/compare.js";
import { reportCommand } from "./commands/report.js";
import { mergeCommand } from "./commands/merge.js";
import { sweepCommand } from "./commands/sweep.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { calibrateCommand } from "./commands/calibrate.js";
import { validateModelCommand } from "./commands/validateModel.js";
import { workerCommand } from "./commands/worker.js";
import { ClusterError } from "./cluster/clusterError.js";
import { VERSION } from "./version.js";

export interface Command {
  name: string;
  summary: string;
  help(): string;
  main(argv: string[]): Promise<number>;
}

/** Every command; `relocsim --help` lists them in this order. */
export const COMMANDS: Command[] = [runCommand, validateCommand, compareCommand, mergeCommand, workerCommand, sweepCommand, sensitivityCommand, calibrateCommand, validateModelCommand, reportCommand];

function usage(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(Math.max(...COMMANDS.map((x) => x.name.length)))}  ${c.summary}`).join("\n");
  return `relocsim ${VERSION}: agent-based simulation of poverty-alleviation relocation outcomes

Usage: relocsim <command> [options]     (from the repository: pnpm relocsim <command> ...)

Commands:
${rows}

Run 'relocsim <command> --help' for a command's options.
Exit codes: 0 success, 2 bad input (nothing written), 1 internal error or a cluster failure (Redis
unreachable, a task failed), 130 interrupted by Ctrl-C (an experiment keeps its finished runs:
run it again to continue).
`;
}

export async function cli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && rest[0]) {
      const c = COMMANDS.find((x) => x.name === rest[0]);
      if (c) return (process.stdout.write(c.help()), 0);
    }
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") return (process.stdout.write(VERSION + "\n"), 0);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const s = suggest(name, COMMANDS.map((c) => c.name));
    process.stderr.write(`relocsim: invalid command: "${name}" (expected one of ${COMMANDS.map((c) => c.name).join(", ")})${s ? `; did you mean '${s}'?` : ""}\n`);
    return 2;
  }
  try {
    return await command.main(rest);
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`relocsim ${name}: ${(e as Error).message}\n`);
      return 2;
    }
    // Not bad input, not a bug: Redis unreachable, a task that failed on a worker.
    if (e instanceof ClusterError) {
      process.stderr.write(`relocsim ${name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Whether this module is the program (not imported): the installed bin is a symlink to it. */
function isMain(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** The program: run `argv` and exit with its code (an error that is not bad input is reported as internal, exit 1). */
export function main(argv: string[]): void {
  cli(argv).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`relocsim: internal error (please report it):\n${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}

if (isMain()) main(process.argv.slice(2));
