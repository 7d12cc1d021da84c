import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Inside the workspace a package exports its TypeScript sources (the "default" condition), or
 * its compiled files under the "relocsim-dist" condition (`pnpm relocsim` with a current
 * build); packed, `publishConfig.exports` replaces them with the compiled files. The maps must
 * name the same entries, each compiled entry the twin of its source.
 */
const root = resolve(import.meta.dirname, "..");
const packages = readdirSync(join(root, "packages"));

describe("package.json exports and publishConfig.exports", () => {
  for (const name of packages) {
    it(`@relocsim/${name}: every exported source has its compiled entry (types and import) when packed, and under "relocsim-dist"`, () => {
      const pkg = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
      if (!pkg.exports) return;
      const dev = pkg.exports as Record<string, { "relocsim-dist": string; default: string }>;
      const packed = pkg.publishConfig.exports as Record<string, { types: string; import: string }>;
      expect(Object.keys(packed).sort()).toEqual(Object.keys(dev).sort());
      for (const [key, entry] of Object.entries(dev)) {
        // The compiled condition first: Node takes the first condition that matches.
        expect(Object.keys(entry), key).toEqual(["relocsim-dist", "default"]);
        const base = entry.default.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, "");
        expect(packed[key], key).toEqual({ types: `${base}.d.ts`, import: `${base}.js` });
        expect(entry["relocsim-dist"], key).toBe(`${base}.js`);
      }
    });
  }
});
