import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { RESULT_FILES } from "./resultFiles.js";

/** The shards of one experiment, checked to fit together (readShards). */
export interface ShardSet {
  /** The plan every shard ran (describePlan's record). */
  plan: Record<string, unknown>;
  /** The first shard's manifest.json: what `compare --shard` recorded to plan the experiment again. */
  manifest: Record<string, unknown>;
  /** owner[index]: the directory holding the run of task `index`. */
  owner: string[];
}

/**
 * Reads the directories written by `relocsim compare --shard k/N` and checks that they are
 * finished shards of one plan and hold every task of it exactly once; anything else is an
 * InputError naming the directory, or the task missing or held twice.
 */
export function readShards(dirs: readonly string[]): ShardSet {
  const field = "shard directory";
  const manifests = dirs.map((dir) => {
    let m: Record<string, unknown> | undefined;
    try {
      const parsed = JSON.parse(readFileSync(join(dir, RESULT_FILES.manifest), "utf8"));
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) m = parsed;
    } catch {
      // Told below: not a shard.
    }
    const expected = "the --out of a finished `relocsim compare --shard k/N`";
    if (!m) throw new InputError(field, dir, expected, `it has no relocsim ${RESULT_FILES.manifest}`);
    if (m.partial === true) throw new InputError(field, dir, expected, "its runs are not finished yet: run its compare --shard again to finish them");
    if (m.shard === undefined || !Array.isArray(m.tasks)) throw new InputError(field, dir, expected, "it holds the results of a whole experiment, not a shard");
    return m;
  });
  const plan = manifests[0]!.plan as Record<string, unknown>;
  manifests.forEach((m, i) => {
    const other = m.plan as Record<string, unknown>;
    const differ = Object.keys({ ...plan, ...other }).filter((k) => JSON.stringify(plan[k]) !== JSON.stringify(other[k]));
    if (differ.length) throw new InputError(field, dirs[i], `a shard of the same experiment as ${dirs[0]}`, `it differs in ${differ.join(", ")}`);
  });
  const scenarios = (plan.scenarios as { name: string }[]).map((s) => s.name);
  const total = scenarios.length * (plan.replications as number);
  const task = (i: number) => `task ${i} (${scenarios[i % scenarios.length]}, replicate ${Math.floor(i / scenarios.length)})`;
  const owner: string[] = new Array(total);
  manifests.forEach((m, d) => {
    for (const i of m.tasks as number[]) {
      if (!Number.isInteger(i) || i < 0 || i >= total) throw new InputError(field, dirs[d], `tasks from 0 to ${total - 1}`, `its manifest lists task ${i}`);
      if (owner[i] !== undefined) throw new InputError("shards", dirs[d], "each task in one shard only", `${task(i)} is in ${owner[i]} too (a shard given twice?)`);
      owner[i] = dirs[d]!;
    }
  });
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => owner[i] === undefined);
  if (missing.length) {
    const of = (manifests[0]!.shard as { of: number }).of;
    const parts = [...new Set(missing.map((i) => (i % of) + 1))].map((k) => `${k}/${of}`);
    const listed = missing.slice(0, 3).map(task).join(", ") + (missing.length > 3 ? ` and ${missing.length - 3} more` : "");
    throw new InputError("shards", dirs.join(" "), `every task of the experiment (${total})`, `${listed} ${missing.length === 1 ? "is" : "are"} in none of them (shard ${parts.join(", ")} missing?)`);
  }
  return { plan, manifest: manifests[0]!, owner };
}
