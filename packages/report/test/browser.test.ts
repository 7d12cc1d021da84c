import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { reportHtml } from "../src/index.ts";
import { fixtureEffects, fixtureMetrics, scenarios } from "./fixtures.ts";

// Debian's chromium, installed by scripts/install-system-deps.sh. A missing browser fails
// the suite rather than skipping it, unless the skip is asked for explicitly.
const executablePath = "/usr/bin/chromium";
const skip = process.env.RELOCSIM_SKIP_BROWSER === "1";
const args = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const root = mkdtempSync(join(tmpdir(), "relocsim-report-browser-"));
let browser: Browser | undefined;
let missing: Error | undefined;

beforeAll(async () => {
  if (skip) return;
  if (!existsSync(executablePath)) {
    missing = new Error(
      `Chromium not found at ${executablePath}: the report's browser test needs it. ` +
        "Install it with `bash scripts/install-system-deps.sh` (apt package chromium), " +
        "or set RELOCSIM_SKIP_BROWSER=1 to skip this test.",
    );
    return;
  }
  browser = await chromium.launch({ executablePath, args });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

interface ChartState {
  id: string;
  rendered: string | null;
  marks: number;
  texts: string[];
}

/** Opens a report from disk with every non-file request refused, and waits for the charts. */
async function open(html: string, name: string) {
  // Each test fails on its own, with the reason, when the browser is not there.
  if (missing) throw missing;
  const file = join(root, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser!.newPage({ viewport: { width: 1300, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("body[data-embedded=done]", { timeout: 20_000 });
  const charts: ChartState[] = await page.$$eval(".chart", (els) =>
    els.map((el) => ({
      id: el.id,
      rendered: el.getAttribute("data-rendered"),
      // Marks are paths/lines inside vega's role-mark groups (axes and legends are not).
      marks: el.querySelectorAll("svg g.role-mark path, svg g.role-mark line, canvas").length,
      texts: [...el.querySelectorAll("svg text")].map((t) => t.textContent ?? ""),
    })),
  );
  await page.close();
  return { charts, problems, requests };
}

describe.skipIf(skip)("report.html in headless Chromium, offline (file://, network refused)", () => {
  test("every chart of a comparison draws its marks, with no console error and no request", async () => {
    const metrics = fixtureMetrics();
    const html = reportHtml({ title: "Browser check", scenarios, metrics, effects: fixtureEffects(metrics), baseline: "baseline" });
    const { charts, problems, requests } = await open(html, "compare");
    expect(charts.map((c) => c.id)).toEqual([
      "chart-trajectories", "chart-effects", "chart-income-composition", "chart-income-distribution", "chart-integration",
    ]);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe("ok");
      expect(c.marks, `${c.id} marks`).toBeGreaterThan(5);
    }
    expect(charts[0]!.texts).toContain("Outcome trajectories");
    expect(charts[1]!.texts).toContain("Effects at the horizon");
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  }, 60_000);

  test("a single run of one scenario renders too", async () => {
    const metrics = fixtureMetrics().filter((r) => r.scenario === "baseline");
    const { charts, problems, requests } = await open(reportHtml({ title: "Single", scenarios: scenarios.slice(0, 1), metrics }), "single");
    expect(charts.map((c) => [c.id, c.rendered])).toEqual([
      ["chart-trajectories", "ok"], ["chart-income-composition", "ok"], ["chart-income-distribution", "ok"], ["chart-integration", "ok"],
    ]);
    for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(2);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  }, 60_000);
});
