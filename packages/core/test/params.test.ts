import { describe, expect, it } from "vitest";
import { InputError, InputErrors, createSimulation, isInputError } from "../src/index.js";
import { defaultsOf, leaves, modelSpec, resolveParams, suggest } from "../src/engine.js";

/** The InputErrors thrown by f (fails the test if f does not throw one). */
function errorOf(f: () => unknown): InputErrors | InputError {
  try {
    f();
  } catch (e) {
    expect(isInputError(e), String(e)).toBe(true);
    return e as InputErrors | InputError;
  }
  throw new Error("expected an input error");
}

describe("resolveParams(input)", () => {
  it("fills every leaf with its default for empty input", () => {
    const { params, expressions } = resolveParams({});
    expect(params).toEqual(defaultsOf(modelSpec));
    // Only the defaults that are series (the 2020 migrant demand shock and its recovery).
    expect(expressions.map((x) => x.path).sort()).toEqual(["environment.demandShock", "environment.migrantFindRate"]);
  });

  it("keeps every default within its documented range", () => {
    const bad = leaves(modelSpec).filter(({ spec }) => spec.kind === "number" && (spec.default < spec.min || spec.default > spec.max || (spec.integer && !Number.isInteger(spec.default))));
    expect(bad.map((l) => l.path)).toEqual([]);
  });

  it("names an unknown key by its JSON path and suggests the nearest one", () => {
    const e = errorOf(() => resolveParams({ policies: { landRights: { enabeld: true } } }));
    expect(e).toBeInstanceOf(InputErrors);
    expect(e.message).toContain("invalid params.policies.landRights.enabeld: true");
    expect(e.message).toContain("did you mean 'enabled'?");
    expect((e as InputErrors).errors[0]!.field).toBe("params.policies.landRights.enabeld");
  });

  it("names a misspelt group too", () => {
    const e = errorOf(() => resolveParams({ polices: {} }));
    expect(e.message).toContain("invalid params.polices");
    expect(e.message).toContain("did you mean 'policies'?");
  });

  it("rejects a value of the wrong type, naming the path, the value and what was expected", () => {
    expect(errorOf(() => resolveParams({ policies: { landRights: { enabled: "yes" } } })).message).toBe('invalid params.policies.landRights.enabled: "yes" (expected true or false)');
    expect(errorOf(() => resolveParams({ labour: { separationRate: true } })).message).toContain("invalid params.labour.separationRate: true (expected a number (in [0, 1]");
    expect(errorOf(() => resolveParams({ policies: { talentIntroduction: [] } })).message).toContain("invalid params.policies.talentIntroduction: [] (expected an object)");
    expect(errorOf(() => resolveParams({ horizon: { start: "2016-13" } })).message).toContain("invalid params.horizon.start: \"2016-13\" (expected a month as YYYY-MM)");
  });

  it("rejects an out-of-range number with its range and unit", () => {
    expect(errorOf(() => resolveParams({ labour: { separationRate: 1.5 } })).message).toBe("invalid params.labour.separationRate: 1.5 (expected a number in [0, 1] per year)");
    expect(errorOf(() => resolveParams({ horizon: { months: 12.5 } })).message).toBe("invalid params.horizon.months: 12.5 (expected a whole number in [1, 600] months)");
  });

  it("rejects an unknown enum value and suggests the nearest", () => {
    const e = errorOf(() => resolveParams({ policies: { vocationalTraining: { mode: "needsbased" } } }));
    expect(e.message).toContain("invalid params.policies.vocationalTraining.mode: \"needsbased\"");
    expect(e.message).toContain("did you mean 'needsBased'?");
  });

  it("rejects an expression that does not parse, or uses names other than year, month, step and t", () => {
    const syntax = errorOf(() => resolveParams({ environment: { migrantWageFactor: "0.6 * (" } }));
    expect(syntax.message).toContain('invalid params.environment.migrantWageFactor: "0.6 * ("');
    const unknown = errorOf(() => resolveParams({ environment: { migrantWageFactor: "0.6 + yr" } }));
    expect(unknown.message).toContain("invalid params.environment.migrantWageFactor");
    expect(unknown.message).toContain("unknown symbol 'yr'");
  });

  it("rejects a time expression that leaves its range during the horizon, naming the month", () => {
    const e = errorOf(() => resolveParams({ labour: { separationRate: "0.2 + 0.2 * (year - 2016)" } }));
    expect(e.message).toContain('invalid params.labour.separationRate: "0.2 + 0.2 * (year - 2016)" (expected a number in [0, 1] per year)');
    expect(e.message).toContain("at 2021-01");
    // The same expression over a horizon that ends before 2021 is fine.
    expect(() => resolveParams({ horizon: { months: 60 }, labour: { separationRate: "0.2 + 0.2 * (year - 2016)" } })).not.toThrow();
  });

  it("refuses expressions for structural sizes", () => {
    expect(errorOf(() => resolveParams({ population: { peopleNational: "1e6 * 2" } })).message).toContain("invalid params.population.peopleNational");
  });

  it("accepts a numeric string as a number and evaluates expressions at the start", () => {
    const { params, expressions } = resolveParams({ labour: { separationRate: "0.25" }, environment: { demandShock: "year == 2020 ? 0.3 : 0" } });
    expect(params.labour.separationRate).toBe(0.25);
    expect(params.environment.demandShock).toBe(0);
    // The given expression replaces the default series; the other default series stays.
    expect(expressions.map((x) => x.path).sort()).toEqual(["environment.demandShock", "environment.migrantFindRate"]);
    expect(expressions.find((x) => x.path === "environment.demandShock")!.source).toBe("year == 2020 ? 0.3 : 0");
  });

  it("reports every problem of an input at once", () => {
    const e = errorOf(() => resolveParams({ labour: { separationRate: 2, startupRate: -1 }, policies: { landRights: { enabeld: true } } })) as InputErrors;
    expect(e.errors.map((x) => x.field)).toEqual(["params.labour.separationRate", "params.labour.startupRate", "params.policies.landRights.enabeld"]);
    expect(e.message).toMatch(/^3 problems\n/);
  });

  it("checks constraints across fields: cohort shares, initial labour shares, working ages", () => {
    expect(errorOf(() => resolveParams({ population: { cohortShare2016: 0.5, cohortShare2017: 0.5, cohortShare2018: 0.5 } })).message).toContain("invalid params.population.cohortShare2018: 0.5 (expected cohort shares 2016-2018 summing to at most 1");
    expect(errorOf(() => resolveParams({ population: { initialMigrantShare: 0.6, initialFarmingShare: 0.5 } })).message).toContain("invalid params.population.initialLocalShare");
    expect(errorOf(() => resolveParams({ population: { workingAgeMin: 30, workingAgeMax: 30 } })).message).toContain("invalid params.population.workingAgeMax");
  });
});

describe("createSimulation(scenario, options) with bad input", () => {
  it("throws the parameter errors under params.*, before building anything", () => {
    const e = errorOf(() => createSimulation({ name: "x", params: { policies: { landRights: { enabeld: true } } } }));
    expect(e.message).toContain("params.policies.landRights.enabeld");
    expect(e.message).toContain("did you mean 'enabled'?");
    expect(errorOf(() => createSimulation({ name: "x", params: { labour: { separationRate: "0.2 + 0.2 * (year - 2016)" } } })).message).toContain("at 2021-01");
  });

  it("names unknown scenario keys, bad names, seeds and scales", () => {
    expect(errorOf(() => createSimulation({ name: "x", param: {} })).message).toContain("invalid scenario.param: {} (expected one of the keys");
    expect(errorOf(() => createSimulation({ name: "x", param: {} })).message).toContain("did you mean 'params'?");
    expect(errorOf(() => createSimulation({ name: "a b" })).message).toContain('invalid scenario.name: "a b"');
    expect(errorOf(() => createSimulation({ name: "x" }, { seed: -1 })).message).toContain("invalid seed: -1");
    expect(errorOf(() => createSimulation({ name: "x" }, { seed: 1.5 })).message).toContain("invalid seed: 1.5");
    expect(errorOf(() => createSimulation({ name: "x" }, { scale: "town" as never })).message).toContain('invalid scale: "town"');
    expect(errorOf(() => createSimulation({ name: "x", extends: "baseline" })).message).toContain("invalid scenario.extends");
  });
});

describe("suggest(word, candidates)", () => {
  it("returns the nearest candidate within a small edit distance, else nothing", () => {
    expect(suggest("enabeld", ["enabled", "months"])).toBe("enabled");
    expect(suggest("Policies", ["policies", "horizon"])).toBe("policies");
    expect(suggest("xyzzy", ["enabled", "months"])).toBeUndefined();
  });
});
