import type { ReportChart } from "./reportCharts.ts";
import { escapeHtml, scriptJson } from "./escapeHtml.ts";
import { manifestTable } from "./manifestTable.ts";
import { vegaBundles } from "./vegaBundles.ts";

/** A section of a report page: a heading with an anchor, and its HTML (tables, text). */
export interface ReportSection {
  /** the anchor, element-id safe: "effects", "fit" … */
  id: string;
  heading: string;
  /** its link in the navigation line. @default heading */
  nav?: string;
  /** empty: the section is left out */
  html: string;
}

export interface ReportPageInput {
  title: string;
  /** in reading order, before the charts */
  sections: readonly ReportSection[];
  charts: readonly ReportChart[];
  /** manifest.json, shown last as a key/value table under "Run" */
  manifest?: Record<string, unknown>;
}

const embedOptions = {
  mode: "vega-lite",
  renderer: "svg",
  // Export stays (it works offline); the editor link would leave the machine.
  actions: { export: true, source: false, compiled: false, editor: false },
};

/**
 * One self-contained HTML page: a title, a navigation line, the sections, every chart made
 * interactive by vega-embed, and the manifest. vega, vega-lite and vega-embed are inlined, so
 * the page opens offline and references no URL. Every report (a run, a comparison, a design,
 * a calibration, a validation) is laid out by this one function.
 */
export function reportPage(input: ReportPageInput): string {
  const specs: Record<string, unknown> = {};
  for (const c of input.charts) {
    // Without $schema the spec holds no URL; embedOptions.mode says it is Vega-Lite.
    const { $schema: _schema, ...spec } = c.spec;
    specs[c.name] = spec;
  }
  const sections = input.sections.filter((s) => s.html);
  const manifest = input.manifest && Object.keys(input.manifest).length ? manifestTable(input.manifest) : "";
  const nav = [
    ...sections.map((s) => [s.id, s.nav ?? s.heading]),
    ...input.charts.map((c) => [`chart-${c.name}`, c.title]),
    ...(manifest ? [["manifest", "Run"]] : []),
  ].map(([id, label]) => `<a href="#${id}">${escapeHtml(label)}</a>`).join(" · ");

  const scripts = vegaBundles()
    .map((b) => `<script data-lib="${b.name}">\n${b.code}\n</script>`)
    .join("\n");

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
body { font-family: "DejaVu Sans", Verdana, Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; padding: 24px; max-width: 1240px; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
nav { font-size: 0.95em; color: #555; }
a { color: #0072B2; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
caption { caption-side: top; text-align: left; color: #444; padding-bottom: 0.5em; max-width: 60em; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 6px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #999; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.ci, .unit { color: #666; font-size: 0.88em; font-weight: normal; }
td.clear strong { color: #000; }
.scenario { margin: 0.8em 0 1.1em; }
.scenario h3 { margin: 0 0 0.2em; font-size: 1.08em; }
.scenario code, .manifest code { background: #f4f4f4; padding: 1px 4px; border-radius: 3px; }
.sections { color: #555; font-size: 0.92em; }
figure { margin: 1.5em 0; overflow-x: auto; }
figcaption { color: #444; margin-bottom: 0.6em; }
.chart { min-height: 120px; }
.chart-error { color: #D55E00; }
table.nested th, table.nested td { border: none; padding: 0 8px 0 0; }
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<nav>${nav}</nav>
${sections.map((s) => `\n<h2 id="${s.id}">${escapeHtml(s.heading)}</h2>\n${s.html}\n`).join("")}
${input.charts
  .map(
    (c) => `<h2>${escapeHtml(c.title)}</h2>
<figure>
<figcaption>${escapeHtml(c.caption)}</figcaption>
<div class="chart" id="chart-${c.name}" data-chart="${c.name}"></div>
</figure>`,
  )
  .join("\n")}
${manifest ? `\n<h2 id="manifest">Run</h2>\n${manifest}\n` : ""}
${scripts}
<script type="application/json" id="relocsim-specs">${scriptJson(specs)}</script>
<script type="application/json" id="relocsim-embed-options">${scriptJson(embedOptions)}</script>
<script>
(function () {
  var specs = JSON.parse(document.getElementById("relocsim-specs").textContent);
  var options = JSON.parse(document.getElementById("relocsim-embed-options").textContent);
  var jobs = Object.keys(specs).map(function (name) {
    var el = document.getElementById("chart-" + name);
    return vegaEmbed(el, specs[name], options).then(function () {
      el.setAttribute("data-rendered", "ok");
    }, function (err) {
      el.setAttribute("data-rendered", "error");
      el.className += " chart-error";
      el.textContent = "This chart could not be drawn: " + (err && err.message ? err.message : err);
      console.error(err);
    });
  });
  Promise.all(jobs).then(function () { document.body.setAttribute("data-embedded", "done"); });
})();
</script>
</body>
</html>
`;
}
