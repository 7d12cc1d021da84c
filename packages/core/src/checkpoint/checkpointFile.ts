import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { InputError } from "../errors.js";
import type { ColumnInfo, StateShape } from "./stateColumns.js";

/**
 * A checkpoint file: MAGIC, the header's length (uint32, little-endian), the header (JSON),
 * the body (the state's columns, the stream positions, the collected values, raw bytes in the
 * header's order), then the sha256 of everything before it, so any truncation or corruption
 * is found before a byte is used.
 */
export const MAGIC = Buffer.from("relocsim checkpoint\n");
/** Bumped whenever the layout or meaning of a checkpoint changes: older files are refused. */
export const CHECKPOINT_FORMAT = 1;
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
  streams: { names: string[]; length: number };
  values: { groups: string[]; metrics: string[]; length: number };
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

/** The framing of a checkpoint: its chunks, in order, with the header in front and the digest after. */
export function frame(header: CheckpointHeader): { head: Buffer; hash: ReturnType<typeof createHash> } {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const head = Buffer.concat([MAGIC, len, json]);
  return { head, hash: createHash("sha256").update(head) };
}

/**
 * Read and check a checkpoint file: a file that is not one, is cut short or does not match its
 * checksum is refused with an InputError naming what is wrong (`field` names the file's flag).
 */
export function readCheckpointFile(file: string, field: string): { header: CheckpointHeader; body: Buffer } {
  const refuse = (why: string): never => {
    throw new InputError(field, file, "a relocsim checkpoint", why);
  };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : `it cannot be read (${code ?? String(e)})`);
  }
  if (bytes.length === 0) refuse("it is empty");
  // A prefix of MAGIC is a checkpoint cut short; anything else is some other file.
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC.subarray(0, Math.min(MAGIC.length, bytes.length)))) refuse("it is not a relocsim checkpoint file");
  if (bytes.length < MAGIC.length + 4) refuse(`it is truncated (${bytes.length} bytes)`);
  const headerBytes = bytes.readUInt32LE(MAGIC.length);
  const bodyAt = MAGIC.length + 4 + headerBytes;
  if (bytes.length < bodyAt) refuse(`it is truncated (${bytes.length} bytes; the header alone is ${bodyAt})`);
  let header: CheckpointHeader;
  try {
    header = JSON.parse(bytes.toString("utf8", MAGIC.length + 4, bodyAt)) as CheckpointHeader;
  } catch {
    return refuse("it is corrupt (its header is not JSON)");
  }
  const total = bodyAt + header.bodyBytes + DIGEST;
  if (!Number.isSafeInteger(header.bodyBytes) || header.bodyBytes < 0) refuse("it is corrupt (its header gives no body length)");
  if (bytes.length < total) refuse(`it is truncated (${bytes.length} of ${total} bytes)`);
  if (bytes.length > total) refuse(`it is corrupt (${bytes.length - total} bytes more than its header says)`);
  const digest = createHash("sha256").update(bytes.subarray(0, total - DIGEST)).digest();
  if (!digest.equals(bytes.subarray(total - DIGEST))) refuse("it is corrupt (its sha256 checksum does not match)");
  if (header.format !== CHECKPOINT_FORMAT) refuse(`it has format ${JSON.stringify(header.format)}; this relocsim reads format ${CHECKPOINT_FORMAT}`);
  return { header, body: bytes.subarray(bodyAt, bodyAt + header.bodyBytes) };
}
