import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runExperiment, type ExperimentOptions } from "../src/index.js";
import { planExperiment } from "../src/engine.js";
import { openResultsDir, openRunFiles } from "../src/results/index.js";

const options: ExperimentOptions = {
  scenarios: [{ name: "a", params: {} }, { name: "b", params: { labour: { separationRate: 0.3 } } }],
  replications: 3, scale: 120, seed: 2, every: 60, workers: 1, groups: ["all"],
};
const info = { version: "test", command: "compare" };

describe("openRunFiles(dir, plan): the runs of an experiment kept in its results directory", () => {
  it("runExperiment({ store, signal }) stops when the signal aborts, keeps the finished runs, and run again with the same plan reuses them: results identical to one uninterrupted run", async () => {
    const whole = await runExperiment(options);
    const out = join(mkdtempSync(join(tmpdir(), "relocsim-runfiles-")), "out");
    const plan = planExperiment(options);
    const first = openRunFiles(openResultsDir(out), plan, info);
    expect([first.resumed, first.total]).toEqual([0, 6]);
    const stop = new AbortController();
    await expect(runExperiment({ ...options, store: first, signal: stop.signal, onProgress: (p) => p.done === 2 && stop.abort() })).rejects.toMatchObject({ name: "AbortError" });
    first.markPartial(2);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"))).toMatchObject({ partial: true, runsDone: 2, runs: 6 });

    const again = openRunFiles(openResultsDir(out), plan, info);
    expect(again.resumed).toBe(2);
    const seen: number[] = [];
    const x = await runExperiment({ ...options, store: again, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([3, 4, 5, 6]);
    expect(x.metrics).toEqual(whole.metrics);
    expect(x.effects).toEqual(whole.effects);
    expect(x.stepValues("b")).toEqual(whole.stepValues("b"));
    expect(x.sites).toEqual(whole.sites);
    expect(readdirSync(join(out, "runs")).sort()).toEqual(["0.f64", "1.f64", "2.f64", "3.f64", "4.f64", "5.f64", "plan.json"]);
  });

  it("on worker threads too, an abort stops the pool and rejects; the runs finished before it stay stored", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "relocsim-runfiles-")), "out");
    const threaded = { ...options, workers: 2 };
    const store = openRunFiles(openResultsDir(out), planExperiment(threaded), info);
    const stop = new AbortController();
    await expect(runExperiment({ ...threaded, store, signal: stop.signal, onProgress: (p) => p.done === 2 && stop.abort() })).rejects.toMatchObject({ name: "AbortError" });
    const kept = readdirSync(join(out, "runs")).filter((f) => f.endsWith(".f64")).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(6);
  });

  it("runs of another plan are deleted, and the reason says what differs", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "relocsim-runfiles-")), "out");
    await runExperiment({ ...options, store: openRunFiles(openResultsDir(out), planExperiment(options), info) });
    const other = openRunFiles(openResultsDir(out), planExperiment({ ...options, scale: 130 }), info);
    expect(other.resumed).toBe(0);
    expect(other.discarded).toMatch(/^the 6 runs in .*runs were of another plan \(scale differs\): deleted, starting afresh$/);
    expect(readdirSync(join(out, "runs"))).toEqual(["plan.json"]);
  });
});

describe("openRunFiles(dir, plan) refuses what it did not make", () => {
  it("a runs entry that is a symbolic link is refused with an InputError, and what it points to is left alone", () => {
    const parent = mkdtempSync(join(tmpdir(), "relocsim-runfiles-"));
    const elsewhere = join(parent, "mine");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "7.f64"), "x");
    const out = join(parent, "out");
    mkdirSync(out);
    writeFileSync(join(out, "manifest.json"), JSON.stringify({ relocsim: "test", command: "compare", partial: true }));
    symlinkSync(elsewhere, join(out, "runs"));
    expect(() => openRunFiles(openResultsDir(out, { field: "--out" }), planExperiment(options), { ...info, field: "--out" })).toThrow(/^invalid --out: .*its runs is a symbolic link, which relocsim did not make/);
    expect(readdirSync(elsewhere)).toEqual(["7.f64"]);
  });
});
