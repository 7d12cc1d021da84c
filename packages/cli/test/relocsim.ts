/**
 * The relocsim command for tests, in a child process (as a user runs it) or in this process
 * (fast, for the many cases of one test file). The one copy every test uses.
 */
import { execFile, spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { join, resolve } from "node:path";
import { cli } from "../src/main.ts";

/** The repository's root, the working directory of every run. */
export const root = resolve(import.meta.dirname, "../../..");
const tsx = join(root, "node_modules/.bin/tsx");
const main = join(root, "packages/cli/src/main.ts");

export interface CliResult {
  /** exit code (null if killed by a signal) */
  code: number | null;
  stdout: string;
  stderr: string;
}

const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, NO_COLOR: "1", ...extra });

/** `relocsim <args>` in a child process; waits for it to end. */
export function relocsim(...args: string[]): CliResult {
  const r = spawnSync(tsx, [main, ...args], { cwd: root, encoding: "utf8", env: env() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `relocsim <args>` in a child process, without blocking this one (runs side by side). */
export function relocsimAsync(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((done) => {
    const child = execFile(tsx, [main, ...args], { cwd: root, encoding: "utf8", env: env(options.env), maxBuffer: 256 << 20 }, (_error, stdout, stderr) => {
      done({ code: child.exitCode, stdout, stderr });
    });
  });
}

/**
 * `relocsim <args>` started in a child process of its own process group (tsx starts node as a
 * child): `process.kill(-child.pid, "SIGKILL")` kills the run as a crash would. `stdio: "pipe"`
 * to read what it prints (a worker's lines).
 */
export function relocsimChild(args: readonly string[], options: { stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(tsx, [main, ...args], { cwd: root, env: env(), stdio: options.stdio ?? "ignore", detached: true });
}

/** `relocsim <args>` in this process: its exit code and what it printed. */
export async function relocsimHere(...args: string[]): Promise<CliResult> {
  let stdout = "", stderr = "";
  const out = process.stdout.write, err = process.stderr.write;
  process.stdout.write = ((c: string) => ((stdout += c), true)) as typeof out;
  process.stderr.write = ((c: string) => ((stderr += c), true)) as typeof err;
  try {
    return { code: await cli(args), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
