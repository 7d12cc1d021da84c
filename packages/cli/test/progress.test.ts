import { afterEach, describe, expect, it, vi } from "vitest";
import { progressBar } from "../src/progress.ts";

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
