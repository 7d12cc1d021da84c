import { describe, expect, it } from "vitest";
import { GROUPS, METRICS, createSimulation } from "../src/index.js";
import { rowsToCsv, CSV_HEADER } from "../src/engine.js";

const scenario = { name: "det", params: { horizon: { months: 36 }, policies: { collectiveAssets: { enabled: true }, vocationalTraining: { mode: "needsBased" } } } };
const run = (seed: number, sc: Record<string, unknown> = scenario) => createSimulation(sc, { seed, scale: 400 }).run();

describe("createSimulation(scenario, { seed }).run().results()", () => {
  it("is identical for the same scenario and seed", () => {
    const a = rowsToCsv(run(7).results());
    const b = rowsToCsv(run(7).results());
    expect(a.startsWith(CSV_HEADER + "\n")).toBe(true);
    expect(a.length).toBeGreaterThan(10_000);
    expect(a).toBe(b);
  });

  it("differs between seeds", () => {
    expect(rowsToCsv(run(7).results())).not.toBe(rowsToCsv(run(8).results()));
  });

  it("does not depend on whether the simulation is stepped by hand or run", () => {
    const s = createSimulation(scenario, { seed: 7, scale: 400 });
    while (!s.done) s.step();
    expect(rowsToCsv(s.results())).toBe(rowsToCsv(run(7).results()));
  });

  it("builds the same population whatever the policies (common random numbers)", () => {
    const on = createSimulation({ name: "on", params: { policies: { landRights: { enabled: true }, talentIntroduction: { enabled: true } } } }, { seed: 3, scale: 400 });
    const off = createSimulation({ name: "off" }, { seed: 3, scale: 400 });
    expect(Array.from(on.state.persons.age)).toEqual(Array.from(off.state.persons.age));
    expect(Array.from(on.state.sites.openStep)).toEqual(Array.from(off.state.sites.openStep));
    expect(Array.from(on.state.households.neighbours)).toEqual(Array.from(off.state.households.neighbours));
  });

  it("records scenario, replicate, seed, 1-based steps, YYYY-MM dates and known groups and metrics", () => {
    const s = createSimulation({ name: "rows", params: { horizon: { months: 3 } } }, { seed: 5, replicate: 2, scale: 100 }).run();
    const rows = s.results();
    expect(new Set(rows.map((r) => r.step))).toEqual(new Set([1, 2, 3]));
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(["2016-01", "2016-02", "2016-03"]));
    expect(rows.every((r) => r.scenario === "rows" && r.replicate === 2 && r.seed === 5)).toBe(true);
    expect(rows.every((r) => (GROUPS as readonly string[]).includes(r.group) && (METRICS as readonly string[]).includes(r.metric))).toBe(true);
  });
});

describe("sim.step(), sim.metric(name, group, step) and sim.summary()", () => {
  it("refuses a step past the horizon", () => {
    const s = createSimulation({ name: "x", params: { horizon: { months: 2 } } }, { scale: 50 }).run();
    expect(s.done).toBe(true);
    expect(() => s.step()).toThrow("invalid step: 3 (expected at most 2 steps (the horizon))");
  });

  it("refuses unknown metrics, groups and steps not yet taken", () => {
    const s = createSimulation({ name: "x", params: { horizon: { months: 2 } } }, { scale: 50 });
    expect(s.summary()).toEqual({});
    s.step();
    expect(() => s.metric("employment")).toThrow("invalid metric: \"employment\"");
    expect(() => s.metric("persons", "site:town")).toThrow("invalid group: \"site:town\"");
    expect(() => s.metric("persons", "all", 2)).toThrow("invalid step: 2 (expected a step from 1 to 1)");
    expect(s.summary().all!.persons).toBe(s.metric("persons"));
  });

  it("applies time expressions each step (the policy schedule)", () => {
    const s = createSimulation({ name: "x", params: { horizon: { months: 30 }, environment: { demandShock: "year == 2017 ? 0.5 : 0" } } }, { scale: 50 });
    const seen: number[] = [];
    while (!s.done) { s.step(); seen.push(s.params.environment.demandShock); }
    expect(seen.slice(0, 12).every((x) => x === 0)).toBe(true);
    expect(seen.slice(12, 24).every((x) => x === 0.5)).toBe(true);
    expect(seen.slice(24).every((x) => x === 0)).toBe(true);
  });
});
