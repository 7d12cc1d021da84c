import { expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "../../..");

it("parse(source) loads mathjs's single-file build on its first call, not when the engine is imported", () => {
  // In a fresh process: the CommonJS cache lists what was required (the single-file build is).
  const script = `
    import { Module } from "node:module";
    const mathjs = () => Object.keys(Module._cache).filter((f) => f.includes("mathjs")).map((f) => f.slice(f.lastIndexOf("mathjs")));
    const core = await import(${JSON.stringify(pathToFileURL(join(root, "packages/core/src/engine.ts")).href)});
    const before = mathjs();
    core.resolveParams({ environment: { demandShock: "year == 2020 ? 0.3 : 0" } });
    console.log(JSON.stringify({ before, after: mathjs() }));`;
  const r = spawnSync(join(root, "node_modules/.bin/tsx"), ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({ before: [], after: ["mathjs/lib/browser/math.js"] });
});
