import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { chartCases } from "./chartCases.ts";

const dir = fileURLToPath(new URL("./golden/", import.meta.url));
const update = process.env.UPDATE_GOLDEN === "1";

describe("chart specs match their golden files (UPDATE_GOLDEN=1 rewrites them)", () => {
  for (const { name, spec } of chartCases()) {
    test(`${name}(fixture) equals golden/${name}.json`, () => {
      const file = `${dir}${name}.json`;
      const actual = JSON.stringify(spec, null, 2) + "\n";
      if (update) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      expect(existsSync(file), `golden/${name}.json is missing; run UPDATE_GOLDEN=1 pnpm vitest run --project report`).toBe(true);
      // Compared as parsed JSON so the failure shows a structural diff.
      expect(JSON.parse(actual), `spec differs from golden/${name}.json; if the change is intended, rerun with UPDATE_GOLDEN=1`).toEqual(
        JSON.parse(readFileSync(file, "utf8")),
      );
    });
  }
});
