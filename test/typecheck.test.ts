import { it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

it("tsc -b type-checks every package and its tests (project references)", () => {
  const r = spawnSync(resolve(root, "node_modules/.bin/tsc"), ["-b"], { cwd: root, encoding: "utf8" });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 180_000);
