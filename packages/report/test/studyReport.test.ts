import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readStudy, studyKind, writeReport, type SweepStudy } from "../src/index.ts";
import { writeFixtureStudy } from "./studyFixtures.ts";

const root = mkdtempSync(join(tmpdir(), "relocsim-report-study-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const table = (html: string, cls: string) => new RegExp(`<table class="${cls}">[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";

describe("writeReport(dir) on the directory of a sweep, a sensitivity analysis, a calibration or a validation", () => {
  test("studyKind(dir) tells them by their manifest.json; a run, a comparison or a stranger's directory is none", () => {
    for (const kind of ["sweep", "sensitivity", "calibrate", "validate-model"] as const) {
      writeFixtureStudy(join(root, `kind-${kind}`), kind);
      expect(studyKind(join(root, `kind-${kind}`))).toBe(kind);
    }
    mkdirSync(join(root, "stranger"));
    writeFileSync(join(root, "stranger", "manifest.json"), JSON.stringify({ command: "sweep" }));
    expect(studyKind(join(root, "stranger"))).toBeUndefined();
    expect(studyKind(join(root, "absent"))).toBeUndefined();
  });

  test("a sweep: per outcome a tornado chart and (factorial) a heatmap, the design's parameters and outcomes over its points", async () => {
    const dir = join(root, "sweep");
    writeFixtureStudy(dir, "sweep");
    const study = (await readStudy(dir, "sweep")) as SweepStudy;
    // The mean over the two replicates of point 1 (u = 0, v = 1).
    expect(study.mean[0]![1]).toBe(7005);
    const written = await writeReport(dir, { title: "Sweep" });
    expect(written.charts.map((c) => c.name)).toEqual(["tornado-per_capita_income", "heatmap-per_capita_income", "tornado-employment_rate", "heatmap-employment_rate"]);
    expect(readdirSync(join(dir, "charts")).length).toBe(8);
    const html = readFileSync(written.html, "utf8");
    expect(html).toContain("<title>Sweep</title>");
    expect(html).toContain("A full factorial design over 2 parameters of the scenario <code>historical</code>: 6 points × 2 replications = 12 runs of 300 households.");
    expect(table(html, "parameters")).toContain("<td>documented plausible range</td>");
    // The widest swing of income: the wage factor, 4,955 → 6,955 yuan (mean over the other parameter's levels and the replicates).
    expect(table(html, "outcomes")).toContain("<td>environment.migrantWageFactor (0.45–0.75)</td><td class=\"num\">4,955 yuan → 6,955 yuan</td>");
    expect(html).toContain('<a href="#chart-heatmap-employment_rate">');
    expect(html).toContain('<h2 id="manifest">Run</h2>');
  });

  test("a sensitivity analysis: a chart and a table of each outcome's indices, parameters by the first index, largest first", async () => {
    const dir = join(root, "sensitivity");
    writeFixtureStudy(dir, "sensitivity");
    const written = await writeReport(dir, { png: false });
    expect(written.charts.map((c) => c.name)).toEqual(["indices-per_capita_income", "indices-employment_rate"]);
    const html = readFileSync(written.html, "utf8");
    const income = table(html, "indices");
    expect(income).toContain("<th scope=\"col\">S1</th><th scope=\"col\">ST</th>");
    expect(income.indexOf("environment.migrantWageFactor")).toBeLessThan(income.indexOf("labour.separationRate"));
    expect(income).toContain('<td class="num">0.9 <span class="ci">[0.8, 1.00]</span></td>');
  });

  test("a calibration: marginals, pairs and fit charts of the last generation, the priors, fit and generations tables", async () => {
    const dir = join(root, "calibrate");
    writeFixtureStudy(dir, "calibrate");
    const written = await writeReport(dir);
    expect(written.charts.map((c) => c.name)).toEqual(["marginals", "pairs", "fit"]);
    expect(readFileSync(join(dir, "charts", "pairs.svg"), "utf8")).toContain("farmingIncome");
    const html = readFileSync(written.html, "utf8");
    expect(html).toContain("The posterior is the last generation, 1 (tolerance 2.50, effective sample size 3.33 of 4); the calibration stopped at the generations asked for.");
    const fit = table(html, "fit");
    // miss: (4097 − 4221) / 420; the cohort share keeps its decimals (no count format).
    expect(fit).toContain('<th scope="row">per_capita_income 2016-12</th><td class="num">4,221</td><td class="num">4,097</td><td class="num">3,697 – 4,581</td><td class="num">−0.295</td>');
    expect(fit).toContain('<td class="num">0.259</td><td class="num">0.301</td>');
    expect(fit).toContain("<td>NDRC, SCIO press conference 2020-12-03</td>");
    expect(table(html, "generations")).toContain('<td class="num">∞ (the prior)</td>');
    expect(table(html, "priors")).toContain("<td>log-uniform</td>");
  });

  test("a validation: targets and predictions as charts and tables", async () => {
    const dir = join(root, "validate");
    writeFixtureStudy(dir, "validate-model");
    const written = await writeReport(dir, { png: false });
    expect(written.charts.map((c) => c.name)).toEqual(["targets", "predictions"]);
    const html = readFileSync(written.html, "utf8");
    expect(table(html, "targets")).toContain('<th scope="row">poverty_rate 2020-12</th><td class="num">0</td><td class="num">0.013</td><td class="num">0.01 – 0.017</td><td>no</td><td class="num">62%</td>');
    expect(table(html, "predictions")).toContain('<td class="num">12,215 yuan</td><td class="num">10,351 yuan – 13,533 yuan</td><td class="num">99%</td><td class="num">12,100 yuan [11,900 yuan, 12,300 yuan]</td>');
    expect(html).toContain("fitted at commit <code>cc8fd8f</code>");
  });

  test("removes a chart of its kind an earlier report wrote that this one does not make, and nothing else", async () => {
    const dir = join(root, "stale");
    writeFixtureStudy(dir, "sweep");
    mkdirSync(join(dir, "charts"));
    for (const f of ["tornado-poverty_rate.svg", "tornado-poverty_rate.png", "notes.txt"]) writeFileSync(join(dir, "charts", f), "x");
    await writeReport(dir, { png: false });
    const left = readdirSync(join(dir, "charts"));
    expect(left).not.toContain("tornado-poverty_rate.svg");
    expect(left).not.toContain("tornado-poverty_rate.png");
    expect(left).toContain("notes.txt");
  });

  test("refuses a directory missing a file its command writes, or too large, naming the file, and writes nothing", async () => {
    const dir = join(root, "missing");
    writeFixtureStudy(dir, "calibrate");
    rmSync(join(dir, "fit.csv"));
    await expect(writeReport(dir)).rejects.toThrow(/^invalid results directory: ".*missing" \(expected a fit\.csv file in it, as relocsim calibrate writes it\)/);
    const big = join(root, "big");
    writeFixtureStudy(big, "sweep");
    await expect(writeReport(big, { maxBytes: 200 })).rejects.toThrow(/^invalid report: ".*big\/outcomes\.csv" \(expected results of at most 0\.00 MB \(points\.csv and outcomes\.csv\) for a report\); they have 0\.00 MB$/);
    for (const d of [dir, big]) {
      expect(existsSync(join(d, "report.html"))).toBe(false);
      expect(existsSync(join(d, "charts"))).toBe(false);
    }
  });

  test("a damaged file is an error naming its line", async () => {
    const dir = join(root, "damaged");
    writeFixtureStudy(dir, "sweep");
    writeFileSync(join(dir, "outcomes.csv"), "point,replicate,seed,group,date,metric,value\n7,0,1,all,2017-12,employment_rate,0.9\n");
    await expect(writeReport(dir)).rejects.toThrow(/invalid line 2 of .*outcomes\.csv: "7" \(expected a point of points\.csv, 0 to 5\)/);
  });
});
