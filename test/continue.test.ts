import { describe, expect, it, beforeAll } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relocsimAsync, root } from "../packages/cli/test/relocsim.ts";

const main = join(root, "packages/cli/src/main.ts");
const runFiles = (out: string) => (existsSync(join(out, "runs")) ? readdirSync(join(out, "runs")).filter((f) => /^\d+\.f64$/.test(f)).length : 0);

/**
 * `relocsim compare` in one Node process (tsx loaded into it, not a tsx parent spawning node),
 * stopped with `signal` once `runs` runs are kept in --out; resolves with its exit.
 */
function compareStopped(args: string[], out: string, runs: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", main, "compare", ...args, "--out", out], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const poll = setInterval(() => {
      if (runFiles(out) >= runs) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on("error", fail);
    child.on("exit", (code, sig) => {
      clearInterval(poll);
      done({ code, signal: sig, stderr });
    });
  });
}

describe("relocsim compare that continues", () => {
  let dir: string;
  let file: string;
  let whole: string;
  const total = 2 * 5;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-continue-"));
    file = join(dir, "pair.json");
    writeFileSync(file, JSON.stringify({ name: "pair", baseline: "baseline", scenarios: ["full-strategy"], replications: 5, scale: 150, seed: 4, every: 6 }));
    whole = join(dir, "whole");
    const r = await relocsimAsync(["compare", file, "--workers", "1", "--out", whole, "--no-report", "-q"]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it("compare killed between runs (SIGKILL of the child process), then run again with the same --out, finishes with byte-identical metrics.csv and effects.csv and says how many runs it reused", async () => {
    const out = join(dir, "killed");
    const killed = await compareStopped([file, "--workers", "2", "--no-report", "-q"], out, 3, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    const kept = runFiles(out);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(total);
    // What was left is relocsim's, marked partial, and holds no results yet.
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"))).toMatchObject({ command: "compare", partial: true, runs: total });
    expect(existsSync(join(out, "metrics.csv"))).toBe(false);

    const again = await relocsimAsync(["compare", file, "--workers", "2", "--out", out, "--no-report"]);
    expect(again.code, again.stderr).toBe(0);
    const reused = Number(/resumed: (\d+) of 10 runs already done/.exec(again.stdout)?.[1]);
    expect(reused).toBeGreaterThanOrEqual(kept);
    for (const f of ["metrics.csv", "effects.csv", "summary.json"]) {
      const a = readFileSync(join(whole, f), "utf8"), b = readFileSync(join(out, f), "utf8");
      expect(b === a, f).toBe(true);
    }
    expect(readdirSync(out).sort()).toEqual(["effects.csv", "manifest.json", "metrics.csv", "metrics.parquet", "summary.json"]);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).partial).toBeUndefined();
  }, 180_000);

  it("Ctrl-C (SIGINT) stops compare with exit code 130, keeps the finished runs, marks manifest.json partial and says how to continue", async () => {
    const out = join(dir, "interrupted");
    const r = await compareStopped([file, "--workers", "1", "--no-report", "-q"], out, 2, "SIGINT");
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/interrupted: (\d+) of 10 runs done, kept in .*interrupted \(marked partial\); run the same command again to finish the rest/);
    const done = Number(/interrupted: (\d+) of/.exec(r.stderr)![1]);
    expect(done).toBe(runFiles(out));
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"))).toMatchObject({ command: "compare", partial: true, runsDone: done, runs: total });

    // Another plan in the same --out does not reuse those runs, and says so.
    const other = await relocsimAsync(["compare", file, "--seed", "5", "--replications", "1", "--workers", "1", "--out", out, "--no-report"]);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toMatch(new RegExp(`the ${done} runs in .*runs were of another plan \\(seed, replications differ\\): deleted, starting afresh`));
    expect(other.stdout).not.toMatch(/resumed:/);
  }, 180_000);
});
