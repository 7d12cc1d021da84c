import { describe, expect, test } from "vitest";
import { groupsTable, reportHtml } from "../src/index.ts";
import type { TidyRow } from "../src/types.ts";

/** Rows at one step: three replicates of one scenario, a value per group and metric. */
function rows(groups: readonly string[], scenarios = ["baseline"]): TidyRow[] {
  const out: TidyRow[] = [];
  for (const scenario of scenarios)
    for (let r = 0; r < 3; r++)
      groups.forEach((group, g) => {
        out.push({ scenario, replicate: r, seed: r + 1, step: 120, date: "2025-12", group, metric: "poverty_rate", value: 0.1 * (g + 1) + 0.01 * r });
        out.push({ scenario, replicate: r, seed: r + 1, step: 120, date: "2025-12", group, metric: "households", value: 100 * (g + 1) });
        // An earlier step is not the horizon: never shown.
        out.push({ scenario, replicate: r, seed: r + 1, step: 60, date: "2020-12", group, metric: "poverty_rate", value: 9 });
      });
  return out;
}

describe("groupsTable(metrics, { scenarios })", () => {
  test("lists every group of the results at the horizon, `all` first, with the mean and its 95% CI", () => {
    const html = groupsTable(rows(["household:large", "all", "residence:gave_up"]));
    const order = [...html.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(order).toEqual(["all", "household:large", "residence:gave_up"]);
    // household:large is the first group given: poverty 0.10, 0.11, 0.12 → mean 11.0%.
    expect(html).toMatch(/household:large<\/th><td class="num">100(<br>[^/]*<\/span>)?<\/td><td class="num">11\.0%<br><span class="ci">/);
    expect(html).not.toContain("900.0%");
    expect(html).toContain("2025-12");
  });

  test("gives a row per scenario within each group when there are several", () => {
    const html = groupsTable(rows(["all", "residence:resident"], ["baseline", "policy"]), { scenarios: ["baseline", "policy"] });
    expect(html.match(/<tr>/g)!.length).toBe(1 + 4);
    expect(html).toContain('rowspan="2"');
  });

  test("is empty when the results hold only the whole population; reportHtml then has no groups section", () => {
    expect(groupsTable(rows(["all"]))).toBe("");
    const scenarios = [{ name: "baseline", title: "Baseline", description: "", paperSections: [] }];
    expect(reportHtml({ title: "t", scenarios, metrics: rows(["all"]) })).not.toContain('id="groups"');
    expect(reportHtml({ title: "t", scenarios, metrics: rows(["all", "household:elderly_only"]) })).toContain('<h2 id="groups">');
  });
});

describe("reportSizeError(dir, maxBytes)", () => {
  test("counts a metrics.parquet without metrics.csv as the CSV it stands for (25× its size)", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const { reportSizeError } = await import("../src/index.ts");
    const dir = mkdtempSync(join(tmpdir(), "relocsim-size-"));
    writeFileSync(join(dir, "metrics.parquet"), Buffer.alloc(10_000));
    expect(reportSizeError(dir, 300_000)).toBeUndefined();
    expect(reportSizeError(dir, 200_000)?.message).toMatch(/results of at most 0\.19 MB/);
    writeFileSync(join(dir, "metrics.csv"), "x");
    expect(reportSizeError(dir, 200_000)).toBeUndefined();
  });
});
