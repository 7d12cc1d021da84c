import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./relocsim.ts";

/** The root package.json's `relocsim` script ("node <flags> scripts/relocsim.mjs"), run with `args`. */
function script(args: string[], options: { condition?: boolean } = {}) {
  const [node, ...words] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.relocsim.split(" ") as string[];
  expect(node).toBe("node");
  const flags = options.condition === false ? words.filter((w) => !w.startsWith("--conditions=")) : words;
  const r = spawnSync(process.execPath, [...flags, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("pnpm relocsim (scripts/relocsim.mjs): the compiled command when dist/ is current, else the sources through tsx", () => {
  it("runs the command: --help lists the commands, bad input exits 2 with the error and no stack", () => {
    const help = script(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^relocsim \d+\.\d+\.\d+: /);
    expect(help.stdout).toContain("  compare ");
    const bad = script(["validate", "/nonexistent.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('relocsim validate: invalid file: "/nonexistent.json" (expected a readable JSON file)\n');
  });

  it("without the relocsim-dist condition (packages would resolve to their sources) it runs the sources through tsx, with the same output", () => {
    const bad = script(["validate", "/nonexistent.json"], { condition: false });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('relocsim validate: invalid file: "/nonexistent.json" (expected a readable JSON file)\n');
  });
});
