import { workerData } from "node:worker_threads";
import type { Params } from "./params/types.js";
import { fromExpressionData, type ExpressionData } from "./params/expressionTable.js";
import { saveStreams, siteRange, stepSites } from "./kernel/siteRange.js";
import type { State } from "./kernel/state.js";
import { CTL_DONE, CTL_ERROR, CTL_REQUEST, SAVE_STREAMS, STOP, writeError } from "./kernel/workerProtocol.js";
import { PHASES, modelStep } from "./model/schedule.js";

/**
 * A worker thread that steps one range of sites of a simulation whose state lives in shared
 * memory. It receives the scenario's resolved start values and its time expressions' values
 * over the horizon (checked once, by the main thread: the thread loads no mathjs), owns the random streams of its
 * sites (continuing saved positions when the simulation resumes a checkpoint), and waits on a
 * shared control word for each step request (or a request to save the streams' positions). Like simulation.ts, it puts
 * the kernel and the model's schedule together.
 */
const d = workerData as {
  params: Params;
  expressions: ExpressionData[];
  seed: number;
  start: number;
  state: State;
  s0: number;
  s1: number;
  siteAcc: Float64Array;
  /** Per-site rows of the household and residence groups, or null when the run does not collect them. */
  memberAcc: Float64Array | null;
  hist: Float64Array;
  timings: Float64Array;
  /** Positions of every site's streams (this worker writes its sites' on SAVE_STREAMS). */
  streams: Float64Array;
  /** Continue the streams from `streams` rather than from their seeds. */
  restore: boolean;
  ctl: Int32Array;
  err: Uint8Array;
};

try {
  const expressions = d.expressions.map(fromExpressionData);
  const range = siteRange(PHASES, modelStep(d.params, expressions, d.start, d.state, d.siteAcc, d.hist, d.memberAcc), d.seed, d.s0, d.s1, d.timings, d.restore ? d.streams : undefined);
  let last = -1;
  for (;;) {
    Atomics.wait(d.ctl, CTL_REQUEST, last);
    const req = Atomics.load(d.ctl, CTL_REQUEST);
    if (req === STOP) break;
    // Two saves in a row never reach here twice (the request word is unchanged), nor need to: no step came between.
    if (req === SAVE_STREAMS) saveStreams(range, d.streams);
    else stepSites(range, req);
    last = req;
    Atomics.store(d.ctl, CTL_DONE, req);
    Atomics.notify(d.ctl, CTL_DONE);
  }
} catch (e) {
  writeError(d.err, (e as Error).stack ?? String(e));
  Atomics.store(d.ctl, CTL_ERROR, 1);
  Atomics.notify(d.ctl, CTL_DONE);
}
