import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TidyRow } from "../src/index.js";
import { rowsToCsv } from "../src/engine.js";
import { resultTables, type FileWriter } from "../src/results/index.js";

function* rows(n: number): Generator<TidyRow> {
  for (let i = 0; i < n; i++) yield { scenario: i % 7 ? "a" : 'b,"c"', replicate: i % 5, seed: 11, step: i, date: "2016-01", group: "site:urban", metric: "employment_rate", value: i / 3 };
}

describe("resultTables(rows, effects, stream)", () => {
  it("with stream, metrics.csv is written at its path in chunks, byte for byte what rowsToCsv gives (across many chunks, quoted names)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "relocsim-tables-")), "metrics.csv");
    const writer = resultTables(rows(60_000), undefined, true)["metrics.csv"] as FileWriter;
    expect(typeof writer).toBe("function");
    await writer(file);
    const text = readFileSync(file, "utf8");
    expect(text.length).toBeGreaterThan(3 << 20);
    expect(text === rowsToCsv(rows(60_000))).toBe(true);
  });
});
