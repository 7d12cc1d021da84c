import { describe, expect, it } from "vitest";
import { InputError, InputErrors, compare, createSimulation, resolveScenario } from "../src/index.js";
import { resolveParams, resolveScale } from "../src/engine.js";
import { show } from "../src/errors.js";
import { checkFits, estimateMemory, checkExperimentFits, estimateExperimentMemory } from "../src/scale.js";
import { planExperiment } from "../src/engine.js";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e instanceof InputError || e instanceof InputErrors, String(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected an input error");
}

describe("resolveParams(input) refuses prototype keys as unknown keys", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("params.%s and params.labour.%s", (key) => {
    const input = JSON.parse(`{"${key}": {"labour": {"separationRate": 3}}, "labour": {"${key}": 1}}`);
    const m = messageOf(() => resolveParams(input));
    expect(m).toContain(`invalid params.${key}: `);
    expect(m).toContain(`invalid params.labour.${key}: 1 (expected one of the keys of params.labour: `);
  });
});

describe("resolveParams(input) with millions of unknown keys", () => {
  it("names the first ten and counts the rest in one message", () => {
    const labour: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) labour[`k${i}`] = 1;
    const e = (() => {
      try {
        resolveParams({ labour });
      } catch (x) {
        return x as InputErrors;
      }
      throw new Error("accepted");
    })();
    expect(e.errors).toHaveLength(11);
    expect(e.message).toContain("invalid params.labour.k9: 1");
    expect(e.message).not.toContain("params.labour.k10:");
    expect(e.message).toMatch(/invalid params\.labour: "100000 keys not in the model" .*; 99990 unknown keys besides the ones listed/);
  });
});

describe("InputErrors(errors)", () => {
  it("lists the first 20 problems and counts the rest", () => {
    const errors = Array.from({ length: 25 }, (_, i) => new InputError(`f${i}`, i, "nothing"));
    const m = new InputErrors(errors, "x.json").message;
    expect(m.split("\n")).toHaveLength(22);
    expect(m).toMatch(/^x\.json: 25 problems\n/);
    expect(m).toContain("invalid f19: 19");
    expect(m).not.toContain("invalid f20");
    expect(m).toMatch(/\.\.\. and 5 more$/);
  });
});

describe("show(value)", () => {
  it("shows non-finite numbers as themselves, not as JSON's null", () => {
    expect(show(Infinity)).toBe("Infinity");
    expect(show(-Infinity)).toBe("-Infinity");
    expect(show(NaN)).toBe("NaN");
    expect(show({ a: Infinity })).toBe('{"a":"Infinity"}');
    expect(messageOf(() => resolveParams(JSON.parse('{"labour": {"separationRate": 1e309}}')))).toContain("invalid params.labour.separationRate: Infinity (expected a finite number");
  });
  it("cuts a long string and gives its length", () => {
    expect(show("x".repeat(40_000))).toBe(`"${"x".repeat(60)}"... (40000 characters)`);
  });
  it("survives a value too deep for JSON.stringify", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(show(deep)).toBe("[...]");
  });
});

describe("resolveScale(scale)", () => {
  it("suggests the scale name a typo was meant to be", () => {
    expect(messageOf(() => resolveScale("conty", "--scale"))).toMatch(/^invalid --scale: "conty" \(expected county, province, national or a whole number \(in \[1, 50000000\] households\)\); did you mean 'county'\?$/);
    expect(messageOf(() => resolveScale("constructor"))).toMatch(/^invalid scale: "constructor"/);
  });
});

describe("checkFits(households, threads, fields, machine)", () => {
  const machine = { memory: 16 * 2 ** 30, cpus: 2 };
  it("estimates memory from bytes per household plus a base and a cost per extra thread", () => {
    expect(estimateMemory(2_000_000, 2) - estimateMemory(1_000_000, 2)).toBe(327_000_000);
    expect(estimateMemory(10_000, 2)).toBeGreaterThan(estimateMemory(10_000, 1));
  });
  it("accepts the national scale on a 16 GB, 2-CPU machine", () => {
    expect(() => checkFits(2_660_000, 2, undefined, machine)).not.toThrow();
  });
  it("refuses 50,000,000 households on 16 GB with the estimate and the limit", () => {
    expect(messageOf(() => checkFits(50_000_000, 1, undefined, machine))).toMatch(
      /^invalid scale: 50000000 \(expected a run that fits in memory: at most about [\d,]+ households here\); 50,000,000 households on 1 thread need about 15\.5 GB, above 80% of this machine's 16\.0 GB$/,
    );
  });
  it("refuses more threads than CPUs", () => {
    expect(messageOf(() => checkFits(2_660_000, 64, { scale: "--scale", threads: "--threads" }, machine))).toBe("invalid --threads: 64 (expected a whole number from 1 to 2 (the CPUs of this machine))");
  });
});

describe("checkExperimentFits(households, workers, keptValues, machine)", () => {
  const machine = { memory: 16 * 2 ** 30, cpus: 2 };
  it("estimates each worker's own population and overhead, and 8 bytes a value kept in memory", () => {
    const one = estimateExperimentMemory(200_000, 1);
    expect(estimateExperimentMemory(200_000, 2) - one).toBe(149 * 2 ** 20 + 200_000 * 519);
    expect(estimateExperimentMemory(200_000, 1, 1_000_000) - one).toBe(8_000_000);
  });
  it("accepts the national scale on two workers on a 16 GB machine", () => {
    expect(() => checkExperimentFits(2_660_000, 2, 0, machine)).not.toThrow();
  });
  it("refuses workers whose populations together do not fit, with the estimate and the limit", () => {
    // One national run fits (checkFits accepts it); eight at once do not.
    expect(() => checkFits(2_660_000, 1, undefined, machine)).not.toThrow();
    expect(messageOf(() => checkExperimentFits(2_660_000, 8, 0, machine))).toMatch(
      /^invalid scale: 2660000 \(expected an experiment that fits in memory: at most about [\d,]+ households with 8 workers here\); 2,660,000 households on 8 workers need about 1[3-9]\.\d GB, above 80% of this machine's 16\.0 GB; use fewer workers, a smaller scale$/,
    );
  });
  it("refuses kept values that do not fit in memory, naming them", () => {
    expect(messageOf(() => checkExperimentFits(10_000, 1, 2e9, machine))).toMatch(/\(expected an experiment that fits in memory: its kept values alone do not fit here\); 10,000 households on 1 worker and 2,000,000,000 kept values in memory \(14\.9 GB\) need about 14\.9 GB, above 80% of this machine's 16\.0 GB; .*a run store on disk$/);
  });
  it("planExperiment refuses an experiment this machine cannot hold before anything runs", () => {
    expect(messageOf(() => planExperiment({ scenarios: [{ name: "x" }], scale: 50_000_000, workers: 1 }))).toMatch(/^invalid scale: 50000000 \(expected an experiment that fits in memory/);
  });
});

describe("resolveScenario(s) with parameters nested deeper than MAX_NESTING", () => {
  const deep = (n: number) => {
    let v: Record<string, unknown> = { x: 1 };
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };
  it("refuses a scenario nested 3,000 deep from code with the depth limit and the path (it used to overflow the stack)", () => {
    const message = messageOf(() => resolveScenario({ name: "deep", params: { labour: deep(3000) } }));
    expect(message).toMatch(/invalid scenario\.params\.labour(\.a){63}: \{"a":.*\(expected a value nested at most 64 deep\); it is nested deeper/);
    expect(messageOf(() => createSimulation({ name: "deep", params: deep(3000) }))).toMatch(/expected a value nested at most 64 deep/);
  });
  it("refuses parameters that refer to themselves", () => {
    const params: Record<string, unknown> = {};
    params.labour = params;
    expect(messageOf(() => resolveScenario({ name: "cycle", params }))).toMatch(/expected a value nested at most 64 deep\); it is nested deeper \(or refers to itself\)/);
  });
});

describe("the API's arguments", () => {
  const s = { name: "x", params: { horizon: { months: 2 } } };
  it("createSimulation(s, null) is an InputError, not a TypeError", () => {
    expect(messageOf(() => createSimulation(s, null as never))).toMatch(/^invalid options: null \(expected an object of simulation options/);
  });
  it("compare(b, []) rejects: there is nothing to compare", async () => {
    await expect(compare(s, [])).rejects.toThrow(/^invalid scenarios: \[\] \(expected a non-empty array of scenarios to compare with the baseline\)$/);
  });
});
