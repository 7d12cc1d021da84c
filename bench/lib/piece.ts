import { writeFileSync } from "node:fs";
import { runNational } from "../pieces/national.ts";
import { runDraws } from "../pieces/draws.ts";
import { runReplicationExperiment, runReplications } from "../pieces/replications.ts";
import { runCoreLoop } from "../pieces/coreLoop.ts";
import { runHeap } from "../pieces/heap.ts";
import { runBandwidth } from "../pieces/bandwidth.ts";
import { runStreaming } from "../pieces/streaming.ts";
import { peakRss } from "./machine.ts";

/**
 * Child-process entry: `node --import tsx bench/lib/piece.ts <piece> <options JSON> <out file>`.
 * Each piece runs in a process of its own, so its peak memory, heap and JIT state are its own.
 */
const PIECES: Record<string, (options: never, log: (s: string) => void) => unknown> = {
  national: runNational,
  draws: runDraws,
  replications: runReplications,
  // One experiment of the replications piece, in a process of its own.
  experiment: runReplicationExperiment,
  core: runCoreLoop,
  heap: runHeap,
  bandwidth: runBandwidth,
  streaming: runStreaming,
};

const [name, json, out] = process.argv.slice(2);
const run = PIECES[name ?? ""];
if (!run || json === undefined || out === undefined) {
  console.error(`usage: piece.ts <${Object.keys(PIECES).join("|")}> <options JSON> <out file>`);
  process.exit(2);
}
const log = (s: string) => process.stderr.write(s + "\n");
const t0 = performance.now();
const result = await run(JSON.parse(json) as never, log);
writeFileSync(out, JSON.stringify({ result, processPeakRssBytes: peakRss(), processMs: performance.now() - t0 }));
