/**
 * Invariants of the model over its documented parameter ranges (fast-check). Every run draws a
 * value for each leaf of the parameter spec within its [min, max] (structural population sizes
 * and shares with cross-field constraints keep their defaults), then simulates 200 households
 * for 48 months (every site opens by then). Runs use a fixed fast-check seed so failures reproduce; set FC_SEED to explore.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { METRICS, createSimulation, type Simulation } from "../src/index.js";
import { leaves, modelSpec, type LeafSpec } from "../src/engine.js";
import { Emp } from "../src/kernel/state.js";
import { members } from "./helpers.js";

const FC = { numRuns: 20, seed: Number(process.env.FC_SEED ?? 20_251_129) };
const HOUSEHOLDS = 200;
const MONTHS = 48;

/** Population leaves safe to draw freely (the others are national sizes or constrained together). */
const POPULATION = new Set(["urbanPeopleShare", "siteSizeSigma", "disabledShare", "schoolingShare16to18", "skillMean", "landMuMean", "savingsMonths", "areaPerPerson", "networkDegree", "networkRewire"].map((k) => `population.${k}`));
const DRAWN = leaves(modelSpec).filter(({ path }) => !path.startsWith("horizon.") && (!path.startsWith("population.") || POPULATION.has(path)));

function leafArbitrary(spec: LeafSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case "number":
      return spec.integer ? fc.integer({ min: spec.min, max: spec.max }) : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...spec.values);
    case "string":
    case "list":
      return fc.constant(spec.default);
  }
}

function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(flat)) {
    const keys = path.split(".");
    let o = out;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]!] = v;
  }
  return out;
}

/** Parameter input with every drawn leaf inside its range, plus overrides, and a run seed. */
const input = (overrides: Record<string, unknown> = {}) =>
  fc.record({
    params: fc.record(Object.fromEntries(DRAWN.map(({ path, spec }) => [path, leafArbitrary(spec)]))).map((flat) => nest({ ...flat, "horizon.months": MONTHS, ...overrides })),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

const simOf = ({ params, seed }: { params: Record<string, unknown>; seed: number }): Simulation => createSimulation({ name: "prop", params }, { seed, scale: HOUSEHOLDS });

/** Metrics that are rates or shares of a whole (0-1). Income source shares are checked apart. */
const RATES = METRICS.filter((m) => /_rate$|_share$|^integration_|^housing_condition$|^income_gini$/.test(m) && !/_income_share$/.test(m));
const INCOME_SHARES = METRICS.filter((m) => /_income_share$/.test(m));

describe("properties over the parameter ranges (fast-check)", () => {
  it("draws every leaf of the spec except horizon and constrained population sizes", () => {
    expect(DRAWN.length).toBeGreaterThan(100);
    expect(DRAWN.some(({ path }) => path === "policies.vocationalTraining.needsBasedPlacement")).toBe(true);
  });

  it("sim.state: household sizes add up to the living persons, and each household's member list has its size", () => {
    fc.assert(
      fc.property(input(), (x) => {
        const s = simOf(x);
        const { persons: P, households: H } = s.state;
        while (!s.done) {
          s.step();
          let alive = 0;
          for (let q = 0; q < P.capacity; q++) alive += P.alive[q]!;
          let sizes = 0;
          for (let h = 0; h < H.count; h++) {
            const m = members(s.state, h);
            if (m.length !== H.size[h] || H.size[h]! < 1) return false;
            if (m.some((q) => P.household[q] !== h || P.alive[q] !== 1)) return false;
            sizes += H.size[h]!;
          }
          if (sizes !== alive) return false;
        }
        return true;
      }),
      FC,
    );
  });

  it("sim.state: the labour force is exactly the living working-age, able persons out of school, and the employed are within it", () => {
    fc.assert(
      fc.property(input(), (x) => {
        const s = simOf(x);
        const P = s.state.persons;
        const { workingAgeMin, workingAgeMax } = s.params.population;
        while (!s.done) {
          s.step();
          let lf = 0, employed = 0;
          for (let q = 0; q < P.capacity; q++) {
            if (!P.alive[q]) continue;
            const working = P.age[q]! >= workingAgeMin && P.age[q]! <= workingAgeMax && !P.disabled[q] && !P.inSchool[q];
            const inLf = P.emp[q] !== Emp.NotInLabourForce;
            if (working !== inLf) throw new Error(`person ${q} aged ${P.age[q]} (disabled ${P.disabled[q]}, in school ${P.inSchool[q]}) has state ${P.emp[q]} at step ${s.stepsDone}`);
            if (inLf) lf++;
            if (inLf && P.emp[q] !== Emp.Unemployed) employed++;
          }
          if (s.metric("labour_force") !== lf || Math.abs(s.metric("employment_rate") * lf - employed) > 1e-6 * lf) return false;
        }
        return true;
      }),
      FC,
    );
  });

  it("sim.results(): every rate or share is in [0, 1], in every group and step", () => {
    fc.assert(
      fc.property(input(), (x) => {
        const s = simOf(x).run();
        for (const r of s.results()) {
          if (RATES.includes(r.metric as never) && !(r.value >= 0 && r.value <= 1)) throw new Error(`${r.metric} ${r.group} step ${r.step} = ${r.value}`);
        }
        return true;
      }),
      FC,
    );
  });

  it("sim.metric: income source shares add up to 1, each in [0, 1] while business income is not a loss", () => {
    fc.assert(
      fc.property(input(), (x) => {
        const s = simOf(x).run();
        for (let step = 1; step <= MONTHS; step++) {
          const shares = INCOME_SHARES.map((m) => s.metric(m, "all", step));
          if (shares.some(Number.isNaN)) continue;
          const sum = shares.reduce((a, b) => a + b, 0);
          if (Math.abs(sum - 1) > 1e-6) throw new Error(`income shares sum to ${sum} at step ${step}`);
          if (s.metric("business_income_share", "all", step) >= 0 && shares.some((v) => v < -1e-12 || v > 1 + 1e-12)) throw new Error(`income shares ${shares} at step ${step}`);
        }
        return true;
      }),
      FC,
    );
  });

  it("sim.results(): every value is finite, and the population counts are always defined", () => {
    fc.assert(
      fc.property(input(), (x) => {
        const s = simOf(x).run();
        const bad = s.results().find((r) => !Number.isFinite(r.value));
        if (bad) throw new Error(`${bad.metric} ${bad.group} step ${bad.step} = ${bad.value}`);
        for (let step = 1; step <= MONTHS; step++) {
          for (const m of ["persons", "households", "labour_force", "per_capita_income", "poverty_rate", "savings_per_household"]) {
            if (!Number.isFinite(s.metric(m, "all", step))) throw new Error(`${m} = ${s.metric(m, "all", step)} at step ${step}`);
          }
        }
        return true;
      }),
      FC,
    );
  });

  it("sim.state.sites: collective and maintenance funds change each month by inflows minus outflows", () => {
    const levers = { "policies.collectiveAssets.enabled": true, "policies.maintenanceFund.enabled": true };
    fc.assert(
      fc.property(input(levers), (x) => {
        const s = simOf(x);
        const S = s.state.sites;
        while (!s.done) {
          const coll = Float64Array.from(S.collectiveBalance);
          const maint = Float64Array.from(S.maintenanceBalance);
          s.step();
          for (let k = 0; k < S.count; k++) {
            const dc = S.collectiveBalance[k]! - coll[k]! - (S.collectiveIn[k]! - S.collectiveOut[k]!);
            const dm = S.maintenanceBalance[k]! - maint[k]! - (S.maintenanceIn[k]! - S.maintenanceOut[k]!);
            const scale = 1e-9 * (1 + Math.abs(coll[k]!) + Math.abs(S.collectiveIn[k]!) + Math.abs(maint[k]!) + Math.abs(S.maintenanceIn[k]!));
            if (Math.abs(dc) > scale || Math.abs(dm) > scale) throw new Error(`site ${k} step ${s.stepsDone}: collective ${dc}, maintenance ${dm}`);
            if (S.maintenanceBalance[k]! < -scale) throw new Error(`site ${k}: maintenance fund overdrawn ${S.maintenanceBalance[k]}`);
          }
        }
        return true;
      }),
      FC,
    );
  });
});
