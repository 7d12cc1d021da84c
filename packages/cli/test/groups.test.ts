import { describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relocsimHere } from "./relocsim.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "relocsim-groups-"));
const groupsOf = (csv: string) => [...new Set(csv.trim().split("\n").slice(1).map((l) => l.split(",")[5]))];

describe("relocsim run --groups LIST and compare --groups LIST", () => {
  test("run --groups writes exactly the groups listed, in order, to metrics.csv and summary.json", async () => {
    const out = join(scratch(), "out");
    const r = await relocsimHere("run", "scenarios/baseline.json", "--scale", "200", "--groups", "residence:returned,all,household:without_labour", "--no-report", "--quiet", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(groupsOf(readFileSync(join(out, "metrics.csv"), "utf8"))).toEqual(["residence:returned", "all", "household:without_labour"]);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(Object.keys(summary.outcomes)).toEqual(["residence:returned", "all", "household:without_labour"]);
    expect(summary.outcomes["household:without_labour"].labour_force).toBe(0);
  });

  test("an unknown group exits 2 naming it, with a did-you-mean, and writes nothing", async () => {
    const dir = scratch();
    for (const [cmd, file] of [["run", "scenarios/baseline.json"], ["compare", "scenarios/example-comparison.json"]] as const) {
      const r = await relocsimHere(cmd, file, "--scale", "200", "--groups", "all,residence:gaveup", "--no-report", "--out", join(dir, cmd));
      expect(r.code, cmd).toBe(2);
      expect(r.stderr, cmd).toMatch(/--groups\[1\]: "residence:gaveup".*did you mean 'residence:gave_up'\?/);
      expect(r.stderr, cmd).not.toMatch(/\n\s+at /);
    }
  });

  test("compare keeps household and residence groups in metrics.csv, summary.json and the report's groups table", async () => {
    const dir = scratch();
    const file = join(dir, "c.json");
    writeFileSync(file, JSON.stringify({ name: "g", baseline: "baseline", scenarios: ["lever.gridManagement"], replications: 2, groups: ["all", "household:elderly_only", "residence:resident"], every: 60, scale: 200 }));
    const out = join(dir, "out");
    const r = await relocsimHere("compare", file, "--workers", "1", "--quiet", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(groupsOf(readFileSync(join(out, "metrics.csv"), "utf8"))).toEqual(["all", "household:elderly_only", "residence:resident"]);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(Object.keys(summary.outcomes.baseline)).toEqual(["all", "household:elderly_only", "residence:resident"]);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<h2 id="groups">');
    expect(html).toContain("household:elderly_only</th>");
  }, 120_000);
});
