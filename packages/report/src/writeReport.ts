import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { readResults } from "@relocsim/core/results";
import { reportCharts, type ReportChart } from "./reportCharts.ts";
import { reportHtml } from "./reportHtml.ts";
import { reportPage } from "./reportPage.ts";
import { toPng, toSvg } from "./render.ts";
import { reportScenarioOrder } from "./reportScenarioOrder.ts";
import { readStudy } from "./readStudy.ts";
import { studyCharts, STUDY_CHART_NAMES } from "./studyCharts.ts";
import { studyKind } from "./studyKind.ts";
import { studySections } from "./studySections.ts";
import { writeFileAtomic } from "./writeFileAtomic.ts";
import { reportSizeError } from "./reportSizeError.ts";

export interface WriteReportOptions {
  /** also write charts/<name>.png next to each SVG. @default true */
  png?: boolean;
  /** @default "relocsim report: <directory name>" */
  title?: string;
  /** Refuse results (metrics.csv and effects.csv) larger than this. @default MAX_REPORT_BYTES (256 MB) */
  maxBytes?: number;
}

export interface WrittenReport {
  /** path of report.html */
  html: string;
  charts: { name: string; svg: string; png?: string }[];
}

// Every name reportCharts can produce, so a chart missing from this run (say, effects after
// re-running a single scenario) does not leave a stale picture from an earlier report.
const allChartNames = ["trajectories", "effects", "income-composition", "income-distribution", "integration"];

/**
 * Reads a results directory and writes report.html and charts/<name>.svg (+ .png) into it:
 * the directory of a run or a comparison (metrics.csv …), or of a sweep, a sensitivity
 * analysis, a calibration or a validation (as its manifest.json says). Everything is rendered
 * in memory first and each file is written atomically, so an error leaves no half-written file
 * behind. Results too large to chart (reportSizeError) are refused before they are read.
 */
export async function writeReport(resultsDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const dir = resolve(resultsDir);
  const tooLarge = reportSizeError(dir, options.maxBytes);
  if (tooLarge) throw tooLarge;
  const png = options.png ?? true;
  // Not summary.json's `title`: for a single run that is the scenario's title.
  const title = options.title ?? `relocsim report: ${basename(dir)}`;

  // 1. Build: the page and every chart, in memory.
  const kind = studyKind(dir);
  let html: string;
  let charts: ReportChart[];
  if (kind) {
    const study = await readStudy(dir, kind);
    charts = studyCharts(study);
    html = reportPage({ title, sections: studySections(study), charts, manifest: study.manifest });
  } else {
    const results = await readResults(dir);
    const input = {
      title,
      scenarios: results.scenarios,
      effects: results.effects,
      metrics: results.metrics,
      manifest: results.manifest,
      baseline: results.baseline,
    };
    html = reportHtml(input);
    charts = reportCharts({ metrics: input.metrics, effects: input.effects, scenarios: reportScenarioOrder(input) });
  }
  const rendered: { name: string; svg: string; png?: Buffer }[] = [];
  for (const chart of charts) {
    const svg = await toSvg(chart.spec);
    rendered.push({ name: chart.name, svg, png: png ? toPng(svg) : undefined });
  }

  // 2. Write: charts first, the page that shows them last.
  const chartDir = join(dir, "charts");
  await mkdir(chartDir, { recursive: true });
  const written: WrittenReport["charts"] = [];
  for (const r of rendered) {
    const svgPath = join(chartDir, `${r.name}.svg`);
    await writeFileAtomic(svgPath, r.svg);
    const entry: WrittenReport["charts"][number] = { name: r.name, svg: svgPath };
    if (r.png) {
      entry.png = join(chartDir, `${r.name}.png`);
      await writeFileAtomic(entry.png, r.png);
    }
    written.push(entry);
  }
  const produced = new Set(rendered.map((r) => r.name));
  // A study's chart names depend on its outcomes: every picture of its kinds not made now goes.
  const names = kind ? [...new Set((await readdir(chartDir)).map((f) => f.replace(/\.(svg|png)$/, "")))].filter((n) => STUDY_CHART_NAMES.test(n)) : allChartNames;
  for (const name of names.filter((n) => !produced.has(n))) {
    await rm(join(chartDir, `${name}.svg`), { force: true });
    await rm(join(chartDir, `${name}.png`), { force: true });
  }
  if (!png) for (const name of produced) await rm(join(chartDir, `${name}.png`), { force: true });
  const htmlPath = join(dir, "report.html");
  await writeFileAtomic(htmlPath, html);
  return { html: htmlPath, charts: written };
}
