import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = fileURLToPath(new URL("./piece.ts", import.meta.url));
let counter = 0;

export interface ChildResult<T> {
  result: T;
  /** Peak RSS of the child process (VmHWM), bytes. */
  processPeakRssBytes: number;
  /** Time inside the child's piece, and the child's whole life (includes starting Node and tsx). */
  processMs: number;
  spawnWallMs: number;
}

/** Run one bench piece in a child Node process (with tsx) and return what it wrote. */
export async function inChild<T>(piece: string, options: unknown, nodeFlags: string[] = []): Promise<ChildResult<T>> {
  const out = join(tmpdir(), `relocsim-bench-${process.pid}-${counter++}.json`);
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", ENTRY, piece, JSON.stringify(options), out], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (c, signal) => resolve(signal ? 128 : c));
  });
  const spawnWallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`bench piece '${piece}' failed (exit ${code})`);
  try {
    const parsed = JSON.parse(readFileSync(out, "utf8")) as Omit<ChildResult<T>, "spawnWallMs">;
    return { ...parsed, spawnWallMs };
  } finally {
    rmSync(out, { force: true });
  }
}
