import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors.js";
import type { ColumnInfo, StateShape } from "./stateColumns.js";

/**
 * A checkpoint file: MAGIC, the header's length (uint32, little-endian), the header (JSON),
 * the body (the state's columns and the collected values, raw bytes in the header's order), then the sha256 of everything before it, so any truncation or corruption
 * is found before a byte is used.
 */
export const MAGIC = Buffer.from("relocsim checkpoint\n");
/**
 * Bumped whenever the layout or meaning of a checkpoint changes: older files are refused.
 * 2: random draws keyed by entity, so no stream positions (format 1 saved them), and a
 * person key column (persons.key).
 * 3: a person's tenure is derived from when they entered their state (persons.tenureFrom, in
 * place of the month-by-month count persons.tenure).
 */
export const CHECKPOINT_FORMAT = 3;
/** Why a file of an older format cannot be continued, by format. */
const OLDER: Record<number, string> = {
  1: "it was written before random draws were keyed by entity (format 1 saved stream positions) and cannot continue identically: run the scenario again from the start",
  2: "it was written before tenure was kept as the month a person entered their state (format 2 counted it in persons.tenure): run the scenario again from the start",
};
const DIGEST = 32;

export interface CheckpointHeader {
  format: number;
  /** Version of @relocsim/core that wrote it: a resumed run is identical only under the same model. */
  relocsim: string;
  /** The scenario as written (resolved again on resume), and its hash. */
  scenario: { name: string; title: string; description: string; paperSections: string[]; input: unknown; hash: string };
  seed: number;
  replicate: number;
  households: number;
  horizon: { start: string; months: number };
  stepsDone: number;
  /** Months between checkpoints of the run that wrote it (a resumed run keeps writing them). */
  every?: number;
  shape: StateShape;
  columns: ColumnInfo[];
  /** The values' layout (collected groups × metrics per step); `reported`: the groups the run reports, when not the site groups. */
  values: { groups: string[]; metrics: string[]; length: number; reported?: string[] };
  bodyBytes: number;
}

/** Does this file start like a checkpoint (a file relocsim may replace)? */
export function looksLikeCheckpoint(file: string): boolean {
  const start = Buffer.alloc(MAGIC.length);
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    return readSync(fd, start, 0, MAGIC.length, 0) === MAGIC.length && start.equals(MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The start of a checkpoint (MAGIC, header length, header) and the hash to feed the body to; its digest ends the file. */
export function frame(header: CheckpointHeader): { head: Buffer; hash: ReturnType<typeof createHash> } {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const head = Buffer.concat([MAGIC, len, json]);
  return { head, hash: createHash("sha256").update(head) };
}

const CHUNK = 1 << 22;

/**
 * Open and check a checkpoint file: a file that is not one, is cut short or does not match its
 * checksum is refused with an InputError naming what is wrong (`field` names the file's flag).
 * The whole file is hashed first, in chunks (a national checkpoint is about a gigabyte: it is
 * never held twice in memory), so nothing of a damaged file is ever used. Then `targetsFor`
 * (which may refuse the header) names the arrays the body is read into, in order; their
 * lengths must add up to the body's. Returns the header.
 */
export function readCheckpointFile(file: string, field: string, targetsFor: (header: CheckpointHeader) => readonly Uint8Array[]): CheckpointHeader {
  const refuse = (why: string): never => {
    throw new InputError(field, file, "a relocsim checkpoint", why);
  };
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, "r");
    size = fstatSync(fd).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : `it cannot be read (${code ?? String(e)})`);
  }
  try {
    if (fstatSync(fd).isDirectory()) refuse("it is a directory");
    const read = (at: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      let n = 0;
      while (n < length) {
        const got = readSync(fd, buf, n, length - n, at + n);
        if (got === 0) break;
        n += got;
      }
      return buf.subarray(0, n);
    };
    if (size === 0) refuse("it is empty");
    const start = read(0, MAGIC.length + 4);
    // A prefix of MAGIC is a checkpoint cut short; anything else is some other file.
    if (!start.subarray(0, MAGIC.length).equals(MAGIC.subarray(0, Math.min(MAGIC.length, start.length)))) refuse("it is not a relocsim checkpoint file");
    if (size < MAGIC.length + 4) refuse(`it is truncated (${size} bytes)`);
    const headerBytes = start.readUInt32LE(MAGIC.length);
    const bodyAt = MAGIC.length + 4 + headerBytes;
    if (size < bodyAt) refuse(`it is truncated (${size} bytes; the header alone is ${bodyAt})`);
    let header: CheckpointHeader;
    try {
      header = JSON.parse(read(MAGIC.length + 4, headerBytes).toString("utf8")) as CheckpointHeader;
    } catch {
      return refuse("it is corrupt (its header is not JSON)");
    }
    if (!Number.isSafeInteger(header.bodyBytes) || header.bodyBytes < 0) refuse("it is corrupt (its header gives no body length)");
    const total = bodyAt + header.bodyBytes + DIGEST;
    if (size < total) refuse(`it is truncated (${size} of ${total} bytes)`);
    if (size > total) refuse(`it is corrupt (${size - total} bytes more than its header says)`);
    const hash = createHash("sha256");
    for (let at = 0; at < total - DIGEST; at += CHUNK) hash.update(read(at, Math.min(CHUNK, total - DIGEST - at)));
    if (!hash.digest().equals(read(total - DIGEST, DIGEST))) refuse("it is corrupt (its sha256 checksum does not match)");
    if (header.format !== CHECKPOINT_FORMAT) refuse(`it has format ${JSON.stringify(header.format)}; this relocsim reads format ${CHECKPOINT_FORMAT}${typeof header.format === "number" && OLDER[header.format] ? `: ${OLDER[header.format]}` : ""}`);
    const targets = targetsFor(header);
    if (targets.reduce((n, t) => n + t.length, 0) !== header.bodyBytes) refuse("its body length does not match its columns");
    let at = bodyAt;
    for (const t of targets) {
      for (let n = 0; n < t.length; ) {
        const got = readSync(fd, t, n, Math.min(CHUNK, t.length - n), at + n);
        if (got === 0) refuse("it was cut short while being read");
        n += got;
      }
      at += t.length;
    }
    return header;
  } finally {
    closeSync(fd);
  }
}
