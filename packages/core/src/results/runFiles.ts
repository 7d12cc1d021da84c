import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import type { Plan } from "../experiment/plan.js";
import type { RunStore } from "../experiment/runStore.js";
import type { ReplicateValues } from "../experiment/runReplicate.js";
import type { Shard } from "../experiment/experimentTasks.js";
import { RESULT_FILES, RUNS_DIR } from "./resultFiles.js";
import type { ResultsDir } from "./resultsDir.js";
import { writeFailure } from "./writeFailure.js";

/** An experiment's runs kept as files in its results directory while it is under way. */
export interface RunFiles extends RunStore {
  /** Runs of the experiment. */
  readonly total: number;
  /** Runs already there when it was opened: an earlier, interrupted invocation of the same plan finished them. */
  readonly resumed: number;
  /** Why the runs found there were deleted (they were of another plan), if they were. */
  readonly discarded?: string;
  /** Records in manifest.json (unless it is earlier complete results') that the results are partial: `done` runs finished. */
  markPartial(done: number): void;
  /**
   * Records in manifest.json that the directory holds one shard of the experiment (its part,
   * the tasks it ran, and `origin`: what `relocsim merge` needs to plan it again), for merge.
   */
  markShard(shard: Shard, tasks: readonly number[], origin: Record<string, unknown>): void;
}

export interface RunFilesInfo {
  /** relocsim's version: runs of another version are not reused. */
  version: string;
  /** The command writing the results (manifest.json's `command`). */
  command: string;
  /** Name of the location in errors. @default "results directory" */
  field?: string;
}

/**
 * The run store of an experiment in `<results>/runs/`: one file per finished run (its values
 * as float64, then its sites), written whole and renamed into place, so a run is either
 * there complete or not at all, however the process ends. `runs/plan.json` says which plan
 * (scenario hashes, seed, replications, scale, kept outcomes, version) the runs belong to:
 * opened again for the same plan, the runs are reused; for another, they are deleted and the
 * experiment starts afresh. Until the results are complete, a manifest.json with
 * `"partial": true` marks the directory as relocsim's, so the next invocation may use it; the
 * results' commit then replaces the whole directory, runs and all.
 */
export function openRunFiles(dir: ResultsDir, plan: Plan, info: RunFilesInfo): RunFiles {
  const runs = join(dir.path, RUNS_DIR);
  const planFile = join(runs, "plan.json");
  const manifestFile = join(dir.path, RESULT_FILES.manifest);
  const total = plan.scenarios.length * plan.replications;
  const cells = runCells(plan);
  const bytes = (cells + 1) * 8;
  const described = describePlan(plan, info);
  const fail = (e: unknown, doing: string): never => {
    throw writeFailure(e, info.field ?? "results directory", dir.path, doing) ?? e;
  };

  let discarded: string | undefined;
  const stored = new Set<number>();
  // Only a directory of its own: through a link, the clean-up below would reach other files.
  const kind = lstatOrUndefined(runs);
  if (kind && (kind.isSymbolicLink() || !kind.isDirectory())) {
    throw new InputError(info.field ?? "results directory", dir.path, "results written by relocsim", `its ${RUNS_DIR} is ${kind.isSymbolicLink() ? "a symbolic link" : "a file"}, which relocsim did not make`);
  }
  try {
    if (!existsSync(dir.path)) mkdirSync(dir.path);
    const earlier = readPlan(planFile);
    if (earlier) {
      const differ = Object.keys(described).filter((k) => JSON.stringify(earlier[k]) !== JSON.stringify(described[k as keyof typeof described]));
      if (differ.length) {
        const found = readdirSync(runs).filter((f) => RUN_FILE.test(f)).length;
        discarded = `the ${found} runs in ${runs} were of another plan (${differ.join(", ")} differ${differ.length === 1 ? "s" : ""}): deleted, starting afresh`;
        rmSync(runs, { recursive: true, force: true });
      }
    } else if (existsSync(runs)) {
      rmSync(runs, { recursive: true, force: true });
    }
    mkdirSync(runs, { recursive: true });
    for (const f of readdirSync(runs)) {
      const m = RUN_FILE.exec(f);
      const index = m ? Number(m[1]) : -1;
      // What a killed process was writing is never a run: it had not been renamed yet.
      if (index >= 0 && index < total && statSync(join(runs, f)).size === bytes) stored.add(index);
      else if (m || f.endsWith(".tmp")) rmSync(join(runs, f), { force: true });
    }
    writeFileSync(planFile, JSON.stringify(described, null, 2) + "\n");
  } catch (e) {
    fail(e, `preparing ${runs}`);
  }
  const resumed = stored.size;

  const markPartial = (done: number) => {
    // Complete results stay marked complete until replaced; a shard's mark is redone when it ends.
    const earlier = existsSync(manifestFile) ? readPlan(manifestFile) : undefined;
    if (earlier && earlier.partial !== true && earlier.shard === undefined) return;
    writeManifest({ relocsim: info.version, command: info.command, partial: true, runsDone: done, runs: total, note: "an experiment under way or interrupted: the same command run again continues it", plan: described });
  };
  const writeManifest = (manifest: Record<string, unknown>) => {
    try {
      writeAtomically(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
    } catch (e) {
      fail(e, `writing ${manifestFile}`);
    }
  };
  markPartial(resumed);

  const file = (index: number) => join(runs, `${index}.f64`);
  const readRange = (index: number, from: number, to: number): Float64Array => {
    const out = new Float64Array(to - from);
    const fd = openSync(file(index), "r");
    try {
      const want = out.byteLength;
      let got = 0;
      while (got < want) {
        const n = readSync(fd, new Uint8Array(out.buffer, got, want - got), 0, want - got, from * 8 + got);
        if (n === 0) throw new Error(`run file ${file(index)} is shorter than a run (${bytes} bytes)`);
        got += n;
      }
    } finally {
      closeSync(fd);
    }
    return out;
  };
  return {
    total,
    resumed,
    ...(discarded !== undefined && { discarded }),
    markPartial,
    markShard(shard, tasks, origin) {
      const note = `shard ${shard.part}/${shard.of} of an experiment: put together with relocsim merge <every shard's directory>`;
      writeManifest({ relocsim: info.version, command: info.command, shard, tasks: [...tasks], runs: total, note, ...origin, plan: described });
    },
    has: (index) => stored.has(index),
    save(index, run) {
      if (run.values.length !== cells) throw new RangeError(`run ${index} has ${run.values.length} values; the plan keeps ${cells}`);
      const data = new Float64Array(cells + 1);
      data.set(run.values);
      data[cells] = run.sites;
      try {
        writeAtomically(file(index), data);
      } catch (e) {
        fail(e, `writing ${file(index)}`);
      }
      stored.add(index);
    },
    read: (index, from = 0, to = cells) => readRange(index, from, to),
    sites: (index) => readRange(index, cells, cells + 1)[0]!,
  };
}

/**
 * What the runs of a plan depend on (runs/plan.json, and a shard's manifest): runs are reused,
 * or shards merged, only when this is the same.
 */
export function describePlan(plan: Plan, info: Pick<RunFilesInfo, "version" | "command">): Record<string, unknown> {
  return {
    relocsim: info.version,
    command: info.command,
    scenarios: plan.scenarios.map((s) => ({ name: s.name, hash: s.hash })),
    seed: plan.seed,
    replications: plan.replications,
    scale: plan.households,
    steps: plan.selection.steps,
    groups: plan.selection.groups,
    metrics: plan.selection.metrics,
  };
}

/**
 * The output of task `index` as stored in the results directory `dir` by openRunFiles (a
 * shard's, for merge). A file missing or of the wrong size is an InputError naming it.
 */
export function readRunFile(dir: string, index: number, plan: Plan, field = "results directory"): ReplicateValues {
  const path = join(dir, RUNS_DIR, `${index}.f64`);
  const cells = runCells(plan);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    throw new InputError(field, dir, `the run of task ${index} in ${path}`, "it is not there");
  }
  if (data.byteLength !== (cells + 1) * 8) throw new InputError(field, dir, `a run of ${(cells + 1) * 8} bytes in ${path}`, `it has ${data.byteLength}`);
  const all = new Float64Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return { values: all.subarray(0, cells), sites: all[cells]! };
}

/** Values kept per run: kept steps × groups × metrics. */
function runCells(plan: Plan): number {
  return plan.selection.steps.length * plan.selection.groups.length * plan.selection.metrics.length;
}

const RUN_FILE = /^(\d+)\.f64$/;

function writeAtomically(path: string, content: string | Float64Array): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function readPlan(file: string): Record<string, unknown> | undefined {
  try {
    const p = JSON.parse(readFileSync(file, "utf8"));
    return p !== null && typeof p === "object" && !Array.isArray(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

