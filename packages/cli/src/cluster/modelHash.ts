import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The hash of the model's code: sha256 of every source file of @relocsim/core as this process
 * runs it (src/ from a checkout, dist/ from an installed package) and of its data/ files.
 * Two machines with the same relocsim version but different model code (a checkout with local
 * changes, another commit) get different hashes, so a worker refuses tasks whose results
 * would differ from the coordinator's.
 */
export function modelHash(): string {
  if (cached) return cached;
  const code = dirname(fileURLToPath(import.meta.resolve("@relocsim/core")));
  const hash = createHash("sha256");
  for (const dir of [code, join(code, "../data")]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|js|mjs|json)$/.test(f) && !/\.d\.ts$/.test(f) && statSync(join(dir, f)).isFile())
      .sort();
    for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update("\0");
  }
  return (cached = hash.digest("hex").slice(0, 16));
}
