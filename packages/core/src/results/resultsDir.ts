import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import { RESULT_ENTRIES, RESULT_FILES, type ResultFiles } from "./resultFiles.js";
import { writeFailure } from "./writeFailure.js";

/** A results location checked before any work, written in one piece afterwards. */
export interface ResultsDir {
  /** Absolute path of the directory. */
  readonly path: string;
  /**
   * Writes the files into a temporary sibling directory, lets `beforeCommit` add derived
   * outputs there (the report), then swaps it into place by renames only: the old results
   * are moved aside, the new moved in, the old removed. Returns the path.
   */
  commit(files: ResultFiles, options?: CommitOptions): Promise<string>;
}

export interface CommitOptions {
  /** Adds files to the temporary directory before it is swapped into place. */
  beforeCommit?: (tmpDir: string) => Promise<unknown>;
  /** Called after each rename of the swap ("aside": old results moved aside; "in": new results in place). For tests of interrupted swaps. */
  onSwap?: (stage: "aside" | "in") => void;
}

export interface OpenOptions {
  /** Name of the location in errors. @default "results directory" */
  field?: string;
  /** Files that must survive (the input of the run): a location holding one is refused. */
  keep?: readonly string[];
}

/**
 * Checks a results location before any work is done: it may be absent, an empty directory,
 * or a directory relocsim wrote itself (its manifest.json says so, and it holds nothing
 * relocsim does not write); anything else is refused with an InputError, as is a location
 * that cannot be written. Leftovers of an interrupted earlier swap are put right first.
 */
export function openResultsDir(dir: string, options: OpenOptions = {}): ResultsDir {
  const field = options.field ?? "results directory";
  const path = resolve(dir);
  const parent = dirname(path);
  const fail = (e: unknown, doing: string, hint?: string): never => {
    throw writeFailure(e, field, dir, doing, hint) ?? e;
  };
  const intact = "earlier results there are left as they were";
  recoverInterrupted(path);
  checkReplaceable(path, dir, field, options.keep ?? []);
  try {
    makeDirectories(parent);
  } catch (e) {
    fail(e, `making ${parent}`);
  }
  // Writing is tried now, not after the runs: a temporary directory with a file in it.
  const tmp = join(parent, `.${basename(path)}.tmp-${process.pid}`);
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    writeFileSync(join(tmp, ".write-check"), "relocsim\n");
  } catch (e) {
    fail(e, `writing in ${parent}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  return {
    path,
    async commit(files, { beforeCommit, onSwap } = {}) {
      let doing = `making ${tmp}`;
      try {
        rmSync(tmp, { recursive: true, force: true });
        mkdirSync(tmp);
        for (const [name, content] of Object.entries(files)) {
          doing = `writing ${name}`;
          mkdirSync(dirname(join(tmp, name)), { recursive: true });
          if (typeof content === "function") await content(join(tmp, name));
          else writeFileSync(join(tmp, name), content);
        }
        doing = "writing the report";
        if (beforeCommit) await beforeCommit(tmp);
      } catch (e) {
        rmSync(tmp, { recursive: true, force: true });
        fail(e, doing, intact);
      }
      // The swap: renames only, so at every moment one complete result exists (a kill
      // between the two renames leaves the old one aside; the next open puts it back).
      try {
        checkReplaceable(path, dir, field, options.keep ?? []);
      } catch (e) {
        rmSync(tmp, { recursive: true, force: true });
        throw e;
      }
      const aside = join(parent, `.${basename(path)}.old-${process.pid}`);
      const had = existsSync(path);
      try {
        if (had) renameSync(path, aside);
        onSwap?.("aside");
        renameSync(tmp, path);
        onSwap?.("in");
      } catch (e) {
        if (had && !existsSync(path) && existsSync(aside)) renameSync(aside, path);
        rmSync(tmp, { recursive: true, force: true });
        fail(e, `moving the results into ${path}`, intact);
      }
      if (had) rmSync(aside, { recursive: true, force: true });
      return path;
    },
  };
}

/** True if `dir` holds a manifest.json written by relocsim run or compare. */
export function isResultsDir(dir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(join(dir, RESULT_FILES.manifest), "utf8"));
    return m !== null && typeof m === "object" && typeof m.relocsim === "string" && typeof m.command === "string";
  } catch {
    return false;
  }
}

function checkReplaceable(path: string, dir: string, field: string, keep: readonly string[]): void {
  const kept = keep.map((f) => resolve(f)).find((f) => f === path || f.startsWith(path + sep));
  if (kept) throw new InputError(field, dir, "a results directory apart from the input", `${kept} is inside it and would be deleted`);
  let stat;
  try {
    stat = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw writeFailure(e, field, dir, `reading ${path}`) ?? e;
  }
  const refuse = (what: string) => new InputError(field, dir, "a new or empty directory, or results written by relocsim", `${what}; relocsim replaces only a directory it wrote itself`);
  if (stat.isSymbolicLink()) throw refuse("it is a symbolic link");
  if (!stat.isDirectory()) throw refuse("it is a file");
  const entries = readdirSync(path);
  if (entries.length === 0) return;
  if (!isResultsDir(path)) throw refuse(`it holds ${listed(entries)} and no relocsim manifest.json`);
  const foreign = entries.filter((e) => !RESULT_ENTRIES.includes(e));
  if (foreign.length) throw refuse(`it holds ${listed(foreign)}, which relocsim did not write`);
}

function listed(names: string[]): string {
  const shown = names.slice().sort().slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/**
 * mkdir -p made of single mkdirs: Node's recursive mkdir never returns on file systems that
 * refuse new entries with ENOENT (/proc).
 */
function makeDirectories(dir: string): void {
  if (existsSync(dir)) return;
  makeDirectories(dirname(dir));
  mkdirSync(dir);
}

/**
 * Puts right what a killed process left beside `path`: its temporary directory is removed;
 * results it had moved aside go back if nothing took their place, else are removed.
 */
function recoverInterrupted(path: string): void {
  const parent = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const stale = entries
    .map((e) => ({ e, m: /^\.(.*)\.(tmp|old)-(\d+)$/.exec(e) }))
    .filter(({ m }) => m && m[1] === name && !isAlive(Number(m[3])))
    .sort((a, b) => (a.m![2] === b.m![2] ? 0 : a.m![2] === "old" ? -1 : 1));
  for (const { e, m } of stale) {
    const at = join(parent, e);
    if (m![2] === "old" && !existsSync(path)) renameSync(at, path);
    else rmSync(at, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
