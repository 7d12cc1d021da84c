// Bootstrap for worker threads that run TypeScript source when no current dist/ is built
// (startWorker.ts): register tsx in this thread, then import the entry module named in
// workerData. (A .ts entry given to `new Worker` directly fails on Node 20 because the loader is
// registered after the entry is resolved.) Deno runs TypeScript itself, and tsx's register()
// there swallows the first messages to the worker.
import { workerData } from "node:worker_threads";

if (!("Deno" in globalThis)) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.__entry);
