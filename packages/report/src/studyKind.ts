import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The files a report reads from the directory of each command that writes no metrics.csv:
 * sweeps, sensitivity analyses, calibrations and validations (their manifest.json names the
 * command that wrote them).
 */
export const STUDY_FILES = {
  sweep: ["points.csv", "outcomes.csv"],
  sensitivity: ["indices.csv"],
  calibrate: ["posterior.csv", "fit.csv", "generations.csv"],
  "validate-model": ["validation.csv"],
} as const satisfies Record<string, readonly string[]>;

export type StudyKind = keyof typeof STUDY_FILES;

/**
 * Which of those commands wrote `dir`, from its manifest.json (`relocsim` and `command`), or
 * undefined: a run, a comparison, or not relocsim's at all (readResults says what is missing).
 */
export function studyKind(dir: string): StudyKind | undefined {
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch {
    return undefined;
  }
  if (m === null || typeof m !== "object") return undefined;
  const { relocsim, command } = m as Record<string, unknown>;
  return typeof relocsim === "string" && typeof command === "string" && Object.hasOwn(STUDY_FILES, command) ? (command as StudyKind) : undefined;
}
