import { describe, expect, it, beforeAll } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relocsimHere } from "../packages/cli/test/relocsim.ts";

const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
const outcomes = (dir: string) => {
  const { outcomes, pairing, scenarios } = JSON.parse(read(dir, "summary.json"));
  return { outcomes, pairing, scenarios };
};

describe("relocsim compare --shard K/N and relocsim merge <dirs...>: an experiment on a batch cluster", () => {
  let dir: string;
  let file: string;
  let local: string;
  const shard = (part: number, of: number, extra: string[] = []) => join(dir, `shard-${part}-of-${of}${extra.length ? "-x" : ""}`);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-shard-"));
    file = join(dir, "three.json");
    writeFileSync(file, JSON.stringify({ name: "three", baseline: "baseline", scenarios: ["livelihood-linkage", "full-strategy"], replications: 3, scale: 300, seed: 3, every: 12 }));
    local = join(dir, "local");
    for (const args of [["--out", local], ["--shard", "1/2", "--out", shard(1, 2)], ["--shard", "2/2", "--out", shard(2, 2)], ["--shard", "1/3", "--out", shard(1, 3)]]) {
      const r = await relocsimHere("compare", file, "--workers", "1", "--no-report", "-q", ...args);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 300_000);

  it("--shard 1/2 and --shard 2/2 merged equal the local run: byte-identical metrics.csv and effects.csv, the same summary.json outcomes", async () => {
    const manifest = JSON.parse(read(shard(1, 2), "manifest.json"));
    expect(manifest).toMatchObject({ command: "compare", shard: { part: 1, of: 2 }, tasks: [0, 2, 4, 6, 8], runs: 9 });
    const merged = join(dir, "merged");
    const r = await relocsimHere("merge", shard(1, 2), shard(2, 2), "--out", merged, "--no-report", "-q");
    expect(r.code, r.stderr).toBe(0);
    expect(read(merged, "metrics.csv")).toBe(read(local, "metrics.csv"));
    expect(read(merged, "effects.csv")).toBe(read(local, "effects.csv"));
    expect(outcomes(merged)).toEqual(outcomes(local));
    expect(JSON.parse(read(merged, "manifest.json"))).toMatchObject({ command: "compare", replicateSeeds: JSON.parse(read(local, "manifest.json")).replicateSeeds });
  });

  it("merge refuses, with exit 2 and the task or directory named, a missing shard, a shard given twice, a shard of another plan, an unfinished shard, whole results, and a comparison file changed since", async () => {
    const out = join(dir, "refused");
    const missing = await relocsimHere("merge", shard(1, 2), "--out", out, "-q");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("task 1 (livelihood-linkage, replicate 0)");
    expect(missing.stderr).toContain("shard 2/2 missing?");

    const twice = await relocsimHere("merge", shard(1, 2), shard(2, 2), shard(1, 3), "--out", out, "-q");
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`invalid shards: "${shard(1, 3)}" (expected each task in one shard only); task 0 (baseline, replicate 0) is in ${shard(1, 2)} too`);

    const other = join(dir, "other-seed");
    expect((await relocsimHere("compare", file, "--workers", "1", "--seed", "4", "--shard", "2/2", "--out", other, "-q")).code).toBe(0);
    const mismatched = await relocsimHere("merge", shard(1, 2), other, "--out", out, "-q");
    expect(mismatched.code).toBe(2);
    expect(mismatched.stderr).toContain(`invalid shard directory: "${other}" (expected a shard of the same experiment as ${shard(1, 2)}); it differs in seed`);

    const whole = await relocsimHere("merge", local, "--out", out, "-q");
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain("it holds the results of a whole experiment, not a shard");

    // What an interrupted shard leaves (markPartial's manifest) is not merged.
    const unfinished = join(dir, "unfinished");
    cpSync(shard(2, 2), unfinished, { recursive: true });
    const m = JSON.parse(read(unfinished, "manifest.json"));
    writeFileSync(join(unfinished, "manifest.json"), JSON.stringify({ relocsim: m.relocsim, command: "compare", partial: true, runsDone: 2, runs: 9, plan: m.plan }));
    const partial = await relocsimHere("merge", shard(1, 2), unfinished, "--out", out, "-q");
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain(`invalid shard directory: "${unfinished}" (expected the --out of a finished \`relocsim compare --shard k/N\`); its runs are not finished yet`);

    // The comparison file changed since the shards ran: the runs are of another plan.
    writeFileSync(file, JSON.stringify({ name: "three", baseline: "baseline", scenarios: ["livelihood-linkage", "development-policies"], replications: 3, scale: 300, seed: 3, every: 12 }));
    const changed = await relocsimHere("merge", shard(1, 2), shard(2, 2), "--out", out, "-q");
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain("(expected the comparison the shards ran); it plans runs that differ from theirs in scenarios");
    // Refused before anything is written.
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it("--shard takes K/N with 1 ≤ K ≤ N", async () => {
    const r = await relocsimHere("compare", file, "--shard", "3/2", "--out", join(dir, "bad"), "-q");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --shard: "3/2" (expected K/N with 1 ≤ K ≤ N, e.g. 1/4)');
  });
});
