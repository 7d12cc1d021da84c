import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createSimulation } from "../../packages/core/src/index.ts";
import { benchScenario } from "../lib/scenario.ts";
import { stateBytes } from "../lib/stateBytes.ts";
import { median } from "../lib/stats.ts";

export interface BandwidthOptions {
  /** Bytes of state the engine's step touches, its mean step time and threads (from the national run). */
  bytes?: number;
  engineStepMs?: number;
  engineThreads?: number;
  /** Without them: build a simulation of this many households and time a few steps here. */
  households?: number;
  measureSteps?: number;
  repeats?: number;
}

export interface StreamFigure {
  threads: number;
  /** Median milliseconds of one pass over all the bytes (split evenly between the threads). */
  ms: number;
  /** Memory traffic of the pass (read + write), bytes per second. */
  trafficBytesPerSecond: number;
  /** State bytes per second (bytes ÷ pass time), the engine's unit. */
  stateBytesPerSecond: number;
}

export interface BandwidthResult {
  bytes: number;
  engineStepMs: number;
  engineThreads: number;
  source: "national run" | "measured here";
  engineStateBytesPerSecond: number;
  /** Native copy into another buffer (TypedArray.prototype.set, i.e. memcpy): the machine's bandwidth. */
  copy: StreamFigure[];
  /** A JavaScript loop reading and writing every element in place: what JS code streams. */
  jsLoop: StreamFigure[];
  /** The machine's streaming bandwidth: the fastest copy (over thread counts). */
  machineStateBytesPerSecond: number;
  /** engine ÷ machine: the fraction of this machine's memory bandwidth the step achieves. */
  fraction: number;
  /** engine ÷ the JavaScript loop with as many threads as the engine used. */
  fractionOfJsLoop: number;
}

// Plain JavaScript (no TypeScript loader needed in the stream threads).
const STREAM_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { src, dst, lo, hi } = workerData;
const a = new Float64Array(src, lo * 8, hi - lo);
const b = new Float64Array(dst, lo * 8, hi - lo);
parentPort.on("message", (m) => {
  if (m === "copy") b.set(a);
  else if (m === "loop") { for (let i = 0; i < a.length; i++) a[i] = a[i] * 0.5 + 1; }
  parentPort.postMessage(m);
});
`;

/**
 * The limit: a step can be no faster than one streaming pass over the memory it touches (each
 * byte read once and, at most, written once). Passes over as many bytes as the engine state's
 * typed arrays, split between 1 and nproc threads over shared memory.
 */
export async function runBandwidth(o: BandwidthOptions): Promise<BandwidthResult> {
  let bytes = o.bytes;
  let engineStepMs = o.engineStepMs;
  const engineThreads = o.engineThreads ?? 1;
  let source: BandwidthResult["source"] = "national run";
  if (bytes === undefined || engineStepMs === undefined) {
    source = "measured here";
    const { scenario } = benchScenario("historical");
    const sim = createSimulation(scenario, { seed: 1, scale: o.households ?? 2_660_000 });
    bytes = stateBytes(sim.state).total;
    const n = Math.min(o.measureSteps ?? 6, sim.horizon);
    const t0 = performance.now();
    for (let k = 0; k < n; k++) sim.step();
    engineStepMs = (performance.now() - t0) / n;
    (sim as { close?: () => void }).close?.();
  }
  const n = Math.max(1, Math.floor(bytes / 8));
  const src = new SharedArrayBuffer(n * 8);
  const dst = new SharedArrayBuffer(n * 8);
  new Float64Array(src).fill(1);
  new Float64Array(dst).fill(0);
  const repeats = o.repeats ?? 5;
  const counts = [...new Set([1, availableParallelism()])];
  const copy: StreamFigure[] = [];
  const jsLoop: StreamFigure[] = [];
  for (const threads of counts) {
    const workers = Array.from({ length: threads }, (_, k) => new Worker(STREAM_WORKER, { eval: true, workerData: { src, dst, lo: Math.floor((n * k) / threads), hi: Math.floor((n * (k + 1)) / threads) } }));
    const pass = async (kind: "copy" | "loop") => {
      const t0 = performance.now();
      await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
        w.once("message", () => resolve());
        w.postMessage(kind);
      })));
      return performance.now() - t0;
    };
    const times = { copy: [] as number[], loop: [] as number[] };
    for (let r = 0; r <= repeats; r++) {
      const c = await pass("copy");
      const l = await pass("loop");
      // The first round warms the JIT and faults the pages in.
      if (r > 0) {
        times.copy.push(c);
        times.loop.push(l);
      }
    }
    await Promise.all(workers.map((w) => w.terminate()));
    const figure = (ms: number): StreamFigure => ({ threads, ms, trafficBytesPerSecond: (2 * n * 8) / (ms / 1000), stateBytesPerSecond: (n * 8) / (ms / 1000) });
    copy.push(figure(median(times.copy)));
    jsLoop.push(figure(median(times.loop)));
  }
  const engineStateBytesPerSecond = (n * 8) / (engineStepMs / 1000);
  const machineStateBytesPerSecond = Math.max(...copy.map((c) => c.stateBytesPerSecond));
  const loopLikeEngine = jsLoop.find((l) => l.threads === engineThreads) ?? jsLoop.at(-1)!;
  return {
    bytes: n * 8,
    engineStepMs,
    engineThreads,
    source,
    engineStateBytesPerSecond,
    copy,
    jsLoop,
    machineStateBytesPerSecond,
    fraction: engineStateBytesPerSecond / machineStateBytesPerSecond,
    fractionOfJsLoop: engineStateBytesPerSecond / loopLikeEngine.stateBytesPerSecond,
  };
}
