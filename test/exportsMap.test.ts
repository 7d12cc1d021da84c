import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Inside the workspace a package exports its TypeScript sources; packed, `publishConfig.exports`
 * replaces them with the compiled files. The two maps must name the same entries, each packed
 * entry the compiled twin of its source.
 */
const root = resolve(import.meta.dirname, "..");
const packages = readdirSync(join(root, "packages"));

describe("package.json exports and publishConfig.exports", () => {
  for (const name of packages) {
    it(`@relocsim/${name}: every exported source has its compiled entry (types and import) when packed`, () => {
      const pkg = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
      if (!pkg.exports) return;
      const dev = pkg.exports as Record<string, string>;
      const packed = pkg.publishConfig.exports as Record<string, { types: string; import: string }>;
      expect(Object.keys(packed).sort()).toEqual(Object.keys(dev).sort());
      for (const [key, src] of Object.entries(dev)) {
        const base = src.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, "");
        expect(packed[key], key).toEqual({ types: `${base}.d.ts`, import: `${base}.js` });
      }
    });
  }
});
