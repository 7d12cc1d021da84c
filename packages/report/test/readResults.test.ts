import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseCsv, readResults, ReportError } from "../src/index.ts";
import { CsvParser } from "@relocsim/core/results";
import { fixtureEffects, fixtureMetrics, fixturePosteriorEffects, scenarios, writeFixtureResults } from "./fixtures.ts";

const root = mkdtempSync(join(tmpdir(), "relocsim-report-read-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("parseCsv(text)", () => {
  test("reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes", () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\nlines"],
    ]);
  });

  test("accepts CRLF, a byte-order mark, blank lines, empty fields and no final newline", () => {
    expect(parseCsv("\uFEFFa,b\r\n1,\r\n\r\n,2")).toEqual([["a", "b"], ["1", ""], ["", "2"]]);
  });

  test("CsvParser tells the line each record starts on, line breaks in quotes included", () => {
    const p = new CsvParser();
    expect(p.push('h1,h2\n"a\nb",1\r\n\nc,2')).toHaveLength(2);
    expect(p.recordLines).toEqual([1, 2]);
    expect(p.end()).toEqual([["c", "2"]]);
    expect(p.recordLines).toEqual([5]);
  });

  test("gives the same records however the text is split into chunks", () => {
    const text = 'scenario,value\r\n"integrated, full",1.5\r\n"q""uote",2\n';
    const whole = parseCsv(text);
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser();
      expect([...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()], `cut at ${cut}`).toEqual(whole);
    }
  });
});

describe("readResults(dir)", () => {
  test("reads metrics, effects, summary and manifest of a comparison", async () => {
    const dir = join(root, "compare");
    writeFixtureResults(dir);
    const r = await readResults(dir);
    expect(r.metrics).toEqual(fixtureMetrics());
    expect(r.effects).toEqual(fixtureEffects());
    expect(r.baseline).toBe("baseline");
    expect(r.scenarios).toEqual(scenarios);
    expect(r.manifest).toMatchObject({ version: "0.1.0", seed: 1000 });
    expect(r.summary).toMatchObject({ title: "Fixture comparison" });
  });

  test("reads the columns compare --posterior appends to effects.csv, and only where they are", async () => {
    const dir = join(root, "posterior");
    writeFixtureResults(dir, { posterior: true });
    const r = await readResults(dir);
    expect(r.effects).toEqual(fixturePosteriorEffects());
    expect(Object.keys((await readResults(join(root, "compare"))).effects![0]!)).not.toContain("draw_ci_low");
  });

  test("a single run has no effects, and scenarios default to bare names", async () => {
    const dir = join(root, "single");
    writeFixtureResults(dir, { effects: false, only: ["employment_first"] });
    rmSync(join(dir, "summary.json"));
    rmSync(join(dir, "manifest.json"));
    const r = await readResults(dir);
    expect(r.effects).toBeUndefined();
    expect(r.manifest).toBeUndefined();
    expect(r.scenarios).toEqual([{ name: "employment_first", title: "employment_first", description: "", paperSections: [] }]);
  });

  test("finds columns by name in any order and ignores extra ones", async () => {
    const dir = join(root, "reordered");
    writeFixtureResults(dir, { effects: false });
    writeFileSync(
      join(dir, "metrics.csv"),
      "value,metric,extra,group,date,step,seed,replicate,scenario\r\n0.5,employment_rate,zzz,all,2016-01,0,7,0,\"a, b\"\r\n,poverty_rate,,all,2016-01,0,7,0,\"a, b\"\r\n",
    );
    const r = await readResults(dir);
    expect(r.metrics[0]).toEqual({ scenario: "a, b", replicate: 0, seed: 7, step: 0, date: "2016-01", group: "all", metric: "employment_rate", value: 0.5 });
    expect(r.metrics[1]!.value).toBeNaN();
  });

  test("errors name what is missing", async () => {
    await expect(readResults(join(root, "nowhere"))).rejects.toThrow(/^invalid results directory: ".*nowhere" \(expected a directory/);
    const empty = join(root, "empty");
    writeFixtureResults(empty);
    rmSync(join(empty, "metrics.csv"));
    await expect(readResults(empty)).rejects.toThrow(/expected a metrics.csv or metrics.parquet file in it/);

    const badHeader = join(root, "bad-header");
    writeFixtureResults(badHeader, { effects: false });
    writeFileSync(join(badHeader, "metrics.csv"), "scenario,step,metric,value\nx,0,m,1\n");
    const err = await readResults(badHeader).catch((e) => e);
    expect(err).toBeInstanceOf(ReportError);
    expect(err.message).toMatch(/missing replicate,seed,date,group/);

    const badJson = join(root, "bad-json");
    writeFixtureResults(badJson, { effects: false });
    writeFileSync(join(badJson, "summary.json"), "{ not json");
    await expect(readResults(badJson)).rejects.toThrow(/summary.json.*expected valid JSON/);
  });
});

describe("readResults(dir) refuses damaged metrics", () => {
  const header = "scenario,replicate,seed,step,date,group,metric,value\n";
  const rows = (steps: number[], metrics = ["employment_rate", "poverty_rate"]) =>
    steps.flatMap((step) => metrics.map((m) => `baseline,0,1,${step},2016-0${step},all,${m},0.5\n`)).join("");
  const dirWith = (name: string, metrics: string) => {
    const dir = join(root, name);
    writeFixtureResults(dir, { effects: false });
    rmSync(join(dir, "manifest.json"));
    writeFileSync(join(dir, "metrics.csv"), metrics);
    return dir;
  };

  test("a file cut at a line boundary: a series stops before the others", async () => {
    const cut = header + rows([1, 2]) + "baseline,0,1,3,2016-03,all,employment_rate,0.5\n";
    await expect(readResults(dirWith("cut", cut))).rejects.toThrow(/^invalid .*metrics\.csv: "baseline replicate 0, all, poverty_rate ending at step 2" \(expected every series to reach step 3\); the file looks cut short$/);
  });

  test("a file cut at a step boundary, when manifest.json gives the horizon", async () => {
    const dir = dirWith("cut-step", header + rows([1, 2]));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ horizon: { start: "2016-01", months: 3 } }));
    await expect(readResults(dir)).rejects.toThrow(/ending at step 2" \(expected every series to reach step 3 \(the horizon of manifest\.json\)\)/);
  });

  test("Infinity and text in a numeric column, with the line", async () => {
    await expect(readResults(dirWith("inf", header + rows([1]) + "baseline,0,1,2,2016-02,all,employment_rate,Infinity\n"))).rejects.toThrow(/^invalid line 4 of .*metrics\.csv: "Infinity" \(expected a finite number, or blank, NA or NaN for a missing value\)$/);
    await expect(readResults(dirWith("text", header + "baseline,0,1,one,2016-01,all,employment_rate,0.5\n"))).rejects.toThrow(/^invalid line 2 of .*metrics\.csv: "one" \(expected a finite number/);
  });

  test("a header and no rows", async () => {
    await expect(readResults(dirWith("header-only", header))).rejects.toThrow(/metrics\.csv: "a header and no rows" \(expected at least one row after the header\)$/);
  });
});
