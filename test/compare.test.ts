import { describe, expect, it, beforeAll } from "vitest";
import fc from "fast-check";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compare, runExperiment, effectsTable, type Experiment } from "../packages/core/src/index.ts";
import { pairedDifference, EFFECT_COLUMNS } from "../packages/core/src/engine.ts";
import { scenario } from "../packages/scenarios/src/index.ts";
import { relocsim, relocsimHere } from "../packages/cli/test/relocsim.ts";

const small = { scale: 300, replications: 3, seed: 5 } as const;

describe("compare(baseline, scenarios, options): paired effects", () => {
  let inProcess: Experiment;
  let threaded: Experiment;
  beforeAll(async () => {
    const copy = { ...scenario("baseline"), name: "baseline-copy" };
    const args = [scenario("baseline"), [scenario("development-policies"), copy]] as const;
    inProcess = await compare(...args, { ...small, workers: 1 });
    threaded = await compare(...args, { ...small, workers: 2 });
  });

  it("compare(...) gives identical metrics and effects with 1 worker (this thread) and 2 worker threads", () => {
    expect(threaded.workers).toBe(2);
    expect(threaded.metrics).toEqual(inProcess.metrics);
    expect(threaded.effects).toEqual(inProcess.effects);
  });

  it("replicate r of every scenario runs with the same seed (common random numbers)", () => {
    const seeds = new Map<string, Set<number>>();
    for (const row of inProcess.metrics) (seeds.get(`${row.replicate}`) ?? seeds.set(`${row.replicate}`, new Set()).get(`${row.replicate}`)!).add(row.seed);
    expect([...seeds.values()].map((s) => s.size)).toEqual([1, 1, 1]);
    expect(inProcess.seeds).toHaveLength(3);
  });

  it("a scenario compared with itself has effect exactly 0 and a zero-width interval, for every outcome, group and step", () => {
    const self = inProcess.effects.filter((e) => e.scenario === "baseline-copy");
    // A group empty in all but one replicate at a step (at 300 households a site type or a
    // cohort can be a single site not yet open) has one pair: an effect but no interval.
    expect(self.filter((e) => e.n >= 2).length).toBeGreaterThan(100);
    for (const e of self) {
      if (e.n === 0) continue;
      expect(e.effect).toBe(0);
      expect([e.ci_low, e.ci_high]).toEqual(e.n >= 2 ? [0, 0] : [NaN, NaN]);
      expect(e.scenario_mean).toBe(e.baseline_mean);
    }
  });

  it("effects rows carry the report's columns in order, a row per scenario × group × metric × kept step", () => {
    const e = inProcess.effects[0]!;
    expect(Object.keys(e).sort()).toEqual([...EFFECT_COLUMNS].sort());
    const { steps, groups } = inProcess.selection;
    expect(steps).toEqual([12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
    expect(groups).toEqual(["all", "site:urban", "site:rural"]);
    expect(inProcess.effects.filter((x) => x.scenario === "development-policies" && x.metric === "employment_rate").length).toBe(steps.length * groups.length);
  });

  it("swapping baseline and scenario flips every effect and interval exactly", async () => {
    const swapped = await runExperiment({ scenarios: [scenario("development-policies"), scenario("baseline")], ...small, workers: 1 });
    const key = (e: { group: string; metric: string; step: number }) => `${e.group}|${e.metric}|${e.step}`;
    const back = new Map(swapped.effects.map((e) => [key(e), e]));
    const forward = inProcess.effects.filter((e) => e.scenario === "development-policies");
    expect(forward.length).toBe(swapped.effects.length);
    for (const e of forward) {
      const s = back.get(key(e))!;
      // === rather than Object.is: 0 − 0 is +0 both ways round.
      expect(s.effect === -e.effect, `${key(e)}: ${s.effect} vs ${e.effect}`).toBe(true);
      // A single pair gives no interval either way round (NaN: empty in effects.csv).
      if (e.n < 2) expect([s.ci_low, s.ci_high, e.ci_low, e.ci_high].every(Number.isNaN), key(e)).toBe(true);
      else expect(s.ci_low === -e.ci_high && s.ci_high === -e.ci_low, key(e)).toBe(true);
      expect([s.baseline_mean, s.scenario_mean]).toEqual([e.scenario_mean, e.baseline_mean]);
    }
  });

  it("effectsTable(effects) prints each outcome's levels, effects with 95% CIs and stars where the CI excludes zero", () => {
    const t = effectsTable(inProcess.effects, { scenarios: ["baseline", "development-policies", "baseline-copy"] });
    expect(t).toMatch(/Employment rate/);
    expect(t).toMatch(/development-policies +\d+\.\d+% +[+−]\d+\.\d+ pt +\[[+−]?\d+\.\d+ pt, [+−]?\d+\.\d+ pt\]/);
    expect(t).toMatch(/baseline-copy .* 0\.0+ pt +\[0\.0+ pt, 0\.0+ pt\]/);
  });

  it("runExperiment checks every scenario before running anything and names the problem", async () => {
    await expect(runExperiment({ scenarios: [scenario("baseline"), { name: "baseline", params: {} }], ...small })).rejects.toThrow(/invalid scenarios\[1\]\.name: "baseline" \(expected a name no other scenario of the experiment has/);
    await expect(runExperiment({ scenarios: [scenario("baseline"), { name: "x", params: { labour: { separationRate: 4 } } }], ...small })).rejects.toThrow(/invalid scenarios\[1\]\.params\.labour\.separationRate: 4/);
    await expect(runExperiment({ scenarios: [scenario("baseline"), { name: "x", extends: "historical" }], ...small })).rejects.toThrow(/invalid scenarios\[1\]\.extends/);
    await expect(runExperiment({ scenarios: [scenario("baseline")], ...small, groups: ["al"] })).rejects.toThrow(/invalid groups\[0\]: "al" .*did you mean 'all'\?/);
  });
});

describe("pairedDifference(baseline, scenario)", () => {
  const sample = fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }), { minLength: 0, maxLength: 30 });

  it("swapping baseline and scenario flips the sign of the effect and of both intervals (fast-check)", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const n = Math.min(a.length, b.length);
        const x = a.slice(0, n), y = b.slice(0, n);
        const d = pairedDifference(x, y);
        const s = pairedDifference(y, x);
        expect(s.n).toBe(d.n);
        if (d.n === 0) return;
        expect(s.effect === -d.effect).toBe(true);
        expect([s.baseline_mean, s.scenario_mean]).toEqual([d.scenario_mean, d.baseline_mean]);
        if (d.n < 2) return;
        expect(s.ci_low === -d.ci_high && s.ci_high === -d.ci_low).toBe(true);
        expect(s.unpaired_ci_low === -d.unpaired_ci_high && s.unpaired_ci_high === -d.unpaired_ci_low).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a sample compared with itself has effect 0 and a zero-width interval (fast-check)", () => {
    fc.assert(
      fc.property(sample, (a) => {
        const d = pairedDifference(a, a);
        if (d.n === 0) return;
        expect(d.effect).toBe(0);
        if (d.n > 1) expect([d.ci_low, d.ci_high]).toEqual([0, 0]);
      }),
    );
  });

  it("pairedDifference matches a hand computation: t(0.975, 4) = 2.776", () => {
    const d = pairedDifference([1, 2, 3, 4, 5], [2, 4, 4, 5, 7]);
    // differences 1, 2, 1, 1, 2: mean 1.4, sd 0.5477
    expect(d.effect).toBeCloseTo(1.4, 12);
    expect(d.ci_high - d.effect).toBeCloseTo(2.776445 * (0.5477226 / Math.sqrt(5)), 5);
    expect(d.unpaired_ci_high - d.effect).toBeGreaterThan(d.ci_high - d.effect);
  });
});

describe("relocsim compare <comparison.json>", () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-compare-"));
    file = join(dir, "small.json");
    writeFileSync(file, JSON.stringify({ $schema: "./comparison.schema.json", name: "small", baseline: "baseline", scenarios: ["full-strategy", { name: "grid", extends: "lever.gridManagement" }], replications: 2, scale: 300, seed: 3 }));
  });

  it("relocsim compare writes effects.csv, metrics.csv, summary.json, manifest.json, byte-identical for --workers 1 and --workers 2", async () => {
    const a = join(dir, "w1"), b = join(dir, "w2");
    const r1 = await relocsimHere("compare", file, "--workers", "1", "--out", a, "--no-report");
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = relocsim("compare", file, "--workers", "2", "--out", b, "--no-report", "-q");
    expect(r2.code, r2.stderr).toBe(0);
    expect(readdirSync(a).sort()).toEqual(["effects.csv", "manifest.json", "metrics.csv", "metrics.parquet", "summary.json"]);
    for (const f of ["effects.csv", "metrics.csv"]) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(readFileSync(join(a, "effects.csv"), "utf8").split("\n")[0]).toBe(EFFECT_COLUMNS.join(","));
    const summary = JSON.parse(readFileSync(join(a, "summary.json"), "utf8"));
    expect(summary.baseline).toBe("baseline");
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(["baseline", "full-strategy", "grid"]);
    expect(summary.scenarios[1]).toMatchObject({ title: "Full strategy (paper 4.1 + 4.2 + 4.3)" });
    const manifest = JSON.parse(readFileSync(join(a, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ command: "compare", seed: 3, replicates: 2, scale: 300 });
    expect(manifest.scenarios[2]).toMatchObject({ name: "grid", source: "inline" });
    expect(r1.stdout).toMatch(/Effects at 2025-12 \(the horizon\), all households/);
    expect(r1.stdout).toMatch(/Employment rate, share of labour force\n  baseline +\d/);
    expect(r1.stdout).toMatch(/full-strategy +[\d.]+% +[+−][\d.]+ pt +\[/);
    expect(r1.stdout).toMatch(/Pairing: at 2025-12, unpaired \(Welch\) 95% CIs from the same runs would be [\d.]+× as wide/);
  });

  it("flags override the file: --replications, --seed, --groups, --every", async () => {
    const out = join(dir, "flags");
    const r = await relocsimHere("compare", file, "--replications", "1", "--seed", "9", "--groups", "all", "--every", "60", "--metrics", "employment_rate,per_capita_income", "--out", out, "--no-report", "-q");
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(out, "metrics.csv"), "utf8").trim().split("\n").slice(1);
    expect(rows).toHaveLength(3 * 1 * 2 * 1 * 2);
    expect(new Set(rows.map((l) => l.split(",")[3]))).toEqual(new Set(["60", "120"]));
  });

  it("relocsim compare with one replication writes empty intervals, not NaN or null, and says one replication gives no interval", async () => {
    const out = join(dir, "one");
    const r = await relocsimHere("compare", file, "--replications", "1", "--groups", "all", "--out", out, "--no-report");
    expect(r.code, r.stderr).toBe(0);
    const effects = readFileSync(join(out, "effects.csv"), "utf8");
    expect(effects).not.toMatch(/NaN/);
    const row = effects.split("\n").find((l) => l.startsWith("full-strategy,baseline,all,employment_rate,120,"))!;
    expect(row.split(",").slice(10, 14)).toEqual(["", "", "", ""]);
    // Then the cost columns: a cost difference, no interval, and no cost-effectiveness without one.
    const cost = row.split(",").slice(14);
    expect(cost[0]).toMatch(/^-?[\d.e+-]+$/);
    expect(cost.slice(1, 4)).toEqual(["", "", ""]);
    expect(cost.slice(5).join(",")).toMatch(/no 95% CI/);
    const summary = readFileSync(join(out, "summary.json"), "utf8");
    expect(summary).not.toMatch(/null|NaN/);
    expect(JSON.parse(summary).outcomes.baseline.all.employment_rate).toEqual({ mean: expect.any(Number), n: 1, no_interval: "one replication gives no interval" });
    expect(r.stdout).toMatch(/No 95% CI: one replication gives no interval \(use --replications 2 or more\)/);
    expect(r.stdout).toMatch(/full-strategy +[\d.]+% +[+−]?[\d.]+ pt +none: one replication gives no interval/);
  });

  it("relocsim compare refuses an --out directory it did not write before running anything, and leaves it alone", async () => {
    const out = join(dir, "mine");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "x");
    const r = await relocsimHere("compare", file, "--out", out, "--no-report");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --out: ".*mine" \(expected a new or empty directory, or results written by relocsim\); it holds notes\.txt and no relocsim manifest\.json/);
    expect(r.stdout).toBe("");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
  });

  const bad: Array<[string, () => string[], RegExp[]]> = [
    ["an unknown scenario name", () => [writeBad({ scenarios: ["livelyhood-linkage"] })], [/invalid scenarios\[0\]: "livelyhood-linkage" .*did you mean 'livelihood-linkage'\?/]],
    ["a misspelt key", () => [writeBad({ replicatons: 3 })], [/invalid replicatons: 3 .*did you mean 'replications'\?/]],
    ["an inline scenario out of range", () => [writeBad({ scenarios: [{ name: "x", params: { labour: { separationRate: 2 } } }] })], [/invalid scenarios\[0\]\.params\.labour\.separationRate: 2 \(expected a number in \[0, 1\] per year\)/]],
    ["a baseline listed again", () => [writeBad({ scenarios: ["baseline"] })], [/invalid scenarios\[0\]\.name: "baseline" \(expected a name no other scenario of the experiment has \(baseline has it\)\)/]],
    ["a bad --groups value", () => [file, "--groups", "all,site:urbn"], [/invalid --groups\[1\]: "site:urbn" .*did you mean 'site:urban'\?/]],
    ["a misspelt flag", () => [file, "--replication", "3"], [/invalid flag: "--replication" .*did you mean '--replications'\?/]],
    ["a zero --replications", () => [file, "--replications", "0"], [/invalid --replications: "0" \(expected a whole number in \[1, 100000\]\)/]],
  ];
  let k = 0;
  function writeBad(over: Record<string, unknown>): string {
    const f = join(dir, `bad-${k++}.json`);
    writeFileSync(f, JSON.stringify({ name: "bad", baseline: "baseline", scenarios: ["historical"], scale: 200, replications: 1, ...over }));
    return f;
  }
  for (const [what, args, messages] of bad) {
    it(`relocsim compare with ${what} exits 2 with a clear message and writes nothing`, async () => {
      const out = join(dir, "out-" + what.replace(/\W+/g, "-"));
      const r = await relocsimHere("compare", ...args(), "--out", out);
      expect(r.code, r.stderr).toBe(2);
      for (const m of messages) expect(r.stderr).toMatch(m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("relocsim compare with a bad file exits 2 from the command line too, with no stack trace", () => {
    const out = join(dir, "out-process");
    const r = relocsim("compare", writeBad({ scenarios: [{ name: "x", params: { labour: { separatonRate: 0.1 } } }] }), "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid scenarios\[0\]\.params\.labour\.separatonRate: 0\.1 .*did you mean 'separationRate'\?/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
