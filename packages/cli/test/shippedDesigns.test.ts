import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pointValues, withValues } from "@relocsim/core/engine";
import { loadDesign } from "@relocsim/scenarios";
import { designSeed, designUnits } from "../src/runDesign.ts";
import { root } from "./relocsim.ts";

// Every point of a shipped design must be a combination the model accepts: a design point is
// checked against the rules across parameters (cohort shares summing to at most 1, initial
// shares at most the labour force) only when the command plans it, so a range that breaks
// one would stop `relocsim sensitivity scenarios/sensitivity.json` before its first run.
const designFiles = readdirSync(join(root, "scenarios"))
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json") && "design" in JSON.parse(readFileSync(join(root, "scenarios", f), "utf8")))
  .map((f) => `scenarios/${f}`);

describe("the shipped design files", () => {
  it("are the three the docs describe", () => {
    expect(designFiles.sort()).toEqual(["scenarios/calibration-screening.json", "scenarios/sensitivity-sobol.json", "scenarios/sensitivity.json"]);
  });
  for (const file of designFiles) {
    it(`${file}: every design point is accepted by the scenario`, () => {
      const design = loadDesign(join(root, file));
      const { units } = designUnits(design.design, design.parameters.length, designSeed(design, {}));
      expect(units.length).toBeGreaterThan(0);
      const refused = units.map((u, i) => {
        try {
          withValues(design.scenario, pointValues(design.parameters, u), `p${i}`);
          return undefined;
        } catch (e) {
          return `point ${i}: ${(e as Error).message}`;
        }
      }).filter(Boolean);
      expect(refused.slice(0, 3)).toEqual([]);
    }, 300_000); // 3,072 points resolved one by one: about 7 s idle, over a minute on a loaded machine
  }
});
