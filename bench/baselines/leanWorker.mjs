// A worker thread of the lean reference loop (leanLoop.mjs): steps its range of sites of the
// shared state on each message and answers with the draws' sum.
import { parentPort, workerData } from "node:worker_threads";
import { leanRange, leanStep } from "./leanLoop.mjs";

const range = leanRange(workerData.state, workerData.seed, workerData.s0, workerData.s1);
parentPort.on("message", ({ step, drawsPerHousehold }) => parentPort.postMessage(leanStep(range, step, drawsPerHousehold)));
parentPort.postMessage("ready");
