import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const KERNEL = new URL("../src/kernel/", import.meta.url);

/** The modules a source file imports or re-exports (static and dynamic), as written. */
function importsOf(text: string): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
  return [...new Set(specs)];
}

describe("the kernel (packages/core/src/kernel)", () => {
  it("imports nothing from model/: the model's schedule and metrics are handed to it", () => {
    const files = readdirSync(KERNEL).filter((f) => /\.(ts|mts|mjs|js)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((f) =>
      importsOf(readFileSync(new URL(f, KERNEL), "utf8"))
        .filter((spec) => /(^|\/)model(\/|$)/.test(spec))
        .map((spec) => `${f} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("importsOf(text) finds static, type-only, re-export and dynamic imports", () => {
    const text = `import a from "./a.js";\nimport type { B } from "../model/b.js";\nexport { c } from './c.js';\nconst d = await import("../model/d.js");`;
    expect(importsOf(text)).toEqual(["./a.js", "../model/b.js", "./c.js", "../model/d.js"]);
  });
});
