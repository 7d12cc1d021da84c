import { describe, expect, it } from "vitest";
import { createSimulation, resolveScenario } from "../src/index.js";
import { isResolvedScenario, scenarioHash, withValues } from "../src/engine.js";
import { fromScenarioData, scenarioData } from "../src/resolvedScenario.js";

const shock = { name: "shock", title: "A shock", params: { horizon: { months: 36 }, environment: { demandShock: "year == 2017 ? 0.5 : 0" } } };

describe("resolveScenario(scenario)", () => {
  it("fills in the envelope's defaults, resolves params and keeps expressions with paths inside params", () => {
    const r = resolveScenario({ name: "x", params: { labour: { separationRate: "0.25" }, environment: { demandShock: "year == 2020 ? 0.3 : 0" } } });
    expect(r).toMatchObject({ name: "x", title: "x", description: "", paperSections: [] });
    expect(r.params.labour.separationRate).toBe(0.25);
    expect(r.input).toEqual({ labour: { separationRate: "0.25" }, environment: { demandShock: "year == 2020 ? 0.3 : 0" } });
    expect(r.expressions.map((e) => e.path)).toContain("environment.demandShock");
    expect(isResolvedScenario(r)).toBe(true);
    expect(isResolvedScenario({ ...r })).toBe(false);
  });

  it("names paths under `where` in errors, and refuses an unresolved `extends`", () => {
    expect(() => resolveScenario({ name: "x", params: { labour: { separationRate: 2 } } }, { where: "scenarios[1]" })).toThrow("invalid scenarios[1].params.labour.separationRate: 2");
    expect(() => resolveScenario({ name: "x", params: { environment: { demandShock: "1 + yr" } } })).toThrow(/invalid params\.environment\.demandShock: "1 \+ yr"/);
    expect(() => resolveScenario({ name: "x", extends: "historical" })).toThrow('invalid scenario.extends: "historical" (expected a resolved scenario');
  });

  it("hash: the same for reordered keys and added $comments, different for another value or name", () => {
    const a = resolveScenario({ name: "h", params: { labour: { separationRate: 0.2, startupRate: 0.01 }, horizon: { months: 60 } } });
    const b = resolveScenario({ name: "h", params: { horizon: { months: 60 }, $comment: "why", labour: { startupRate: 0.01, separationRate: 0.2, $comment: "source" } } });
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.hash).toBe(a.hash);
    expect(scenarioHash("h", { horizon: { months: 61 }, labour: { separationRate: 0.2, startupRate: 0.01 } })).not.toBe(a.hash);
    expect(scenarioHash("g", a.input)).not.toBe(a.hash);
  });
});

describe("scenarioData(resolved) and fromScenarioData(data), for worker threads", () => {
  it("carry the resolved values and expression sources through a structured clone and run identically", () => {
    const r = resolveScenario(shock);
    const copy = fromScenarioData(structuredClone(scenarioData(r)));
    expect(isResolvedScenario(copy)).toBe(true);
    expect(copy.params).toEqual(r.params);
    expect(copy.expressions.map((e) => [e.path, e.source])).toEqual(r.expressions.map((e) => [e.path, e.source]));
    const a = createSimulation(r, { seed: 2, scale: 60 }).run();
    const b = createSimulation(copy, { seed: 2, scale: 60 }).run();
    expect(b.results()).toEqual(a.results());
  });
});

describe("createSimulation(resolvedOrRaw, options)", () => {
  it("gives the same results for a scenario object and its resolved scenario", () => {
    const a = createSimulation(shock, { seed: 3, scale: 60 }).run();
    const b = createSimulation(resolveScenario(shock), { seed: 3, scale: 60 }).run();
    expect(b.results()).toEqual(a.results());
    expect(a.scenario.hash).toBe(resolveScenario(shock).hash);
  });

  it("takes seeds in the one range every entry point uses, 0 to 2^31 - 1", () => {
    expect(() => createSimulation({ name: "x" }, { seed: 2 ** 31 })).toThrow("invalid seed: 2147483648 (expected a whole number in [0, 2147483647])");
    expect(() => createSimulation({ name: "x" }, { seed: 1.5 })).toThrow("invalid seed: 1.5 (expected a whole number in [0, 2147483647])");
  });
});

describe("withValues(resolved, values)", () => {
  it("sets numeric parameters by path, replacing a time expression, and keeps the rest", () => {
    const r = resolveScenario(shock);
    const v = withValues(r, { "labour.separationRate": 0.3, "environment.demandShock": 0.1 }, "point-1");
    expect(v.name).toBe("point-1");
    expect(v.params.labour.separationRate).toBe(0.3);
    expect(v.params.environment.demandShock).toBe(0.1);
    expect(v.expressions.map((e) => e.path)).not.toContain("environment.demandShock");
    expect(v.params.horizon.months).toBe(36);
    expect(v.hash).not.toBe(r.hash);
    expect(r.params.labour.separationRate).not.toBe(0.3); // the original is untouched
    expect(isResolvedScenario(v)).toBe(true);
  });

  it("refuses an unknown path or a value out of range, naming the path", () => {
    const r = resolveScenario(shock);
    expect(() => withValues(r, { "labour.separationRat": 0.3 })).toThrow(/params\.labour\.separationRat/);
    expect(() => withValues(r, { "labour.separationRate": 2 })).toThrow(/params\.labour\.separationRate/);
  });
});
