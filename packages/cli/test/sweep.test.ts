import { describe, it, expect, beforeAll } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relocsimHere, relocsimChild, relocsim } from "./relocsim.ts";

// Two years of the historical scenario on 300 households: each run takes a fraction of a second.
const SHORT = { name: "short-historical", extends: "historical", params: { horizon: { months: 24 } } };
const PARAMS = [{ path: "labour.separationRate", range: [0.1, 0.35] }, { path: "environment.migrantWageFactor", range: [0.45, 0.75] }, "population.networkDegree"];
const OUTCOMES = ["per_capita_income", "employment_rate", "poverty_rate"];

describe("relocsim sweep and sensitivity", () => {
  let dir: string;
  const file = (name: string, design: Record<string, unknown>) => {
    const path = join(dir, `${name}.json`);
    writeFileSync(path, JSON.stringify({ name, scenario: SHORT, parameters: PARAMS, replications: 1, scale: 300, outcomes: OUTCOMES, horizon: "2017-12", bootstrap: 100, ...design }));
    return path;
  };
  const csv = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => l.split(","));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-sweep-"));
  });

  it("relocsim sweep <design.json> runs a factorial design: points.csv, outcomes.csv at the horizon, manifest, report with tornado and heatmap charts; relocsim report makes the same report again", async () => {
    const out = join(dir, "sweep");
    const r = await relocsimHere("sweep", file("f", { design: { type: "factorial", levels: [2, 2, 1] } }), "--workers", "1", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["charts", "manifest.json", "outcomes.csv", "points.csv", "report.html"]);
    const points = csv(join(out, "points.csv"));
    expect(points[0]).toEqual(["point", "labour.separationRate", "environment.migrantWageFactor", "population.networkDegree", "u_labour.separationRate", "u_environment.migrantWageFactor", "u_population.networkDegree"]);
    expect(points.slice(1).map((p) => p.slice(1, 4).map(Number))).toEqual([[0.1, 0.45, 8], [0.1, 0.75, 8], [0.35, 0.45, 8], [0.35, 0.75, 8]]);
    const outcomes = csv(join(out, "outcomes.csv"));
    expect(outcomes[0]).toEqual(["point", "replicate", "seed", "group", "date", "metric", "value"]);
    expect(outcomes).toHaveLength(1 + 4 * 3);
    expect(new Set(outcomes.slice(1).map((o) => o[4]))).toEqual(new Set(["2017-12"]));
    // Common random numbers: every point's replicate 0 has the same seed.
    expect(new Set(outcomes.slice(1).map((o) => o[2])).size).toBe(1);
    for (const o of outcomes.slice(1)) expect(Number.isFinite(Number(o[6]))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ command: "sweep", points: 4, replicates: 1, scale: 300, horizon: "2017-12", outcomes: OUTCOMES });
    const charts = OUTCOMES.flatMap((m) => [`heatmap-${m}`, `tornado-${m}`]).flatMap((c) => [`${c}.png`, `${c}.svg`]).sort();
    expect(readdirSync(join(out, "charts")).sort()).toEqual(charts);
    expect(r.stdout).toContain("labour.separationRate (0.1–0.35)");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<table class="parameters">');
    expect(html).toContain('<table class="outcomes">');
    expect(html).toContain('id="chart-heatmap-employment_rate"');
    // The report is read back from the files: made again by relocsim report, every chart is the same.
    const svg = readFileSync(join(out, "charts", "tornado-employment_rate.svg"), "utf8");
    rmSync(join(out, "charts"), { recursive: true });
    const again = relocsim("report", out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`wrote ${out}/report.html and 6 charts`);
    expect(readdirSync(join(out, "charts")).sort()).toEqual(charts);
    expect(readFileSync(join(out, "charts", "tornado-employment_rate.svg"), "utf8")).toBe(svg);
  });

  it("gives the same outcomes on 1 and 2 workers, and for a seed (a Latin hypercube)", async () => {
    const f = file("lhs", { design: { type: "lhs", points: 3 } });
    const a = await relocsimHere("sweep", f, "--workers", "1", "--out", join(dir, "lhs1"), "-q");
    const b = await relocsimHere("sweep", f, "--workers", "2", "--out", join(dir, "lhs2"), "-q");
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    for (const name of ["points.csv", "outcomes.csv"]) expect(readFileSync(join(dir, "lhs2", name), "utf8")).toBe(readFileSync(join(dir, "lhs1", name), "utf8"));
    const u = csv(join(dir, "lhs1", "points.csv")).slice(1).map((p) => Math.floor(Number(p[4]) * 3)).sort();
    expect(u).toEqual([0, 1, 2]);
  });

  it("relocsim sensitivity --method morris writes indices.csv (mu_star, sigma) with intervals, and a chart per outcome", async () => {
    const out = join(dir, "morris");
    const r = await relocsimHere("sensitivity", file("m", { design: { type: "lhs", points: 2 } }), "--method", "morris", "--samples", "2", "--workers", "1", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    const rows = csv(join(out, "indices.csv"));
    expect(rows[0]!.join(",")).toBe("method,metric,parameter,index,value,lo,hi");
    expect(rows).toHaveLength(1 + 3 * 3 * 2);
    for (const [method, metric, parameter, index, value, lo, hi] of rows.slice(1)) {
      expect(method).toBe("morris");
      expect(OUTCOMES).toContain(metric);
      expect(PARAMS.map((p) => (typeof p === "string" ? p : p.path))).toContain(parameter);
      expect(["mu_star", "sigma"]).toContain(index);
      expect(Number(lo)).toBeLessThanOrEqual(Number(hi));
      expect(Number(value)).toBeGreaterThanOrEqual(0);
    }
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"))).toMatchObject({ command: "sensitivity", points: 2 * 4, method: { type: "morris", trajectories: 2 } });
    expect(readdirSync(join(out, "charts")).sort()).toEqual(OUTCOMES.flatMap((m) => [`indices-${m}.png`, `indices-${m}.svg`]).sort());
    expect(r.stdout).toMatch(/parameters by μ\*/);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html.match(/<table class="indices">/g)).toHaveLength(3);
    expect(html).toContain("<th scope=\"col\">μ*</th><th scope=\"col\">σ</th>");
  });

  it("relocsim sensitivity on a Sobol design writes S1 and ST for every parameter and outcome (N(k+2) runs)", async () => {
    const out = join(dir, "sobol");
    const r = await relocsimHere("sensitivity", file("s", { design: { type: "sobol", samples: 2 }, parameters: PARAMS.slice(0, 2) }), "--workers", "1", "--out", out, "-q");
    expect(r.code, r.stderr).toBe(0);
    const rows = csv(join(out, "indices.csv")).slice(1);
    expect(rows).toHaveLength(3 * 2 * 2);
    expect(new Set(rows.map((x) => x[3]))).toEqual(new Set(["S1", "ST"]));
    expect(csv(join(out, "points.csv"))).toHaveLength(1 + 2 * (2 + 2));
  });

  it("an interrupted sensitivity run continues where it stopped when run again with the same --out", async () => {
    const out = join(dir, "resume");
    const f = file("r", { design: { type: "morris", trajectories: 3 } });
    const child = relocsimChild(["sensitivity", f, "--workers", "1", "--out", out, "-q"]);
    const runs = join(out, "runs");
    const started = Date.now();
    while (!(existsSync(runs) && readdirSync(runs).filter((x) => x.endsWith(".f64")).length >= 2) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const kept = readdirSync(runs).filter((x) => x.endsWith(".f64")).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    const again = await relocsimHere("sensitivity", f, "--workers", "1", "--out", out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/resumed: \d+ of 12 runs already done/);
    expect(csv(join(out, "indices.csv"))).toHaveLength(1 + 3 * 3 * 2);
  });

  it("relocsim validate accepts the shipped design files", () => {
    const r = relocsim("validate", "scenarios/sensitivity.json", "scenarios/sensitivity-sobol.json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok {2}scenarios\/sensitivity.json {2}design 'sensitivity': morris, \d+ points over \d+ parameters of 'historical', 3 outcomes at 2025-12/);
    // A Saltelli sample has N (k + 2) points: N base rows, k parameters.
    const sobol = JSON.parse(readFileSync(join(import.meta.dirname, "../../../scenarios/sensitivity-sobol.json"), "utf8")) as { parameters: string[]; design: { samples: number } };
    const k = sobol.parameters.length;
    expect(r.stdout).toContain(`design 'sensitivity-sobol': sobol, ${sobol.design.samples * (k + 2)} points over ${k} parameters`);
  });

  it("\"<group>.*\" in parameters stands for the group's documented parameters not listed otherwise", async () => {
    const { resolveDesign } = await import("@relocsim/scenarios");
    const { uncertainParameters } = await import("@relocsim/core/engine");
    const labour = uncertainParameters().filter((r) => r.path.startsWith("labour."));
    const d = resolveDesign({ name: "g", scenario: "historical", parameters: [{ path: "labour.separationRate", range: [0.2, 0.3] }, "labour.*"], design: { type: "lhs", points: 2 }, outcomes: ["poverty_rate"] });
    expect(d.parameters.map((r) => r.path).sort()).toEqual(labour.map((r) => r.path).sort());
    expect(d.parameters[0]).toMatchObject({ path: "labour.separationRate", lo: 0.2, hi: 0.3, from: "file" });
  });

  describe("bad design files exit 2 naming the field, and write nothing", () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["an unknown parameter", { parameters: [{ path: "labour.separationRat", range: [0.1, 0.3] }] }, /invalid parameters\[0\]: "labour.separationRat" \(expected the dotted path of a numeric model parameter.*did you mean "labour.separationRate"\?/],
      ["a range outside the documented one", { parameters: [{ path: "population.networkDegree", range: [1, 12] }] }, /invalid parameters\[0\] range: \[1,12\] \(expected a range inside its documented plausible range \[3, 12\]/],
      ["a parameter without a documented range and no range", { parameters: ["environment.povertyLine2019"] }, /invalid parameters\[0\] range: .*no documented plausible range/],
      ["an empty parameter list", { parameters: [] }, /invalid parameters: \[\] \(expected a non-empty list of parameters/],
      ["an unknown metric", { outcomes: ["per_capita_incme"] }, /invalid outcomes.*per_capita_incme/],
      ["no outcomes", { outcomes: [] }, /invalid outcomes: \[\]/],
      ["an unknown design type", { design: { type: "morriss" } }, /invalid design.type: "morriss" \(expected one of factorial, lhs, morris, sobol.*did you mean "morris"\?/],
      ["odd Morris levels", { design: { type: "morris", levels: 3 } }, /invalid design.levels: 3 \(expected a whole number from 2 to 100 \(even\)\)/],
      ["a horizon outside the run", { horizon: "2030-01" }, /invalid horizon: "2030-01" \(expected a month YYYY-MM inside the scenario's run, 2016-01 to 2017-12\)/],
      ["an unknown key", { replicatons: 2 }, /invalid replicatons: 2 \(expected one of the keys .*did you mean 'replications'\?/],
      ["a group pattern matching no documented parameter", { parameters: ["labor.*"] }, /invalid parameters\[0\]: "labor.\*" \(expected a group of parameters some of which have a documented range/],
      ["an unknown group", { group: "site:urbn" }, /invalid group: "site:urbn" \(expected a group: .*did you mean 'site:urban'\?/],
      ["an unknown scenario", { scenario: "historicl" }, /invalid scenario: "historicl" .*did you mean 'historical'\?/],
      ["a design too large", { design: { type: "factorial", levels: 100 } }, /invalid design: .*at most 100,000 points/],
    ];
    for (const [what, change, message] of cases) {
      it(what, async () => {
        const out = join(dir, "bad");
        const r = await relocsimHere("sweep", file("bad", { design: { type: "lhs", points: 2 }, ...change }), "--out", out);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(existsSync(out)).toBe(false);
      });
    }
    it("sensitivity of a design that gives no indices, without --method", async () => {
      const r = await relocsimHere("sensitivity", file("bad2", { design: { type: "lhs", points: 2 } }), "--out", join(dir, "bad2"));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/invalid --method: undefined \(expected morris or sobol: the design file's design is lhs/);
    });
  });
});
