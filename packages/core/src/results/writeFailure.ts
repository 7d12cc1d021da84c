import { InputError } from "../errors.js";

// File-system errors that are about the place written to, not about relocsim.
const PROBLEMS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EFBIG: "file too large for the file system",
  EIO: "input/output error",
  ENOENT: "the file system does not allow creating it",
  ENOTDIR: "a part of the path is a file, not a directory",
  EEXIST: "something else is in the way",
};

/**
 * A failed write to a results location as the user's error (`invalid --out: … (expected a
 * location relocsim can write: …)`), or undefined for errors that are relocsim's own.
 */
export function writeFailure(e: unknown, field: string, value: string, doing: string, hint?: string): InputError | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const problem = code ? PROBLEMS[code] : undefined;
  if (!problem) return undefined;
  return new InputError(field, value, `a location relocsim can write: ${doing} failed, ${problem} (${code})`, hint);
}
