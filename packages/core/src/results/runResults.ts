import type { Simulation } from "../simulation.js";
import { RESULT_FILES, type ResultFiles } from "./resultFiles.js";
import { resultTables } from "./resultTables.js";
import { openResultsDir, type CommitOptions, type ResultsDir } from "./resultsDir.js";

/** What a run's results record beyond the simulation itself. */
export interface RunResultsInfo {
  /** relocsim's version, recorded in manifest.json. */
  version: string;
  /** Seconds the run took (in this invocation: after the checkpoint of `continuedFrom`). */
  seconds: number;
  /** The checkpoint a resumed run (`resume`) or a what-if branch (`from`) continued from. */
  continuedFrom?: ContinuedFrom;
}

export interface ContinuedFrom {
  how: "resume" | "from";
  /** The checkpoint file as given. */
  checkpoint: string;
  /** The scenario whose run wrote the checkpoint, and its hash. */
  scenario: string;
  scenarioHash: string;
  /** Steps the checkpoint had taken: the run continued from the next. */
  step: number;
}

/** The results directory of one finished run: metrics.csv, summary.json, manifest.json. */
export function runResultFiles(sim: Simulation, info: RunResultsInfo): ResultFiles {
  const s = sim.scenario;
  const rows = sim.results();
  const described = { name: s.name, title: s.title ?? s.name, description: s.description ?? "", paperSections: s.paperSections ?? [] };
  const manifest = {
    relocsim: info.version,
    command: "run",
    scenario: s.name,
    scenarioHash: s.hash,
    seed: sim.seed,
    replicates: 1,
    scale: sim.households,
    sites: sim.state.sites.count,
    horizon: { start: sim.params.horizon.start, months: sim.horizon },
    node: process.version,
    createdAt: new Date().toISOString(),
    ...(info.continuedFrom && {
      continuedFrom: info.continuedFrom,
      // seconds and timingsMs are this invocation's: the steps before the checkpoint ran earlier.
      timedSteps: { first: info.continuedFrom.step + 1, last: sim.horizon },
    }),
    seconds: Number(info.seconds.toFixed(3)),
    timingsMs: Object.fromEntries(Object.entries(sim.timings).map(([k, v]) => [k, Math.round(v)])),
  };
  const summary = {
    scenario: s.name,
    title: described.title,
    description: described.description,
    paperSections: described.paperSections,
    seed: sim.seed,
    scale: sim.households,
    horizon: rows.length ? rows[rows.length - 1]!.date : "start",
    outcomes: sim.summary(),
    scenarios: [described],
  };
  return {
    ...resultTables(rows),
    [RESULT_FILES.summary]: JSON.stringify(summary, null, 2) + "\n",
    [RESULT_FILES.manifest]: JSON.stringify(manifest, null, 2) + "\n",
  };
}

/** Writes a finished run's results to `dir` (a path, checked now, or a location opened before the run). */
export function writeRunResults(dir: string | ResultsDir, sim: Simulation, info: RunResultsInfo, options?: CommitOptions): Promise<string> {
  return (typeof dir === "string" ? openResultsDir(dir) : dir).commit(runResultFiles(sim, info), options);
}
