/**
 * Each lever owns its mechanism (issue 9, part 4): a lever's parameters are read only by its
 * own file, policies/<lever>.ts, which exports what the lever does (its part of the step
 * context, `c.levers`, and helpers the processes call) and says in its doc comment where it
 * acts. A plain source scan.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { leverSpecs } from "../src/policies/levers.js";

const SRC = new URL("../src/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, SRC), "utf8");
const sources = (dir: string) => readdirSync(new URL(dir, SRC)).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f}`);
/** Code without comments or import lines (which name policies/ paths). */
const code = (path: string) => read(path).replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "").replace(/^import .*$/gm, "");
const LEVERS = Object.keys(leverSpecs);

describe("lever parameters", () => {
  it("no model process or kernel file reads p.policies", () => {
    const readers = [...sources("model"), ...sources("kernel")].filter((f) => /\bpolicies\b/.test(code(f)));
    expect(readers).toEqual([]);
  });

  it("each lever's parameters are read only in policies/<lever>.ts", () => {
    const stray: string[] = [];
    for (const f of [...sources("model"), ...sources("kernel"), ...sources("policies")]) {
      for (const [, lever] of code(f).matchAll(/\bpolicies\.(\w+)/g)) if (f !== `policies/${lever}.ts`) stray.push(`${f} reads policies.${lever}`);
    }
    expect(stray).toEqual([]);
  });
});

describe("policies/<lever>.ts", () => {
  it("exists for every lever of the parameter tree", () => {
    const files = sources("policies");
    expect(LEVERS.filter((l) => !files.includes(`policies/${l}.ts`))).toEqual([]);
  });

  it("names in its doc comment every model file that uses the lever", () => {
    const missing: string[] = [];
    for (const f of sources("model")) {
      const text = read(f);
      const used = new Set<string>();
      for (const [, lever] of text.matchAll(/\b(?:levers|lv)\.(\w+)/g)) used.add(lever!);
      for (const [, lever] of text.matchAll(/from "\.\.\/policies\/(\w+)\.js"/g)) used.add(lever!);
      for (const lever of used) {
        if (!LEVERS.includes(lever)) continue;
        const doc = /\/\*\*[\s\S]*?\*\//.exec(read(`policies/${lever}.ts`))![0];
        if (!doc.includes(f)) missing.push(`policies/${lever}.ts does not name ${f}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
