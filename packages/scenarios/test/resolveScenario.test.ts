import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveScenario, loadScenarioFile, deepMerge, withoutComments, scenario } from "../src/index.ts";

describe("resolveScenario(value, {file})", () => {
  it("resolveScenario({extends: name}) merges the child's params over the named scenario, key by key", () => {
    const r = resolveScenario({ name: "x", extends: "full-strategy", params: { policies: { transitionPeriod: { months: 18 }, landRights: { enabled: false } } } });
    const p = r.scenario.params;
    expect(p.policies.transitionPeriod).toMatchObject({ enabled: true, months: 18 });
    expect(p.policies.landRights.enabled).toBe(false);
    expect(p.policies.talentIntroduction.enabled).toBe(true);
    expect(r.extends).toEqual(["full-strategy"]);
    expect(r.scenario.paperSections).toEqual(scenario("full-strategy").paperSections);
    expect(r.scenario.title).toContain("derived from Full strategy");
  });

  it("extends chains through files relative to the extending file", () => {
    const dir = mkdtempSync(join(tmpdir(), "relocsim-extends-"));
    writeFileSync(join(dir, "parent.json"), JSON.stringify({ name: "parent", extends: "historical", params: { labour: { startupRate: 0.02 } } }));
    writeFileSync(join(dir, "child.json"), JSON.stringify({ name: "child", extends: "./parent.json", title: "Child", params: { labour: { startupRate: 0.03, separationRate: 0.1 } } }));
    const r = loadScenarioFile(join(dir, "child.json"));
    expect(r.scenario).toMatchObject({ name: "child", title: "Child" });
    const p = r.scenario.params;
    expect(p.labour).toMatchObject({ startupRate: 0.03, separationRate: 0.1 });
    expect(p.policies.landRights.enabled).toBe(true);
    expect(r.extends).toHaveLength(2);
    expect(r.extends[1]).toBe("historical");
  });

  it("\"$comment\" keys are allowed anywhere and dropped from the resolved params", () => {
    const r = resolveScenario({ name: "c", $comment: "top", params: { $comment: "a", labour: { $comment: "b", startupRate: 0.02 } } });
    expect(r.scenario.input).toEqual({ labour: { startupRate: 0.02 } });
    expect(() => resolveScenario({ name: "c", params: { labour: { $comment: 3 } } })).toThrow(/invalid params\.labour\.\$comment: 3 \(expected a string/);
  });

  it("errors in an inline scenario name its JSON path", () => {
    expect(() => resolveScenario({ name: "c", params: { labour: { separationRate: 2 } } }, { where: "scenarios[1]" })).toThrow(/invalid scenarios\[1\]\.params\.labour\.separationRate: 2/);
    expect(() => resolveScenario({ nam: "c" }, { where: "scenarios[1]" })).toThrow(/invalid scenarios\[1\]\.nam: "c" .*did you mean 'name'\?/);
  });

  it("a scenario that extends itself is a cycle", () => {
    const dir = mkdtempSync(join(tmpdir(), "relocsim-cycle-"));
    writeFileSync(join(dir, "self.json"), JSON.stringify({ name: "self", extends: "./self.json" }));
    expect(() => loadScenarioFile(join(dir, "self.json"))).toThrow(/invalid extends: "\.\/self\.json" \(expected a scenario that does not extend itself/);
  });
});

describe("resolveScenario(value) nested deeper than files may be", () => {
  it("refuses, before merging, a scenario from code nested 3,000 deep (deepMerge used to overflow the stack)", () => {
    let params: Record<string, unknown> = { x: 1 };
    for (let i = 0; i < 3000; i++) params = { labour: params };
    expect(() => resolveScenario({ name: "deep", extends: "baseline", params })).toThrow(/^invalid params(\.labour){64}: .*\(expected a value nested at most 64 deep\)/);
  });
});

describe("deepMerge(parent, child)", () => {
  it("deepMerge merges objects, replaces everything else, and changes neither argument", () => {
    const parent = { a: { b: 1, c: [1, 2] }, d: "x" };
    const child = { a: { c: [3] }, e: true };
    expect(deepMerge(parent, child)).toEqual({ a: { b: 1, c: [3] }, d: "x", e: true });
    expect(parent).toEqual({ a: { b: 1, c: [1, 2] }, d: "x" });
    expect(withoutComments({ $comment: "x", a: [{ $comment: "y", b: 1 }] })).toEqual({ a: [{ b: 1 }] });
  });
});
