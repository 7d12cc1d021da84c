import { workerData } from "node:worker_threads";
import type { Params } from "./params/types.js";
import { fromExpressionData, type ExpressionData } from "./params/expressionTable.js";
import { siteRange, stepSites } from "./kernel/siteRange.js";
import type { State } from "./kernel/state.js";
import { CTL_DONE, CTL_ERROR, CTL_REQUEST, STOP, writeError } from "./kernel/workerProtocol.js";
import { PHASES, modelStep } from "./model/schedule.js";
import type { BirthIndex } from "./kernel/birthIndex.js";

/**
 * A worker thread that steps one range of sites of a simulation whose state lives in shared
 * memory. It receives the scenario's resolved start values and its time expressions' values
 * over the horizon (checked once, by the main thread: the thread loads no mathjs), keeps its own
 * keyed random sources (their draws depend on the seed, step and entity alone, so a resumed run
 * needs nothing more), and waits on a shared control word for each step request. Like simulation.ts, it puts
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
  births: BirthIndex;
  hist: Float64Array;
  timings: Float64Array;
  ctl: Int32Array;
  err: Uint8Array;
};

try {
  const expressions = d.expressions.map(fromExpressionData);
  const range = siteRange(PHASES, modelStep(d.params, expressions, d.start, d.state, d.siteAcc, d.hist, d.memberAcc, d.births), d.seed, d.s0, d.s1, d.timings);
  let last = -1;
  for (;;) {
    Atomics.wait(d.ctl, CTL_REQUEST, last);
    const req = Atomics.load(d.ctl, CTL_REQUEST);
    if (req === STOP) break;
    stepSites(range, req);
    last = req;
    Atomics.store(d.ctl, CTL_DONE, req);
    Atomics.notify(d.ctl, CTL_DONE);
  }
} catch (e) {
  writeError(d.err, (e as Error).stack ?? String(e));
  Atomics.store(d.ctl, CTL_ERROR, 1);
  Atomics.notify(d.ctl, CTL_DONE);
}
