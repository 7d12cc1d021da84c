import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { createSimulation, type TidyRow } from "../src/index.js";
import { CSV_HEADER } from "../src/engine.js";
import { RESULT_FILES, readResults, resultTables, type FileWriter } from "../src/results/index.js";
import { PARQUET_COLUMNS, streamedParquet } from "../src/results/metricsParquet.js";

const scratch = () => mkdtempSync(join(tmpdir(), "relocsim-parquet-"));

function* rows(n: number): Generator<TidyRow> {
  for (let i = 0; i < n; i++) yield { scenario: i % 7 ? "a" : 'b,"c"', replicate: i % 5, seed: 2 ** 31 - 1 - (i % 3), step: 1 + (i % 120), date: "2016-01", group: i % 2 ? "site:urban" : "household:large", metric: "employment_rate", value: i % 11 ? i / 3 : -1e300 };
}

async function written(files: Record<string, unknown>, dir = scratch()): Promise<string> {
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === "function") await (content as FileWriter)(join(dir, name));
    else writeFileSync(join(dir, name), content as string);
  }
  return dir;
}

describe("metrics.parquet (resultTables, streamedParquet)", () => {
  it("holds the rows of metrics.csv, in order, with typed columns: scenario, date, group, metric strings; replicate, seed, step INT32; value DOUBLE", async () => {
    const sim = createSimulation({ name: "p" }, { scale: 200, seed: 5, groups: ["all", "residence:resident", "household:with_labour"] });
    sim.run();
    const dir = await written(resultTables(sim.results()));
    const file = await asyncBufferFromFile(join(dir, RESULT_FILES.metricsParquet));
    const meta = await parquetMetadataAsync(file);
    const types = Object.fromEntries(meta.schema.slice(1).map((e) => [e.name, `${e.type}${e.converted_type ? "/" + e.converted_type : ""}/${e.repetition_type}`]));
    expect(types).toEqual({
      scenario: "BYTE_ARRAY/UTF8/REQUIRED", replicate: "INT32/REQUIRED", seed: "INT32/REQUIRED", step: "INT32/REQUIRED",
      date: "BYTE_ARRAY/UTF8/REQUIRED", group: "BYTE_ARRAY/UTF8/REQUIRED", metric: "BYTE_ARRAY/UTF8/REQUIRED", value: "DOUBLE/REQUIRED",
    });
    expect(PARQUET_COLUMNS.map((c) => c.name).join(",")).toBe(CSV_HEADER);
    const back = await parquetReadObjects({ file });
    expect(back).toEqual(sim.results());
    // And the same values as metrics.csv, read back as text.
    const csv = await readResults(dir);
    const pq = await readResults(await written({ [RESULT_FILES.metricsParquet]: streamedParquet(sim.results()), [RESULT_FILES.manifest]: "{}" }));
    expect(pq.metrics).toEqual(csv.metrics);
    expect(csv.metrics.length).toBe(sim.results().length);
  });

  it("streams in row groups of the given size, keeping full-precision doubles, quoted names and the largest seed", async () => {
    const dir = await written({ "m.parquet": streamedParquet(rows(25_001), 10_000) });
    const file = await asyncBufferFromFile(join(dir, "m.parquet"));
    const meta = await parquetMetadataAsync(file);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([10_000, 10_000, 5_001]);
    expect(await parquetReadObjects({ file })).toEqual([...rows(25_001)]);
  });

  it("an empty experiment gives a valid file with no rows", async () => {
    const dir = await written({ "m.parquet": streamedParquet([]) });
    expect(await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, "m.parquet")) })).toEqual([]);
  });

  it("readResults refuses a metrics.parquet that is not Parquet, naming it, and a directory with neither metrics file", async () => {
    const bad = scratch();
    writeFileSync(join(bad, RESULT_FILES.metricsParquet), "scenario,replicate\n");
    await expect(readResults(bad)).rejects.toThrow(/metrics\.parquet.*expected a Parquet file of tidy rows/);
    await expect(readResults(scratch())).rejects.toThrow(/a metrics\.csv or metrics\.parquet file in it/);
  });
});
