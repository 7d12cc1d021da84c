import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { writeReport } from "../src/index.ts";
import { writeFixtureResults } from "./fixtures.ts";

const root = mkdtempSync(join(tmpdir(), "relocsim-report-write-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under dir, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe("writeReport(resultsDir, options)", () => {
  test("refuses results larger than maxBytes before reading them, with the size and the way out, writing nothing", async () => {
    const dir = join(root, "huge");
    writeFixtureResults(dir);
    const before = tree(dir);
    await expect(writeReport(dir, { maxBytes: 1000 })).rejects.toThrow(
      /^invalid report: ".*huge\/metrics\.csv" \(expected results of at most 0\.00 MB \(metrics\.csv and effects\.csv\) for a report\); they have [\d.]+ MB: use --no-report, or keep fewer steps \(--every\), groups or metrics$/,
    );
    expect(tree(dir)).toEqual(before);
  });

  test("writes report.html and charts/<name>.svg + .png for every chart of a comparison", async () => {
    const dir = join(root, "compare");
    writeFixtureResults(dir);
    const written = await writeReport(dir);
    const names = ["effects", "income-composition", "income-distribution", "integration", "trajectories"];
    expect(tree(dir)).toEqual([
      ...names.flatMap((n) => [`charts/${n}.png`, `charts/${n}.svg`]),
      "effects.csv", "manifest.json", "metrics.csv", "report.html", "summary.json",
    ]);
    expect(written.html).toBe(join(dir, "report.html"));
    expect(written.charts.map((c) => c.name).sort()).toEqual(names);
    const html = readFileSync(written.html, "utf8");
    expect(html.includes("<title>relocsim report: compare</title>")).toBe(true);
    expect(html.includes('class="effects"')).toBe(true);
    expect(readFileSync(join(dir, "charts/trajectories.svg"), "utf8")).toMatch(/^<svg[\s\S]*Outcome trajectories[\s\S]*<\/svg>$/);
    expect(statSync(join(dir, "charts/trajectories.png")).size).toBeGreaterThan(50_000);
  });

  test("a single run of one scenario (no effects.csv): no effects chart or table, png off", async () => {
    const dir = join(root, "single");
    writeFixtureResults(dir, { effects: false, only: ["integrated, full"] });
    // A picture from an earlier comparison in the same folder must not survive as if current.
    await writeReport(join(root, "compare"));
    writeFileSync(join(dir, "stale-marker"), "");
    const written = await writeReport(dir, { png: false, title: "One scenario" });
    expect(written.charts.map((c) => c.name)).toEqual(["trajectories", "income-composition", "income-distribution", "integration"]);
    expect(written.charts.every((c) => c.png === undefined)).toBe(true);
    expect(tree(join(dir, "charts"))).toEqual([
      "income-composition.svg", "income-distribution.svg", "integration.svg", "trajectories.svg",
    ]);
    const html = readFileSync(written.html, "utf8");
    expect(html.includes("<title>One scenario</title>")).toBe(true);
    expect(html.includes('class="effects"')).toBe(false);
    expect(html.includes('id="chart-effects"')).toBe(false);
    expect(html.includes("<code>integrated, full</code>")).toBe(true);
  });

  test("removes a chart an earlier report wrote that this run no longer has", async () => {
    const dir = join(root, "rerun");
    writeFixtureResults(dir);
    await writeReport(dir, { png: false });
    expect(existsSync(join(dir, "charts/effects.svg"))).toBe(true);
    rmSync(join(dir, "effects.csv"));
    await writeReport(dir, { png: false });
    expect(existsSync(join(dir, "charts/effects.svg"))).toBe(false);
  });

  test("on error writes nothing: no report, no charts, no temporary files", async () => {
    const dir = join(root, "broken");
    writeFixtureResults(dir, { effects: false });
    writeFileSync(join(dir, "metrics.csv"), "scenario,replicate,seed,step,date,group,metric,value\nbaseline,0,1,0,2016-01,all\n");
    await expect(writeReport(dir)).rejects.toThrow(/invalid line 2 of .*metrics.csv: "baseline,0,1,0,2016-01,all" \(expected 8 comma-separated fields\)/);
    expect(tree(dir)).toEqual(["manifest.json", "metrics.csv", "summary.json"]);
    await expect(writeReport(join(root, "missing"))).rejects.toThrow(/invalid results directory/);
    expect(existsSync(join(root, "missing"))).toBe(false);
  });
});
