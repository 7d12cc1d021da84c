import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import { snapshotSimulation, type Simulation } from "../simulation.js";
import { SITE_GROUPS, collectedGroups } from "../model/collect.js";
import { METRICS } from "../model/metricTable.js";
import { writeFailure } from "../results/writeFailure.js";
import { CHECKPOINT_FORMAT, frame, looksLikeCheckpoint, type CheckpointHeader } from "./checkpointFile.js";
import { stateColumns, stateShape } from "./stateColumns.js";
import { CORE_VERSION } from "./coreVersion.js";

export interface SaveCheckpointOptions {
  /** The file's name in errors (a CLI flag). @default "checkpoint" */
  field?: string;
  /** Months between checkpoints, recorded so a resumed run keeps writing them. */
  every?: number;
}

/**
 * Write the whole state of a simulation between steps (every column, the values collected so
 * far, its scenario and seed; random draws are keyed by step and entity, so there are no stream
 * positions to save) to `file`, atomically: a
 * temporary file next to it is written, flushed to disk and renamed over it, so `file` is
 * always the previous checkpoint or this one. Only a checkpoint is ever replaced.
 */
export function saveCheckpoint(sim: Simulation, file: string, options: SaveCheckpointOptions = {}): void {
  const field = options.field ?? "checkpoint";
  const path = resolve(file);
  checkCheckpointTarget(file, field);
  const snap = snapshotSimulation(sim);
  const columns = stateColumns(snap.state);
  const sc = sim.scenario;
  const chunks: ArrayBufferView[] = [...columns.map((c) => c.array), snap.values];
  const header: CheckpointHeader = {
    format: CHECKPOINT_FORMAT,
    relocsim: CORE_VERSION,
    scenario: { name: sc.name, title: sc.title, description: sc.description, paperSections: sc.paperSections, input: sc.input, hash: sc.hash },
    seed: snap.seed,
    replicate: snap.replicate,
    households: snap.households,
    horizon: { start: sim.params.horizon.start, months: sim.horizon },
    stepsDone: snap.stepsDone,
    ...(options.every === undefined ? {} : { every: options.every }),
    shape: stateShape(snap.state),
    columns: columns.map(({ name, type, length }) => ({ name, type, length })),
    // `reported` only when not the default, so a default run's checkpoint is what it always was.
    values: { groups: [...collectedGroups(snap.groups)], metrics: [...METRICS], length: snap.values.length, ...(snap.groups.join(",") === SITE_GROUPS.join(",") ? {} : { reported: [...snap.groups] }) },
    bodyBytes: chunks.reduce((n, c) => n + c.byteLength, 0),
  };
  const { head, hash } = frame(header);
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "w");
    writeAll(fd, head);
    for (const c of chunks) {
      const bytes = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
      hash.update(bytes);
      writeAll(fd, bytes);
    }
    writeAll(fd, hash.digest());
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    syncDirectory(dirname(path));
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw writeFailure(e, field, file, `writing ${tmp}`, "the previous checkpoint, if any, is left as it was") ?? e;
  }
}

/**
 * Refuse, before any work, a checkpoint location that holds something other than a
 * checkpoint: relocsim replaces only files it wrote.
 */
export function checkCheckpointTarget(file: string, field = "checkpoint"): void {
  const path = resolve(file);
  if (existsSync(path) && (statSync(path).isDirectory() || !looksLikeCheckpoint(path))) {
    throw new InputError(field, file, "a new file or a relocsim checkpoint", "relocsim replaces only files it wrote");
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Flush the rename itself to disk (where the platform allows opening a directory). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Not possible on some platforms (Windows): the rename is then as durable as the OS makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
