import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historicalPosteriorDir, readPosterior, weightedMean, LAST_TARGET_MONTH } from "@relocsim/core/engine";
import { resolveScenario } from "@relocsim/core";
import { relocsim, relocsimHere, root } from "./relocsim.ts";

const dir = mkdtempSync(join(tmpdir(), "relocsim-validate-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const committed = historicalPosteriorDir();
const csv = (f: string) => readFileSync(f, "utf8").trim().split("\n").map((l) => l.split(","));

describe("the committed historical posterior", () => {
  const estimate = JSON.parse(readFileSync(join(committed, "estimate.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(committed, "manifest.json"), "utf8"));

  it("was written by a finished relocsim calibrate run of scenarios/calibration.json, whose command, date and commit it keeps", () => {
    expect(manifest.command).toBe("calibrate");
    expect(manifest.status).toBe("finished");
    expect(manifest.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(manifest.commandLine).toMatch(/^relocsim calibrate scenarios\/calibration\.json/);
    expect(Date.parse(manifest.date)).toBeGreaterThan(Date.parse("2026-01-01"));
    // The calibration file beside it is the shipped one (but for the editors' $schema), and it fits nothing after 2021.
    const { $schema: _schema, ...shipped } = JSON.parse(readFileSync(join(root, "scenarios/calibration.json"), "utf8"));
    const { $schema: _copied, ...copy } = JSON.parse(readFileSync(join(committed, "calibration.json"), "utf8"));
    expect(copy).toEqual(shipped);
    for (const t of shipped.targets) expect(t.date <= LAST_TARGET_MONTH).toBe(true);
    // Its settings are the file's: `relocsim calibrate scenarios/calibration.json` makes it again.
    for (const k of ["particles", "generations", "replications", "seed", "scale"]) expect(manifest.settings[k]).toBe(shipped[k]);
  });

  it("estimate.json is the weighted mean of posterior.csv's last generation, and the model's defaults are those estimates", () => {
    const p = readPosterior(readFileSync(join(committed, "posterior.csv"), "utf8"), "posterior.csv");
    expect(Object.keys(estimate.parameters)).toEqual(p.parameters);
    const params = resolveScenario({ name: "defaults" }).params as unknown as Record<string, Record<string, number>>;
    p.parameters.forEach((path, j) => {
      const mean = weightedMean(p.particles.map((x) => x[j]!), p.weights);
      const e = estimate.parameters[path];
      expect(e.mean).toBeCloseTo(mean, 12);
      expect(e.estimate).toBe(Number(mean.toPrecision(3)));
      expect(e.q05 <= e.estimate && e.estimate <= e.q95).toBe(true);
      const [group, name] = path.split(".") as [string, string];
      expect(params[group]![name]).toBe(e.estimate);
    });
  });
});

describe("relocsim validate-model", () => {
  it("runs posterior draws and the point estimate, and writes every target (≤ 2021-12, with its published figure) and predictions for each year end 2022-2025", () => {
    const out = join(dir, "v");
    const r = relocsim("validate-model", "--draws", "2", "--point", "2", "--scale", "400", "--workers", "2", "--metrics", "per_capita_income,poverty_rate", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 posterior draws × 2 replicates and 2 runs at the point estimate = 6 runs/);
    const rows = csv(join(out, "validation.csv"));
    expect(rows[0]!.slice(0, 8)).toEqual(["kind", "name", "metric", "group", "date", "published", "tolerance", "within_interval"]);
    const cal = JSON.parse(readFileSync(join(committed, "calibration.json"), "utf8"));
    const targets = rows.filter((x) => x[0] === "target");
    const predictions = rows.filter((x) => x[0] === "prediction");
    expect(targets.length).toBe(cal.targets.length);
    for (const t of targets) {
      expect(t[4]! <= LAST_TARGET_MONTH).toBe(true);
      expect(t[5]).not.toBe("");
    }
    expect(predictions.map((x) => `${x[2]} ${x[4]}`)).toEqual(["2022-12", "2023-12", "2024-12", "2025-12"].flatMap((d) => [`per_capita_income ${d}`, `poverty_rate ${d}`]));
    const col = (name: string) => rows[0]!.indexOf(name);
    for (const p of predictions) {
      expect(p[col("published")]).toBe("");
      const [m, lo, hi] = [Number(p[col("posterior_mean")]), Number(p[col("lo")]), Number(p[col("hi")])];
      expect(lo <= m && m <= hi).toBe(true);
    }
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.command).toBe("validate-model");
    expect(m.posterior.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(m.draws.length).toBe(2);
    for (const f of ["targets.svg", "targets.png", "predictions.svg", "predictions.png"]) expect(existsSync(join(out, "charts", f)), f).toBe(true);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<table class="targets">');
    expect(html).toContain('<table class="predictions">');
    // Same seed, same outputs; run again into the same --out replaces it.
    const again = relocsim("validate-model", "--draws", "2", "--point", "2", "--scale", "400", "--workers", "1", "--metrics", "per_capita_income,poverty_rate", "--out", out, "-q");
    expect(again.code).toBe(0);
    expect(csv(join(out, "validation.csv"))).toEqual(rows);
  });

  it("bad input exits 2 naming the field, and writes nothing", async () => {
    const user = join(dir, "mine");
    mkdirSync(user);
    writeFileSync(join(user, "notes.txt"), "keep me");
    const cases: Array<[string[], RegExp]> = [
      [["--metrics", "incomes"], /--metrics.*incomes/],
      [["--draws", "1"], /--draws/],
      [["--out", user], /--out/],
      [[join(dir, "nowhere")], /posterior-dir/],
    ];
    for (const [args, field] of cases) {
      const r = await relocsimHere("validate-model", ...args, "--scale", "300");
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(field);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(user, "notes.txt"), "utf8")).toBe("keep me");
    // A calibrate directory without calibration.json: the file its manifest names must be there, unchanged.
    const bare = join(dir, "bare");
    cpSync(committed, bare, { recursive: true });
    rmSync(join(bare, "calibration.json"));
    const manifest = JSON.parse(readFileSync(join(bare, "manifest.json"), "utf8"));
    const nameFile = (file: string) => writeFileSync(join(bare, "manifest.json"), JSON.stringify({ ...manifest, file }));
    nameFile(join(dir, "gone.json"));
    let r = await relocsimHere("validate-model", bare);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calibration\.json.*neither it nor .*gone\.json is there/);
    const changed = JSON.parse(readFileSync(join(committed, "calibration.json"), "utf8"));
    changed.targets[0].tolerance *= 2;
    writeFileSync(join(dir, "changed.json"), JSON.stringify(changed));
    nameFile(join(dir, "changed.json"));
    r = await relocsimHere("validate-model", bare);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/changed\.json, which its manifest names, has changed since/);
  });
});
