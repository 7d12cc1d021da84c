import { describe, expect, it } from "vitest";
import { savedStreamsLength, saveStreams, siteRange, stepSites, streamNames, type Phase } from "../src/kernel/siteRange.js";
import { stream, type Random } from "../src/kernel/random.js";
import { PHASES, SCHEDULE } from "../src/model/schedule.js";

const draws = (r: Random, n: number) => Array.from({ length: n }, () => r());

describe("siteRange(phases, ctx, seed, s0, s1, timings)", () => {
  const phases: Phase<unknown>[] = [
    { name: "a", streams: ["x", "y"] },
    { name: "b", streams: [] },
    { name: "c", streams: ["y"] },
  ];

  it("gives each phase, at each site, the streams it declares in order, keyed (seed, site, name)", () => {
    const r = siteRange(phases, null, 7, 3, 5, new Float64Array(3));
    expect(r.random.map((ph) => ph.length)).toEqual([2, 2, 2]);
    expect(r.random[1]![0]).toEqual([]);
    for (const [i, s] of [[0, 3], [1, 4]] as const) {
      const [x, y] = r.random[0]![i]!;
      expect(draws(x!, 3)).toEqual(draws(stream(7, s, "x"), 3));
      expect(draws(y!, 3)).toEqual(draws(stream(7, s, "y"), 3));
    }
  });

  it("saves every stream's position and continues from it, whatever the ranges", () => {
    expect(streamNames(phases)).toEqual(["x", "y"]);
    const a = siteRange(phases, null, 7, 0, 2, new Float64Array(3));
    const b = siteRange(phases, null, 7, 2, 5, new Float64Array(3));
    for (const r of [a, b]) for (const st of r.streams) for (const x of st) draws(x, 4);
    const saved = new Float64Array(savedStreamsLength(phases, 5));
    saveStreams(a, saved);
    saveStreams(b, saved);
    const whole = siteRange(phases, null, 7, 0, 5, new Float64Array(3), saved);
    const next = (r: typeof a, s: number) => r.streams.map((st) => draws(st[s - r.s0]!, 3));
    expect([0, 1].map((s) => next(whole, s))).toEqual([0, 1].map((s) => next(a, s)));
    expect([2, 3, 4].map((s) => next(whole, s))).toEqual([2, 3, 4].map((s) => next(b, s)));
  });

  it("builds one stream per (site, name): phases naming the same stream share it", () => {
    const r = siteRange(phases, null, 1, 0, 2, new Float64Array(3));
    expect(r.random[2]![1]![0]).toBe(r.random[0]![1]![1]);
  });
});

describe("stepSites(range, step)", () => {
  it("runs every phase's begin once in order, then each site of the range through every phase's site function (site-major), timing each phase", () => {
    const log: string[] = [];
    const phases: Phase<string[]>[] = [
      { name: "p", streams: [], begin: (ctx, step) => ctx.push(`p:begin:${step}`) },
      { name: "q", streams: ["q"], begin: (ctx) => ctx.push("q:begin"), site: (ctx, s, [r]) => ctx.push(`q:${s}:${typeof r}`) },
      { name: "r", streams: [], site: (ctx, s) => ctx.push(`r:${s}`) },
    ];
    const timings = new Float64Array(3);
    stepSites(siteRange(phases, log, 1, 2, 4, timings), 5);
    expect(log).toEqual(["p:begin:5", "q:begin", "q:2:function", "r:2", "q:3:function", "r:3"]);
    expect([...timings].every((t) => t >= 0)).toBe(true);
    expect(timings[1]! + timings[2]!).toBeGreaterThan(0);
  });
});

describe("PHASES (the model's schedule)", () => {
  it("SCHEDULE lists the phase names in order", () => {
    expect(SCHEDULE).toEqual(PHASES.map((p) => p.name));
    expect(SCHEDULE[0]).toBe("schedule");
    expect(SCHEDULE[SCHEDULE.length - 1]).toBe("collect");
  });

  it("gives every random stream to one phase only, so a process never shifts another's draws", () => {
    const names = PHASES.flatMap((p) => [...p.streams]);
    expect(new Set(names).size).toBe(names.length);
  });
});
