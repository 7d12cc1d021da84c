import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest's global setup: every test's scratch directory (`mkdtempSync(join(tmpdir(), …))`, in
 * the test processes and in the relocsim commands they start) goes under one directory of this
 * run, removed when the run ends, so that a test run leaves nothing in the system's temporary
 * directory. RELOCSIM_KEEP_TEST_TMP=1 keeps it (its path is printed) to look at what a test wrote.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "relocsim-tests-"));
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.RELOCSIM_KEEP_TEST_TMP) {
      process.stderr.write(`test scratch files kept in ${dir}\n`);
      return;
    }
    // A test that mounted something there and failed may leave it busy: say so, never fail the run.
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      process.stderr.write(`could not remove the test scratch directory ${dir}: ${(e as Error).message}\n`);
    }
  };
}
