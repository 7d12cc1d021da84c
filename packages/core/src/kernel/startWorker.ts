import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** Where this package runs from: this module is dist/kernel/startWorker.js or src/kernel/startWorker.ts. */
const PACKAGE = { src: new URL("../../src/", import.meta.url), dist: new URL("../../dist/", import.meta.url) };

/**
 * Start a worker thread on a module of this package, named as its compiled file beside the
 * caller: `startWorker(new URL("./kernel/stepWorker.js", import.meta.url), data)`. It starts on
 * the JavaScript that workerFile picks, or, given TypeScript, through tsWorker.mjs.
 */
export function startWorker(entry: URL, workerData: Record<string, unknown>): Worker {
  const file = workerFile(entry);
  const w = file.pathname.endsWith(".ts")
    ? new Worker(new URL("./tsWorker.mjs", import.meta.url), { workerData: { ...workerData, __entry: file.href } })
    : new Worker(file, { workerData });
  w.unref();
  return w;
}

/**
 * The module a worker for `entry` loads. Compiled, the entry itself. From source (tsx, vitest),
 * the compiled file in dist/ when dist was built from the current sources: plain Node starts a
 * worker there in a fraction of the time tsx takes, since tsx's loader hooks pass every import
 * of the thread through another thread. Otherwise, and under Deno (which runs TypeScript
 * itself), the TypeScript source.
 */
export function workerFile(entry: URL, dirs: { src: URL; dist: URL } = PACKAGE): URL {
  if (!entry.href.startsWith(dirs.src.href)) return entry;
  const file = entry.href.slice(dirs.src.href.length);
  if (!("Deno" in globalThis) && builtFromCurrentSources(dirs)) return new URL(file, dirs.dist);
  return new URL(file.replace(/\.js$/, ".ts"), dirs.src);
}

const checked = new Map<string, boolean>();

/**
 * tsc -b's own test: every source file is older than the build info written by the last build.
 * (Per-file output times would not do: tsc -b leaves outputs whose content did not change.)
 */
function builtFromCurrentSources(dirs: { src: URL; dist: URL }): boolean {
  let current = checked.get(dirs.dist.href);
  if (current === undefined) {
    const src = fileURLToPath(dirs.src);
    const mtime = (path: string) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    const built = mtime(fileURLToPath(new URL("tsconfig.tsbuildinfo", dirs.dist)));
    current = built !== undefined && readdirSync(src, { recursive: true, encoding: "utf8" }).every((f) => mtime(src + f)! <= built);
    checked.set(dirs.dist.href, current);
  }
  return current;
}
