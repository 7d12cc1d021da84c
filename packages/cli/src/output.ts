import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, resolve, join, basename } from "node:path";

/**
 * Write a results directory atomically: everything goes into a temporary sibling directory
 * which replaces the target only when complete, so a failed run leaves nothing half-written.
 */
export function writeResultsDir(dir: string, files: Record<string, string>): string {
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
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return target;
}
