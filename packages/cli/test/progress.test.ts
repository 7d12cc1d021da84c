import { afterEach, describe, expect, it, vi } from "vitest";
import { formatSeconds, progressBar } from "../src/progress.ts";

describe("progressBar(label, total, unit, {from, stream})", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
  const bar = (from: number) => {
    vi.stubEnv("CI", "");
    const out: string[] = [];
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const b = progressBar("x", 10, "runs", { from, stream: { isTTY: true, write: (s: string | Uint8Array) => (out.push(String(s)), true) } });
    return { update: (done: number, at: number) => ((now = at), b.update(done), out.at(-1)) };
  };

  it("after a resume, times what is left by the units done in this invocation only", () => {
    // 5 runs were done before; one more took 10 s: 4 left take 40 s (not 4 × 10/6 s).
    expect(bar(5).update(6, 10_000)).toMatch(/ 6\/10 runs 40s left/);
  });
  it("from the start, by all the units done", () => {
    expect(bar(0).update(2, 10_000)).toMatch(/ 2\/10 runs 40s left/);
  });
});

describe("progressBar in a log (standard error not a terminal)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
  const logged = (o: { ci?: string; quiet?: boolean } = {}) => {
    vi.stubEnv("CI", o.ci ?? "");
    const out: string[] = [];
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const b = progressBar("sobol", 100, "runs", { quiet: o.quiet, stream: { isTTY: false, write: (s: string | Uint8Array) => (out.push(String(s)), true) } });
    return { out, at: (ms: number, done: number) => ((now = ms), b.update(done)), done: (ms: number) => ((now = ms), b.done()) };
  };

  it("prints nothing for work shorter than a minute", () => {
    const l = logged();
    for (let i = 1; i <= 100; i++) l.at(i * 500, i);
    l.done(50_000);
    expect(l.out).toEqual([]);
  });
  it("prints a plain line (no control characters) at most once a minute, then how it ended", () => {
    const l = logged();
    l.at(30_000, 10);
    l.at(60_000, 20);
    l.at(90_000, 30);
    l.at(120_000, 40);
    l.done(130_000);
    expect(l.out).toEqual([
      "sobol: 20/100 runs (20%), 0.33 runs/s, 4m00s left\n",
      "sobol: 40/100 runs (40%), 0.33 runs/s, 3m00s left\n",
      "sobol: 40/100 runs after 2m10s\n",
    ]);
  });
  it("prints nothing under CI or with quiet", () => {
    for (const o of [{ ci: "true" }, { quiet: true }]) {
      const l = logged(o);
      l.at(61_000, 50);
      l.done(200_000);
      expect(l.out).toEqual([]);
    }
  });
});

describe("formatSeconds", () => {
  it("never shows 60 seconds in a minute", () => {
    expect(formatSeconds(119.6)).toBe("2m00s");
    expect(formatSeconds(59.7)).toBe("1m00s");
    expect(formatSeconds(59.4)).toBe("59s");
    expect(formatSeconds(9.96)).toBe("10.0s");
  });
});
