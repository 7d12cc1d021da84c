import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const tsc = join(root, "node_modules/.bin/tsc");

/** A user's environment: nothing of the package manager running this test (npm_config_* and the like). */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1" };
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$)/.test(k)) env[k] = v;
  return env;
}

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: userEnv() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}\n${r.stderr}` };
}

/** The packages as a user gets them: packed by pnpm, installed with plain npm into a new project. */
describe("the packed packages, installed with npm into a plain Node project", () => {
  let tarballs: string;
  let app: string;
  const relocsim = (...args: string[]) => run(join(app, "node_modules/.bin/relocsim"), args, app);

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "relocsim-install-"));
    tarballs = join(dir, "tarballs");
    app = join(dir, "app");
    mkdirSync(app);
    const build = run(tsc, ["-b", "packages/cli"], root);
    expect(build.code, build.out).toBe(0);
    const pack = run("pnpm", ["-r", "--filter", "./packages/*", "pack", "--pack-destination", tarballs], root);
    expect(pack.code, pack.out).toBe(0);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "relocsim-user", private: true, type: "module" }));
    const files = readdirSync(tarballs).map((f) => join(tarballs, f));
    const install = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...files], app);
    expect(install.code, install.out).toBe(0);
  }, 240_000);

  it("every package's tarball holds compiled JavaScript with declarations, no TypeScript source, and needs no tsx", () => {
    const names = readdirSync(tarballs).sort();
    expect(names).toEqual(["relocsim-cli-0.1.0.tgz", "relocsim-core-0.1.0.tgz", "relocsim-report-0.1.0.tgz", "relocsim-scenarios-0.1.0.tgz"]);
    for (const name of names) {
      const list = run("tar", ["-tzf", join(tarballs, name)], root).stdout.trim().split("\n");
      expect(list, name).toContain("package/dist/index.js");
      expect(list, name).toContain("package/dist/index.d.ts");
      expect(list.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), name).toEqual([]);
      const manifest = JSON.parse(run("tar", ["-xzOf", join(tarballs, name), "package/package.json"], root).stdout);
      expect(manifest.exports["."], name).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
      expect(Object.keys(manifest.dependencies ?? {}), name).not.toContain("tsx");
    }
  });

  it("import('@relocsim/core') under plain node runs a simulation", () => {
    const script = `import("@relocsim/core").then(({ createSimulation }) => {
      const sim = createSimulation({ name: "mine" }, { seed: 1, scale: 200 });
      sim.run();
      console.log(JSON.stringify({ rate: sim.metric("employment_rate", "all") }));
    });`;
    const r = run("node", ["-e", script], app);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.stdout).rate).toBeGreaterThan(0);
  });

  it("a TypeScript consumer type-checks against the packages' declarations", () => {
    writeFileSync(join(app, "consumer.ts"), `import { createSimulation, runExperiment, type Scenario } from "@relocsim/core";
import { InputError } from "@relocsim/core/errors";
import { scenario } from "@relocsim/scenarios";
import { trajectoryChart } from "@relocsim/report";

const base: Scenario = scenario("baseline");
const sim = createSimulation(base, { seed: 1, scale: 200 });
sim.run();
const rate: number = sim.metric("employment_rate", "all");
const experiment = await runExperiment({ scenarios: [base], replications: 2, scale: 200, workers: 1 });
const spec: object = trajectoryChart(experiment.metrics);
// @ts-expect-error: a seed is a number (the declarations are real types, not any)
createSimulation(base, { seed: "one" });
console.log(rate, spec, new InputError("seed", 1, "a number").message);
`);
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({
      compilerOptions: {
        target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true,
        types: ["node"], typeRoots: [join(root, "node_modules/@types")],
      },
      files: ["consumer.ts"],
    }));
    const r = run(tsc, ["-p", "tsconfig.json"], app);
    expect(r.out.trim()).toBe("");
    expect(r.code).toBe(0);
  });

  it("relocsim --help lists the commands", () => {
    const r = relocsim("--help");
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toMatch(/^relocsim 0\.1\.0/);
    for (const c of ["run", "validate", "compare", "report"]) expect(r.stdout).toContain(`  ${c} `);
  });

  it("relocsim run <scenario> writes its results", () => {
    writeFileSync(join(app, "mine.json"), JSON.stringify({ name: "mine", extends: "baseline" }));
    const r = relocsim("run", "mine.json", "--scale", "300", "--out", "out/run");
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(join(app, "out/run/metrics.csv"), "utf8")).toMatch(/^scenario,replicate,seed,step,date,group,metric,value\n/);
    expect(existsSync(join(app, "out/run/report.html"))).toBe(true);
  });

  it("relocsim compare <file> --workers 2 runs the replicates on 2 worker threads of the compiled package", () => {
    writeFileSync(join(app, "tiny.json"), JSON.stringify({ name: "tiny", baseline: "baseline", scenarios: ["development-policies"] }));
    const r = relocsim("compare", "tiny.json", "--workers", "2", "--replications", "2", "--scale", "300", "--out", "out/compare");
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(readFileSync(join(app, "out/compare/manifest.json"), "utf8")).workers).toBe(2);
    expect(readFileSync(join(app, "out/compare/effects.csv"), "utf8")).toContain("development-policies,baseline,all,employment_rate,");
  });

  it("relocsim validate /nonexistent.json exits 2 with the error", () => {
    const r = relocsim("validate", "/nonexistent.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid file: "/nonexistent.json"');
  });
});
