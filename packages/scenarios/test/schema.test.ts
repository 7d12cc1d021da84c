import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { generatedFiles, scenarioSchema, comparisonSchema, loadScenarioFile, scenario } from "../src/index.ts";

const root = resolve(import.meta.dirname, "../../..");
const scenariosDir = join(root, "scenarios");
// Design files (sweep, sensitivity: a "design" key) and calibration files (their "targets") have no schema of their own yet: relocsim sweep, sensitivity and calibrate check them.
const files = readdirSync(scenariosDir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json") && !["design", "targets"].some((k) => k in JSON.parse(readFileSync(join(scenariosDir, f), "utf8"))));

function validators() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema(scenarioSchema());
  ajv.addSchema(comparisonSchema());
  return { scenario: ajv.getSchema("scenario.schema.json")!, comparison: ajv.getSchema("comparison.schema.json")! };
}

describe("JSON Schemas of scenario and comparison files", () => {
  it("the checked-in schemas, scenarios/historical.json and the README catalogue are up to date (regenerate with npx tsx packages/scenarios/scripts/generate.ts)", () => {
    for (const [path, content] of Object.entries(generatedFiles(root))) {
      expect(readFileSync(join(root, path), "utf8"), path).toBe(content);
    }
  });

  it("the schemas compile under ajv's strict mode", () => {
    const v = validators();
    expect(typeof v.scenario).toBe("function");
    expect(typeof v.comparison).toBe("function");
  });

  for (const f of files) {
    it(`scenarios/${f} validates against its JSON Schema (ajv)`, () => {
      const json = JSON.parse(readFileSync(join(scenariosDir, f), "utf8"));
      const kind = /comparison\.schema\.json$/.test(json.$schema ?? "") ? "comparison" : "scenario";
      const validate = validators()[kind];
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
