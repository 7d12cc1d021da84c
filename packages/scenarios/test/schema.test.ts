import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { checkCalibration } from "@relocsim/core/engine";
import { generatedFiles, scenarioSchema, comparisonSchema, designSchema, calibrationSchema, loadScenarioFile, resolveDesign, scenario } from "../src/index.ts";

const root = resolve(import.meta.dirname, "../../..");
const scenariosDir = join(root, "scenarios");
const files = readdirSync(scenariosDir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
const read = (f: string) => JSON.parse(readFileSync(join(scenariosDir, f), "utf8"));

let compiled: ReturnType<typeof compile> | undefined;
function compile() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const s of [scenarioSchema(), comparisonSchema(), designSchema(), calibrationSchema()]) ajv.addSchema(s);
  const get = (id: string) => ajv.getSchema(id)!;
  return { scenario: get("scenario.schema.json"), comparison: get("comparison.schema.json"), design: get("design.schema.json"), calibration: get("calibration.schema.json") };
}
/** The four validators, compiled once (the design and calibration schemas check every parameter's range). */
function validators() {
  return (compiled ??= compile());
}

/** The kind of a shipped file, from the schema it names. */
function kindOf(json: { $schema?: string }): "scenario" | "comparison" | "design" | "calibration" {
  const m = /(comparison|design|calibration)\.schema\.json$/.exec(json.$schema ?? "");
  return (m?.[1] as "comparison" | "design" | "calibration" | undefined) ?? "scenario";
}

describe("JSON Schemas of scenario, comparison, design and calibration files", () => {
  it("the checked-in schemas, scenarios/historical.json and the README catalogue are up to date (regenerate with npx tsx packages/scenarios/scripts/generate.ts)", () => {
    for (const [path, content] of Object.entries(generatedFiles(root))) {
      expect(readFileSync(join(root, path), "utf8"), path).toBe(content);
    }
  });

  it("the schemas compile under ajv's strict mode", () => {
    const v = validators();
    for (const k of ["scenario", "comparison", "design", "calibration"] as const) expect(typeof v[k]).toBe("function");
  });

  it("every shipped design and calibration file names its schema, as the scenario and comparison files do", () => {
    const named = (k: string) => files.filter((f) => kindOf(read(f)) === k);
    expect(named("design").sort()).toEqual(files.filter((f) => "design" in read(f)).sort());
    expect(named("calibration")).toEqual(files.filter((f) => "targets" in read(f)));
    expect(named("design").length + named("calibration").length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(read(f).$schema, f).toMatch(/^\.\/(scenario|comparison|design|calibration)\.schema\.json$/);
  });

  for (const f of files) {
    it(`scenarios/${f} validates against its JSON Schema (ajv)`, () => {
      const json = read(f);
      const validate = validators()[kindOf(json)];
      const ok = validate(json);
      expect(validate.errors ?? [], f).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it("the schema rejects what our validator rejects for unknown keys, wrong types and out-of-range values", () => {
    const { scenario: validate } = validators();
    expect(validate({ name: "x", params: { policies: { landRights: { enabeld: true } } } })).toBe(false);
    expect(validate.errors![0]).toMatchObject({ instancePath: "/params/policies/landRights", keyword: "additionalProperties" });
    expect(validate({ name: "x", params: { policies: { gridManagement: { enabled: "yes" } } } })).toBe(false);
    expect(validate.errors![0]).toMatchObject({ instancePath: "/params/policies/gridManagement/enabled", keyword: "type" });
    expect(validate({ name: "x", params: { labour: { separationRate: 3 } } })).toBe(false);
    expect(validate.errors![0]).toMatchObject({ instancePath: "/params/labour/separationRate", keyword: "maximum" });
    expect(validate({ name: "x", params: { environment: { demandShock: "year == 2020 ? 0.3 : 0" } } })).toBe(true);
    expect(validate({ name: "x", params: { horizon: { months: "12 * 5" } } })).toBe(false);
  });

  it("every parameter's description gives its default and source", () => {
    const s = scenarioSchema() as any;
    const sep = s.properties.params.properties.labour.properties.separationRate;
    expect(sep.description).toMatch(/Default: 0\.2 per year; range \[0, 1\]; may be a mathjs expression/);
    expect(sep.description).toMatch(/Source: assumption/);
    expect(sep.type).toEqual(["number", "string"]);
    expect(s.properties.params.properties.policies.properties.vocationalTraining.properties.mode.enum).toEqual(["none", "uniform", "needsBased"]);
  });

  it("scenarios/historical.json is the named scenario 'historical' with its notes as $comment", () => {
    const file = loadScenarioFile(join(scenariosDir, "historical.json")).scenario;
    expect(file.input).toEqual(scenario("historical").params);
    expect(readFileSync(join(scenariosDir, "historical.json"), "utf8")).toContain("mechanism against return to poverty");
  });
});

/** A design file the reader and the schema both accept, to break one way at a time. */
const goodDesign = () => ({
  $schema: "./design.schema.json",
  name: "d",
  scenario: "historical",
  parameters: ["labour.*", { path: "population.networkDegree", range: [4, 10] }, { path: "environment.povertyLine2019", range: [3000, 4000] }],
  design: { type: "morris", trajectories: 4, levels: 4 },
  outcomes: ["poverty_rate", "employment_rate"],
  horizon: "2025-12",
});

/** A calibration file the reader and the schema both accept. */
const goodCalibration = () => ({
  $schema: "./calibration.schema.json",
  name: "c",
  scenario: "historical",
  parameters: [{ path: "labour.farmingIncome", range: [200, 400], prior: "uniform", why: "fitted" }, { path: "environment.povertyLine2019", range: [3000, 4000] }],
  targets: [{ metric: "employment_rate", date: "2021-12", value: 0.919, tolerance: 0.02, source: "NDRC" }],
  particles: 10,
  scale: "county",
});

/** What relocsim's reader says: the fields of its errors, none if it accepts the file. */
function readerErrors(check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (e) {
    const errors = (e as { errors?: Array<{ field: string }> }).errors ?? [e as { field: string }];
    return errors.map((x) => x.field);
  }
}

describe("the design and calibration schemas agree with the files' readers (designFile.ts, calibrationFile.ts)", () => {
  const designCases: Array<[string, (d: Record<string, any>) => void, string]> = [
    ["an unknown parameter", (d) => (d.parameters[1].path = "population.networkDegre"), "parameters[1]"],
    ["a range outside the documented one", (d) => (d.parameters[1].range = [1, 12]), "parameters[1] range"],
    ["a range outside the accepted values (no documented range)", (d) => (d.parameters[2].range = [-1, 4000]), "parameters[2] range"],
    ["a parameter without a documented range and no range", (d) => delete d.parameters[2].range, "parameters[2] range"],
    ["an empty parameter list", (d) => (d.parameters = []), "parameters"],
    ["an unknown key", (d) => (d.replicatons = 2), "replicatons"],
    ["an unknown design type", (d) => (d.design = { type: "morriss" }), "design.type"],
    ["odd Morris levels", (d) => (d.design.levels = 3), "design.levels"],
    ["an unknown metric", (d) => d.outcomes.push("per_capita_incme"), "outcomes[2]"],
    ["an unknown group", (d) => (d.group = "site:urbn"), "group"],
    ["a group pattern with no documented parameter", (d) => d.parameters.push("horizon.*"), "parameters[3]"],
  ];
  it("a good design file: both accept it", () => {
    expect(readerErrors(() => resolveDesign(goodDesign()))).toEqual([]);
    const v = validators().design;
    expect(v(goodDesign()), JSON.stringify(v.errors?.slice(0, 3))).toBe(true);
  });
  bothRefuse("design", goodDesign, designCases, resolveDesign);

  const calibrationCases: Array<[string, (c: Record<string, any>) => void, string]> = [
    ["an unknown parameter", (c) => (c.parameters[0].path = "labour.farmingIncom"), "parameters[0].path"],
    ["a range outside the documented one", (c) => (c.parameters[0].range = [100, 400]), "parameters[0].range"],
    ["a range outside the accepted values", (c) => (c.parameters[1].range = [-1, 5000]), "parameters[1].range"],
    ["a parameter without a documented range and no range", (c) => delete c.parameters[1].range, "parameters[1].range"],
    ["an unknown prior", (c) => (c.parameters[0].prior = "normal"), "parameters[0].prior"],
    ["an empty target list", (c) => (c.targets = []), "targets"],
    ["a target after 2021", (c) => (c.targets[0].date = "2022-01"), "targets[0].date"],
    ["a target dated 2021-13", (c) => (c.targets[0].date = "2021-13"), "targets[0].date"],
    ["a tolerance of 0", (c) => (c.targets[0].tolerance = 0), "targets[0].tolerance"],
    ["a target without a source", (c) => (c.targets[0].source = " "), "targets[0].source"],
    ["an unknown metric", (c) => (c.targets[0].metric = "income_per_capita"), "targets[0].metric"],
    ["an unknown key", (c) => (c.particle = 10), "particle"],
    ["a quantile alpha of 1", (c) => (c.alpha = 1), "alpha"],
    ["a comment that is not text", (c) => (c.$comment = 3), "$comment"],
  ];
  it("a good calibration file, and the shipped one with a target at the last month fitted: both accept them", () => {
    const v = validators().calibration;
    for (const c of [goodCalibration(), read("calibration.json")]) {
      expect(readerErrors(() => checkCalibration(c))).toEqual([]);
      expect(v(c), JSON.stringify(v.errors?.slice(0, 3))).toBe(true);
    }
  });
  bothRefuse("calibration", goodCalibration, calibrationCases, checkCalibration);
});

/** One test per case: `good()` broken by the case is refused by the reader, naming the field, and by the schema. */
function bothRefuse(kind: "design" | "calibration", good: () => Record<string, any>, cases: Array<[string, (x: Record<string, any>) => void, string]>, reader: (x: unknown) => unknown): void {
  for (const [what, change, field] of cases) {
    it(`a ${kind} file with ${what}: the reader refuses it naming ${field}, and so does the schema`, () => {
      const x = good();
      change(x);
      expect(readerErrors(() => reader(x))).toContain(field);
      expect(validators()[kind](x)).toBe(false);
    });
  }
}
