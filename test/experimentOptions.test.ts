import { describe, expect, it } from "vitest";
import { InputErrors } from "../packages/core/src/index.ts";
import { experimentSpec, planExperiment, type LeafSpec } from "../packages/core/src/engine.ts";
import { comparisonSchema, resolveComparison, scenario } from "../packages/scenarios/src/index.ts";
import { specValue } from "../packages/cli/src/args.ts";

function expectedOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    return (e instanceof InputErrors ? e.errors : [e as { field: string; expected: string }]).map((x) => `${x.field.replace(/^--/, "")}: ${x.expected}`);
  }
  throw new Error("accepted");
}

// One bad value per option, given the way each entry point takes it.
const BAD: Array<[name: string, value: unknown, flag: string]> = [
  ["replications", 0, "0"],
  ["seed", 2 ** 31, String(2 ** 31)],
  ["scale", "cuonty", "cuonty"],
  ["groups", ["all", "site:urbn"], "all,site:urbn"],
  ["metrics", ["employment_rate", "employment_rate"], "employment_rate,employment_rate"],
  ["every", 0, "0"],
];

describe("experiment options are declared once (experimentSpec)", () => {
  for (const [name, value, flag] of BAD) {
    it(`${name}: a comparison file, planExperiment and --${name} reject ${JSON.stringify(value)} with the same expectation`, () => {
      const file = expectedOf(() => resolveComparison({ name: "c", baseline: "baseline", scenarios: ["historical"], [name]: value }));
      const plan = expectedOf(() => planExperiment({ scenarios: [scenario("baseline")], [name]: value }));
      const cli = expectedOf(() => specValue({ [name]: flag }, name, experimentSpec.fields[name as keyof typeof experimentSpec.fields] as LeafSpec));
      expect(file).toHaveLength(1);
      expect(plan).toEqual(file);
      expect(cli).toEqual(file);
    });
  }

  it("planExperiment reports every bad option at once", () => {
    expect(expectedOf(() => planExperiment({ scenarios: [scenario("baseline")], replications: 0, every: 0, workers: 0 }))).toHaveLength(3);
  });

  it("comparisonSchema() states each option's range and default as the spec does", () => {
    const p = comparisonSchema().properties as Record<string, Record<string, unknown>>;
    for (const name of ["replications", "seed", "every"] as const) {
      const s = experimentSpec.fields[name];
      expect(p[name]).toMatchObject({ type: "integer", minimum: s.min, maximum: s.max, default: s.default });
    }
    expect(p.groups!.default).toEqual(experimentSpec.fields.groups.default);
    expect(p.workers).toBeUndefined();
  });
});
