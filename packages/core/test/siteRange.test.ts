import { describe, expect, it } from "vitest";
import { siteRange, stepSites, streamNames, type Phase } from "../src/kernel/siteRange.js";
import { keyed, type KeyedRandom } from "../src/kernel/random.js";
import { PHASES, SCHEDULE } from "../src/model/schedule.js";

const draws = (r: () => number, n: number) => Array.from({ length: n }, () => r());

describe("siteRange(phases, ctx, seed, s0, s1, timings)", () => {
  const phases: Phase<unknown>[] = [
    { name: "a", streams: ["x", "y"] },
    { name: "b", streams: [] },
    { name: "c", streams: ["y"] },
  ];

  it("gives each phase the keyed sources it declares, in order, keyed (seed, name); phases naming the same source share it", () => {
    expect(streamNames(phases)).toEqual(["x", "y"]);
    const r = siteRange(phases, null, 7, 3, 5, new Float64Array(3));
    expect(r.random.map((ph) => ph.length)).toEqual([2, 0, 1]);
    const [x, y] = r.random[0]!;
    expect(draws(x!.at(4), 3)).toEqual(draws(keyed(7, "x").at(4), 3));
    expect(draws(y!.at(4), 3)).toEqual(draws(keyed(7, "y").at(4), 3));
    expect(r.random[2]![0]).toBe(y);
  });
});

describe("stepSites(range, step)", () => {
  it("runs every phase's begin once in order, then each site of the range through every phase's site function (site-major), timing each phase", () => {
    const log: string[] = [];
    const phases: Phase<string[]>[] = [
      { name: "p", streams: [], begin: (ctx, step) => ctx.push(`p:begin:${step}`) },
      { name: "q", streams: ["q"], begin: (ctx) => ctx.push("q:begin"), site: (ctx, s, [r]) => ctx.push(`q:${s}:${typeof r!.at}`) },
      { name: "r", streams: [], site: (ctx, s) => ctx.push(`r:${s}`) },
    ];
    const timings = new Float64Array(3);
    stepSites(siteRange(phases, log, 1, 2, 4, timings), 5);
    expect(log).toEqual(["p:begin:5", "q:begin", "q:2:function", "r:2", "q:3:function", "r:3"]);
    expect([...timings].every((t) => t >= 0)).toBe(true);
    expect(timings[1]! + timings[2]!).toBeGreaterThan(0);
  });

  it("positions every source at the step, so a site's draws depend on (seed, source, step, entity) alone, not on the range", () => {
    const seen = new Map<string, number[]>();
    const record: Phase<Map<string, number[]>>[] = [{ name: "r", streams: ["z"], site: (ctx, s, [z]) => ctx.set(`${s}`, draws((z as KeyedRandom).at(s), 3)) }];
    const run = (ranges: Array<[number, number]>, step: number) => {
      seen.clear();
      for (const [a, b] of ranges) stepSites(siteRange(record, seen, 9, a, b, new Float64Array(1)), step);
      return [...seen].sort();
    };
    expect(run([[0, 2], [2, 5]], 6)).toEqual(run([[0, 5]], 6));
    const z = keyed(9, "z");
    z.step(6);
    expect(run([[0, 5]], 6).find(([s]) => s === "3")![1]).toEqual(draws(z.at(3), 3));
    expect(run([[0, 5]], 7)).not.toEqual(run([[0, 5]], 6));
  });
});

describe("PHASES (the model's schedule)", () => {
  it("SCHEDULE lists the phase names in order", () => {
    expect(SCHEDULE).toEqual(PHASES.map((p) => p.name));
    expect(SCHEDULE[0]).toBe("schedule");
    expect(SCHEDULE[SCHEDULE.length - 1]).toBe("collect");
  });

  it("gives every random source to one phase only, so a process never shares another's draws", () => {
    const names = PHASES.flatMap((p) => [...p.streams]);
    expect(new Set(names).size).toBe(names.length);
  });
});
