import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runExperiment } from "@relocsim/core";
import { EFFECT_COLUMNS, POSTERIOR_EFFECT_COLUMNS, effectsToCsv, posteriorParticle, readPosterior } from "@relocsim/core/engine";
import { loadComparison } from "@relocsim/scenarios";
import { relocsimAsync, relocsimHere, root } from "./relocsim.ts";

const dir = mkdtempSync(join(tmpdir(), "relocsim-posterior-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = (f: string) => readFileSync(f, "utf8").trim().split("\n").map((l) => l.split(","));

describe("relocsim compare --posterior", () => {
  it("compare without --posterior writes effects.csv byte-identical to the library's effects of the same experiment (as before --posterior existed)", async () => {
    const out = join(dir, "plain");
    const file = join(root, "scenarios/example-comparison.json");
    const r = await relocsimAsync(["compare", file, "--replications", "2", "--scale", "800", "--seed", "3", "--workers", "1", "--no-report", "--quiet", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    // The path compare took before: runExperiment → effectsToCsv (test/golden.test.ts pins its hash too).
    const c = loadComparison(file);
    const x = await runExperiment({ ...c.options, baseline: c.baseline, scenarios: c.scenarios, replications: 2, scale: 800, seed: 3, workers: 1 });
    const text = readFileSync(join(out, "effects.csv"), "utf8");
    expect(createHash("sha256").update(text).digest("hex")).toBe(createHash("sha256").update(effectsToCsv(x.effects)).digest("hex"));
    expect(text.split("\n")[0]).toBe(EFFECT_COLUMNS.join(","));
  }, 300_000);

  it("compare --posterior runs every scenario of replicate r with its draw (paired), appends the variance split to effects.csv and records the draws", async () => {
    // Two particles far apart in farming income: a replicate's incomes show which one it ran, in both scenarios.
    const text = "generation,particle,weight,labour.farmingIncome,distance\n0,0,0.5,150,1\n0,1,0.5,2000,1\n";
    const post = join(dir, "posterior.csv");
    writeFileSync(post, text);
    const p = readPosterior(text, "p");
    // A seed whose first two draws pick different particles.
    const seed = Array.from({ length: 50 }, (_, s) => s + 1).find((s) => posteriorParticle(p, s, 0) !== posteriorParticle(p, s, 1))!;
    const comparison = join(dir, "c.json");
    writeFileSync(comparison, JSON.stringify({ name: "c", baseline: "baseline", scenarios: ["lever.landRights"], groups: ["all"], metrics: ["per_capita_income", "employment_rate"], every: 12, params: undefined }));
    const out = join(dir, "post");
    const r = await relocsimAsync(["compare", comparison, "--posterior", post, "--replications", "4", "--scale", "300", "--seed", String(seed), "--workers", "2", "--no-report", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Parameter uncertainty \(--posterior .*posterior.csv\)/);
    const effects = csv(join(out, "effects.csv"));
    expect(effects[0]).toEqual([...EFFECT_COLUMNS, ...POSTERIOR_EFFECT_COLUMNS]);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    const reps: Array<{ replicate: number; draw: number; particle: number }> = m.posterior.replicates;
    expect(reps.map((x) => x.draw)).toEqual([0, 0, 1, 1]);
    expect(reps[0]!.particle).toBe(posteriorParticle(p, seed, 0));
    expect(reps[2]!.particle).toBe(posteriorParticle(p, seed, 1));
    // In every scenario, the replicates of the high-income draw have the higher 2016 income.
    const rows = csv(join(out, "metrics.csv"));
    const head = rows[0]!;
    const col = (n: string) => head.indexOf(n);
    for (const sc of ["baseline", "lever.landRights"]) {
      const income = (rep: number) => Number(rows.find((x) => x[col("scenario")] === sc && x[col("replicate")] === String(rep) && x[col("metric")] === "per_capita_income" && x[col("date")] === "2016-12")![col("value")]);
      const high = reps.filter((x) => x.particle === 1).map((x) => income(x.replicate));
      const low = reps.filter((x) => x.particle === 0).map((x) => income(x.replicate));
      expect(Math.min(...high)).toBeGreaterThan(Math.max(...low));
    }
    const horizon = effects.find((e) => e[3] === "per_capita_income" && e[5] === "2025-12")!;
    const share = Number(horizon[EFFECT_COLUMNS.length + 2]);
    expect(share >= 0 && share <= 1).toBe(true);
  }, 300_000);

  it("compare --posterior refuses a missing file, a bad header and too few replications (exit 2)", async () => {
    expect((await relocsimHere("compare", "scenarios/example-comparison.json", "--posterior", join(dir, "none.csv"), "--out", join(dir, "x"))).stderr).toMatch(/invalid --posterior: .*none.csv/);
    writeFileSync(join(dir, "bad.csv"), "a,b\n1,2\n");
    const bad = await relocsimHere("compare", "scenarios/example-comparison.json", "--posterior", join(dir, "bad.csv"), "--out", join(dir, "x"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid --posterior header/);
    writeFileSync(join(dir, "ok.csv"), "generation,particle,weight,labour.farmingIncome,distance\n0,0,1,300,1\n");
    const few = await relocsimHere("compare", "scenarios/example-comparison.json", "--posterior", join(dir, "ok.csv"), "--replications", "2", "--out", join(dir, "x"));
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/invalid --replications: 2 \(expected at least 4 with --posterior/);
  });
});
