import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve, join, basename } from "node:path";

/**
 * Write a results directory atomically: everything goes into a temporary sibling directory
 * which replaces the target only when complete, so a failed run leaves nothing half-written.
 */
export async function writeResultsDir(dir: string, files: Record<string, string>, beforeCommit?: (tmpDir: string) => Promise<unknown>): Promise<string> {
  const target = resolve(dir);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), content);
    }
    // Derived outputs (the report) are made inside the temporary directory too.
    if (beforeCommit) await beforeCommit(tmp);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return target;
}
