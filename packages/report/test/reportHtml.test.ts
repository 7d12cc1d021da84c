import { describe, expect, test } from "vitest";
import { reportHtml } from "../src/index.ts";
import { scriptSafe } from "../src/vegaBundles.ts";
import { fixtureEffects, fixtureMetrics, fixturePosteriorEffects, scenarios } from "./fixtures.ts";

const metrics = fixtureMetrics();
const effects = fixtureEffects(metrics);
const manifest = { version: "0.1.0", seed: 1000, scale: 0.05, scenarioHashes: { baseline: "sha256:aa" }, created: "2024-01-01T00:00:00Z" };
const html = reportHtml({ title: "Relocation <outcomes>", scenarios, effects, metrics, manifest, baseline: "baseline" });

describe("reportHtml(input)", () => {
  test("is one self-contained page: no external resource of any kind", () => {
    // The markup and our own scripts; the inlined libraries mention tags and URLs in
    // strings that load nothing (the browser test checks that no request is made).
    const markup = html.replace(/<script data-lib="[^"]*">[\s\S]*?<\/script>/g, "<script></script>");
    expect(markup.length).toBeLessThan(200_000);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    const found = (re: RegExp) => re.exec(markup)?.[0] ?? null;
    expect(found(/<(link|img|iframe|object|embed)\b/i)).toBeNull();
    expect(found(/\ssrc\s*=/i)).toBeNull();
    expect(found(/href\s*=\s*["']?[^#"'\s>]/i)).toBeNull();
    expect(found(/@import|url\(|https?:\/\//i)).toBeNull();
    expect(html.includes("sourceMappingURL")).toBe(false);
  });

  test("inlines vega, vega-lite and vega-embed, with script tags that cannot be ended early", () => {
    for (const lib of ["vega", "vega-lite", "vega-embed"]) expect(html.includes(`<script data-lib="${lib}">`), lib).toBe(true);
    const opened = html.match(/<script\b/gi)!.length;
    expect(html.match(/<\/script/gi)!.length).toBe(opened);
    expect(html.length).toBeGreaterThan(700_000);
  });

  test("scriptSafe escapes </script and <!-- without changing what the code means", () => {
    const code = 'var s = "</script><!-- x"; var r = /<\\/SCRIPT>/;';
    const safe = scriptSafe(code);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    expect(new Function(`${safe}; return s;`)()).toBe("</script><!-- x");
  });

  test("escapes text and embeds each chart's spec as JSON without '<'", () => {
    expect(html.includes("<title>Relocation &lt;outcomes&gt;</title>")).toBe(true);
    expect(html.includes("Vocational training and job placement &lt;b&gt;before&lt;/b&gt; moving &amp; a local-hiring quota.")).toBe(true);
    const json = /<script type="application\/json" id="relocsim-specs">([^<]*)<\/script>/.exec(html)![1]!;
    const specs = JSON.parse(json);
    expect(Object.keys(specs)).toEqual(["trajectories", "effects", "income-composition", "income-distribution", "integration"]);
    for (const name of Object.keys(specs)) {
      expect(html.includes(`<div class="chart" id="chart-${name}" data-chart="${name}"></div>`), name).toBe(true);
    }
  });

  test("lists every scenario with its title and paper sections, baseline first", () => {
    const at = (s: string) => html.indexOf(s);
    expect(at("<code>baseline</code>")).toBeGreaterThan(0);
    expect(at("<code>baseline</code>")).toBeLessThan(at("<code>employment_first</code>"));
    expect(at("<code>employment_first</code>")).toBeLessThan(at("<code>integrated, full</code>"));
    expect(html.includes("Employment first")).toBe(true);
    expect(html.includes("Paper sections: §4.1(2), §3.2")).toBe(true);
  });

  test("shows effects at the horizon with 95% CIs formatted per unit", () => {
    const table = /<table class="effects">[\s\S]*?<\/table>/.exec(html)![0];
    const employment = effects.find((e) => e.scenario === "employment_first" && e.group === "all" && e.metric === "employment_rate" && e.step === 6)!;
    const pp = (v: number) => `${v < 0 ? "−" : "+"}${Math.abs(v * 100).toFixed(1)} pp`;
    expect(table).toContain(`<strong>${pp(employment.effect)}</strong><br><span class="ci">${pp(employment.ci_low)} to ${pp(employment.ci_high)}</span>`);
    expect(table).toMatch(/Per-capita income \(mean\) <span class="unit">\(yuan per person per year\)<\/span>/);
    expect(table).toMatch(/[+−][\d,]+ yuan/);
    expect(table).toContain("2019-01");
  });

  test("says that one replication gives no interval where an effect has none (not \"– to –\")", () => {
    const single = effects.map((e) => ({ ...e, n: 1, ci_low: NaN, ci_high: NaN }));
    const table = /<table class="effects">[\s\S]*?<\/table>/.exec(reportHtml({ title: "t", scenarios, effects: single, metrics, baseline: "baseline" }))![0];
    expect(table).toContain('<span class="ci">no interval: one replication gives no interval</span>');
    expect(table).not.toContain("– to –");
  });

  test("with compare --posterior's columns, shows both intervals and the parameter share; bold follows the interval over draws", () => {
    const posterior = fixturePosteriorEffects(effects);
    const page = reportHtml({ title: "t", scenarios, effects: posterior, metrics, baseline: "baseline" });
    const table = /<table class="effects">[\s\S]*?<\/table>/.exec(page)![0];
    const e = posterior.find((x) => x.scenario === "employment_first" && x.group === "all" && x.metric === "employment_rate" && x.step === 6)!;
    const pp = (v: number) => `${v < 0 ? "−" : "+"}${Math.abs(v * 100).toFixed(1)} pp`;
    const clear = e.draw_ci_low! > 0 || e.draw_ci_high! < 0;
    const effect = clear ? `<strong>${pp(e.effect)}</strong>` : pp(e.effect);
    expect(table).toContain(
      `${effect}<br><span class="ci">chance: ${pp(e.stochastic_ci_low!)} to ${pp(e.stochastic_ci_high!)}</span><br><span class="ci">draws: ${pp(e.draw_ci_low!)} to ${pp(e.draw_ci_high!)}</span>` +
        `<br><span class="ci">parameters: ${Math.round(e.parameter_share! * 100)}% of variance</span>`,
    );
    expect(table).toContain("Bold: the interval over the draws excludes zero.");
    // Some effect clear over replicates but not over draws is shown plain.
    expect(posterior.some((x) => (x.ci_low > 0 || x.ci_high < 0) && !(x.draw_ci_low! > 0 || x.draw_ci_high! < 0))).toBe(true);
    expect(page).toContain("the thin line the 95% interval over the posterior draws");
    // Without the columns nothing of this appears.
    expect(html).not.toContain("draws:");
    expect(html).not.toContain("posterior");
  });

  test("shows the manifest as a key/value table, nested objects included", () => {
    const table = /<table class="manifest">[\s\S]*<\/table>/.exec(html)![0];
    expect(table).toContain("<th scope=\"row\">seed</th><td>1000</td>");
    expect(table).toContain("<th scope=\"row\">baseline</th><td>sha256:aa</td>");
  });

  test("a single run has no effects chart or table, but an outcomes table", () => {
    const single = reportHtml({ title: "One run", scenarios: scenarios.slice(1, 2), metrics: metrics.filter((r) => r.scenario === "employment_first") });
    const has = (s: string) => single.includes(s);
    expect(has('class="effects"')).toBe(false);
    expect(has('id="chart-effects"')).toBe(false);
    expect(has('class="levels"')).toBe(true);
    expect(has('id="chart-trajectories"')).toBe(true);
    expect(has('class="manifest"')).toBe(false);
  });
});
