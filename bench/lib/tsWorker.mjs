// Bootstrap of a worker thread that runs a TypeScript module: register tsx in this thread, then
// import the entry named in workerData.__entry. Node 20 cannot start a .ts entry directly:
// `new Worker(url, { execArgv: ["--import", "tsx"] })` fails with "Unknown file extension .ts"
// (checked on Node 20.20), because the loader is registered after the entry is resolved.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.__entry);
