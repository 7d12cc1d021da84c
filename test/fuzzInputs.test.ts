import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError, InputErrors, createSimulation, type Scenario } from "../packages/core/src/index.ts";
import { leaves, modelSpec, resolveParams } from "../packages/core/src/engine.ts";
import { deepMerge, resolveComparison, resolveDesign, resolveScenario, DESIGN_KEYS, MAX_DESIGN_POINTS, designPoints } from "../packages/scenarios/src/index.ts";

/**
 * Issue 13's fuzz test: arbitrary JSON values and mutations of every shipped scenario and
 * comparison file either resolve or fail with an InputError naming a path, never with any
 * other exception, and what resolves holds no NaN or Infinity. Most cases only resolve (in
 * process, fast); every RUN_EVERY-th one that resolves also runs, at 50 households for 12 months.
 */
const dir = resolve(import.meta.dirname, "../scenarios");
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
  .map((f) => ({ file: join(dir, f), json: JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, unknown> }));
// Design files (relocsim sweep / sensitivity) have their own fuzz case below.
const designFiles = shipped.filter((s) => "design" in s.json);
const scenarioFiles = shipped.filter((s) => !("baseline" in s.json) && !("design" in s.json));
const comparisonFiles = shipped.filter((s) => "baseline" in s.json);
const paramLeaves = leaves(modelSpec);
const fuzz = { seed: Number(process.env.FUZZ_SEED ?? 20261202), numRuns: 0 };
const RUN_EVERY = 25;

/** mathjs sources, valid and not: time symbols, typos, impure and unsafe functions, matrices, ranges, strings. */
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("t", "year", "month", "step", "pi", "e", "yaer", "x", "0", "0.1", "1", "2020", "1e309", "-1", "Infinity", "NaN", "true", "'a'", "[1, 2]", "1:3", "{a: 1}"),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }).map(String),
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "^", "%", "==", "<", ">=", "and", "or", " to ", "&", ":"), tie("e")).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    tie("e").map((a) => `(${a})`),
    tie("e").map((a) => `-${a}`),
    fc.tuple(
      fc.constantFrom("min", "max", "abs", "sqrt", "log", "round", "pow", "sin", "mn", "random", "import", "evaluate", "createUnit", "config", "sum", "f"),
      fc.array(tie("e"), { maxLength: 3 }),
    ).map(([f, args]) => `${f}(${args.join(", ")})`),
    fc.constantFrom("f(t)=f(t); f(t)", "a = 1", "t[1]", "x.y", "t!", "t'", "0.1 +", ")(", "max()", "((((((((((((((((((((((((((((((((t))))))))))))))))))))))))))))))))"),
  ),
})).e;

const numberish = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1, 2, 1e6, 1e-300, 2 ** 53, Number.MAX_VALUE, Infinity, -Infinity, NaN),
  fc.double(),
  fc.integer(),
);
const anyValue = fc.oneof(numberish, expression, fc.jsonValue({ maxDepth: 2 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const oddKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "$comment", "params", "name", "extends", "enabeld"), fc.string({ maxLength: 8 }));

/** Every path to a value in a JSON tree. */
function pathsOf(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

function setOwn(o: Record<string | number, unknown>, k: string | number, v: unknown): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

type Mutation =
  | { kind: "remove" | "rename" | "retype" | "add"; at: number; key: string; value: unknown }
  | { kind: "param"; leaf: number; value: unknown }
  | { kind: "inRange"; leaf: number; at: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("remove" as const, "rename" as const, "retype" as const, "add" as const), at: fc.nat(), key: oddKey, value: anyValue }),
  fc.record({ kind: fc.constant("param" as const), leaf: fc.nat(), value: anyValue }),
  // Valid values too, so that a fair share of cases resolve and some run.
  fc.record({ kind: fc.constant("inRange" as const), leaf: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

/** A value the leaf accepts: a point `at` (0-1) of a number's range, one of an enum's values. */
function inRange(leaf: number, at: number): unknown {
  const spec = paramLeaves[leaf % paramLeaves.length]!.spec as any;
  switch (spec.kind) {
    case "number": {
      const v = spec.min + at * (spec.max - spec.min);
      return spec.integer ? Math.round(v) : v;
    }
    case "enum": return spec.values[Math.floor(at * spec.values.length) % spec.values.length];
    case "boolean": return at < 0.5;
    default: return spec.default;
  }
}

/** `json` changed by each mutation in turn: a key removed, renamed or added, a value retyped, a parameter set. */
function mutate(json: unknown, mutations: Mutation[], paramsAt: (root: any) => Record<string, any> | undefined): unknown {
  const root = structuredClone(json) as any;
  for (const m of mutations) {
    if (m.kind === "param" || m.kind === "inRange") {
      const params = paramsAt(root);
      if (params === null || typeof params !== "object") continue;
      const { path } = paramLeaves[m.leaf % paramLeaves.length]!;
      const [group, ...rest] = path.split(".");
      let o = params;
      for (const k of [group!, ...rest.slice(0, -1)]) {
        if (o[k] === null || typeof o[k] !== "object") setOwn(o, k, {});
        o = o[k];
      }
      setOwn(o, rest[rest.length - 1]!, m.kind === "param" ? m.value : inRange(m.leaf, m.at));
      continue;
    }
    const paths = pathsOf(root).slice(1);
    if (paths.length === 0) continue;
    const path = paths[m.at % paths.length]!;
    const parent = path.slice(0, -1).reduce((o: any, k) => o[k], root);
    const key = path[path.length - 1]!;
    if (m.kind === "remove") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.kind === "rename" && !Array.isArray(parent)) {
      const v = parent[key];
      delete parent[key];
      setOwn(parent, m.key, v);
    } else if (m.kind === "add" && parent[key] !== null && typeof parent[key] === "object" && !Array.isArray(parent[key])) {
      setOwn(parent[key], m.key, m.value);
    } else setOwn(parent, key, m.value);
  }
  return root;
}

/** Resolve, or fail with input errors that each name a path; anything else fails the test. */
function answer<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof InputError || e instanceof InputErrors)) throw e;
    const errors = e instanceof InputErrors ? e.errors : [e];
    expect(errors.length).toBeGreaterThan(0);
    for (const x of errors) {
      expect(typeof x.field === "string" && x.field.length > 0, x.message).toBe(true);
      expect(x.message).toMatch(/^invalid /);
    }
    expect(e.message.length, e.message.slice(0, 200)).toBeLessThan(20_000);
    return undefined;
  }
}

/** Paths of the numbers in a value that are not finite. */
function nonFinite(v: unknown, path = ""): string[] {
  if (typeof v === "number") return Number.isFinite(v) ? [] : [`${path} = ${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonFinite(x, `${path}[${i}]`));
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`));
  return [];
}

let resolved = 0;
/** A resolved scenario's parameters and, for every RUN_EVERY-th, a tiny run: all finite. */
function checkResolved(s: Scenario): void {
  const { params } = resolveParams(s.params ?? {});
  expect(nonFinite(params)).toEqual([]);
  if (resolved++ % RUN_EVERY !== 0) return;
  const tiny = { ...s, params: deepMerge(s.params ?? {}, { horizon: { months: 12 } }) };
  const sim = answer(() => createSimulation(tiny, { scale: 50, seed: 7 }));
  if (!sim) return;
  sim.run();
  expect(sim.results().filter((r) => !Number.isFinite(r.value)).map((r) => `${r.group}/${r.metric} at ${r.date}`)).toEqual([]);
  expect(nonFinite(sim.summary())).toEqual([]);
}

describe("fuzzed scenario and comparison input", () => {
  it("arbitrary JSON values as a scenario or a comparison: resolved, or an InputError naming a path", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (v, asComparison) => {
        if (asComparison) answer(() => resolveComparison(v, join(dir, "fuzz.json")));
        else {
          const r = answer(() => resolveScenario(v, { file: join(dir, "fuzz.json") }));
          if (r) checkResolved(r.scenario);
        }
      }),
      { ...fuzz, numRuns: 200 },
    );
  });

  it("mutations of every shipped scenario file: keys removed, renamed, added, values retyped, parameters and expressions set", () => {
    fc.assert(
      fc.property(fc.constantFrom(...scenarioFiles), fc.array(mutation, { minLength: 1, maxLength: 4 }), ({ file, json }, ms) => {
        const v = mutate(json, ms, (root) => (root && typeof root === "object" ? (root.params ??= {}) : undefined));
        const r = answer(() => resolveScenario(v, { file }));
        if (r) checkResolved(r.scenario);
      }),
      { ...fuzz, numRuns: 600 },
    );
  });

  it("mutations of every shipped comparison file, inline scenarios included", () => {
    fc.assert(
      fc.property(fc.constantFrom(...comparisonFiles), fc.array(mutation, { minLength: 1, maxLength: 4 }), ({ file, json }, ms) => {
        const v = mutate(json, ms, (root) => {
          if (!root || typeof root !== "object") return undefined;
          // Parameters go into the baseline, written inline.
          if (typeof root.baseline !== "object" || root.baseline === null) root.baseline = { name: "fuzzed", extends: typeof root.baseline === "string" ? root.baseline : undefined };
          return (root.baseline.params ??= {});
        });
        const c = answer(() => resolveComparison(v, file));
        if (c) for (const s of [c.baseline, ...c.scenarios].slice(0, 2)) checkResolved(s);
      }),
      { ...fuzz, numRuns: 300 },
    );
  });
});

describe("fuzzed design files", () => {
  it("arbitrary JSON as a design, and shipped design files with a field set to arbitrary JSON: resolved within bounds, or an InputError naming a path", () => {
    const fields = [...DESIGN_KEYS, "design.type", "design.levels", "design.points", "design.trajectories", "design.samples", "design.base", "parameters.0", "parameters.0.range", "parameters.0.path", "parameters.1.range.lo"];
    fc.assert(
      fc.property(fc.option(fc.constantFrom(...designFiles), { nil: undefined }), fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), (shippedFile, field, value) => {
        let v: unknown = value;
        if (shippedFile) {
          v = structuredClone(shippedFile.json);
          const keys = field.split(".");
          let node = v as Record<string, unknown>;
          for (const k of keys.slice(0, -1)) node = (node[k] && typeof node[k] === "object" ? node[k] : (node[k] = {})) as Record<string, unknown>;
          node[keys[keys.length - 1]!] = value;
        }
        const d = answer(() => resolveDesign(v, shippedFile?.file ?? join(dir, "fuzz.json")));
        if (!d) return;
        expect(d.parameters.length).toBeGreaterThan(0);
        for (const r of d.parameters) expect(Number.isFinite(r.lo) && Number.isFinite(r.hi) && r.lo < r.hi, r.path).toBe(true);
        expect(designPoints(d.design, d.parameters.length)).toBeLessThanOrEqual(MAX_DESIGN_POINTS);
        expect(d.horizonStep).toBeGreaterThan(0);
      }),
      { ...fuzz, numRuns: 300 },
    );
  });
});

describe("the fuzz test itself", () => {
  it("resolved and ran a fair share of its cases (the mutations are not all fatal)", () => {
    expect(resolved).toBeGreaterThan(200);
  });
});
