import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// This module runs either compiled (dist/kernel/startWorker.js) or from source
// (src/kernel/startWorker.ts, under tsx, vitest or Deno).
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const HERE = new URL("../", import.meta.url);
const DIST = new URL("../../dist/", import.meta.url);

/**
 * Start a worker thread on a module of this package, named as its compiled file beside the
 * caller: `startWorker(new URL("./kernel/stepWorker.js", import.meta.url), data)`.
 *
 * Compiled, the worker loads that JavaScript directly. From source, it loads the package's
 * compiled dist/ when dist was built from the current sources (plain Node starts it in about a
 * tenth of the time tsx takes: tsx's loader hooks run every import of the worker, mathjs's
 * hundreds of modules included, through another thread); otherwise it registers tsx in the
 * thread and loads the TypeScript (Deno runs the TypeScript itself).
 */
export function startWorker(entry: URL, workerData: Record<string, unknown>): Worker {
  const w = FROM_SOURCE ? startFromSource(entry, workerData) : new Worker(entry, { workerData });
  w.unref();
  return w;
}

function startFromSource(entry: URL, workerData: Record<string, unknown>): Worker {
  const file = entry.href.slice(HERE.href.length);
  if (!("Deno" in globalThis) && distIsCurrent()) return new Worker(new URL(file, DIST), { workerData });
  // Node 20 cannot start a .ts entry directly: tsWorker.mjs registers tsx in the thread first.
  const source = new URL(file.replace(/\.js$/, ".ts"), HERE);
  return new Worker(new URL("./tsWorker.mjs", import.meta.url), { workerData: { ...workerData, __entry: source.href } });
}

let current: boolean | undefined;

/** Whether every source file has a compiled file at least as new (tsc -b rewrites what changed). */
function distIsCurrent(): boolean {
  if (current !== undefined) return current;
  const src = fileURLToPath(HERE);
  const dist = fileURLToPath(DIST);
  const newer = (a: string, b: string) => {
    try {
      return statSync(a).mtimeMs <= statSync(b).mtimeMs;
    } catch {
      return false;
    }
  };
  current = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .every((f) => newer(src + f, dist + f.replace(/\.ts$/, ".js")));
  return current;
}
