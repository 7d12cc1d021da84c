import { describe, expect, it, vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createSimulation, resolveScenario } from "../packages/core/src/index.ts";
import { rowsToCsv } from "../packages/core/src/engine.ts";
import { cli } from "../packages/cli/src/main.ts";

// Count every resolution of a scenario's parameters, wherever it happens (core, scenarios, cli).
const resolutions = vi.hoisted(() => ({ count: 0 }));
vi.mock("../packages/core/src/params/resolve.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../packages/core/src/params/resolve.ts")>();
  return {
    ...original,
    resolveParams: (...args: Parameters<typeof original.resolveParams>) => {
      resolutions.count++;
      return original.resolveParams(...args);
    },
  };
});

const root = resolve(import.meta.dirname, "..");

async function quietly(args: string[]): Promise<number> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = (() => true) as typeof out;
  process.stderr.write = (() => true) as typeof err;
  try {
    return await cli(args);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe("a scenario is resolved once", () => {
  it("relocsim compare of 6 scenarios × 10 replications resolves each scenario's parameters once (6 in all)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "relocsim-once-")), "out");
    resolutions.count = 0;
    const code = await quietly(["compare", join(root, "scenarios/paper-strategies.json"), "--replications", "10", "--scale", "40", "--workers", "1", "--every", "120", "--no-report", "-q", "--out", out]);
    expect(code).toBe(0);
    expect(resolutions.count).toBe(6);
  });

  it("createSimulation(resolveScenario(s)) does not resolve again, and two runs of one resolved scenario are identical", () => {
    resolutions.count = 0;
    const r = resolveScenario({ name: "x", params: { horizon: { months: 24 }, environment: { demandShock: "year == 2017 ? 0.5 : 0" } } });
    const a = createSimulation(r, { seed: 4, scale: 60 }).run();
    const b = createSimulation(r, { seed: 4, scale: 60 }).run();
    expect(resolutions.count).toBe(1);
    // Each simulation steps its own copy of the parameters; the resolved start values stay put.
    expect(r.params.environment.demandShock).toBe(0);
    expect(rowsToCsv(b.results())).toBe(rowsToCsv(a.results()));
  });
});
