import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, test } from "vitest";
import { reportCharts } from "../src/index.ts";
import { chartCases } from "./chartCases.ts";
import { fixtureEffects, fixtureMetrics } from "./fixtures.ts";

const require = createRequire(import.meta.url);
let validate: ReturnType<Ajv["compile"]>;

beforeAll(() => {
  const schema = JSON.parse(readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8"));
  validate = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false }).compile(schema);
});

function errors(): string {
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`).join("\n");
}

describe("every spec is valid Vega-Lite (vega-lite-schema.json)", () => {
  for (const { name, spec } of chartCases()) {
    test(`${name} validates`, () => {
      expect(validate(spec), errors()).toBe(true);
    });
  }

  test("reportCharts({metrics, effects}) specs validate", () => {
    const metrics = fixtureMetrics();
    const charts = reportCharts({ metrics, effects: fixtureEffects(metrics) });
    expect(charts.map((c) => c.name)).toEqual(["trajectories", "effects", "income-composition", "income-distribution", "integration"]);
    for (const c of charts) expect(validate(c.spec), `${c.name}: ${errors()}`).toBe(true);
  });

  test("the validator rejects an invalid spec (the check has teeth)", () => {
    expect(validate({ mark: "not-a-mark", data: { values: [] } })).toBe(false);
  });
});
