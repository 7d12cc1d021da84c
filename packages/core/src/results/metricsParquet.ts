import { ParquetWriter, fileWriter, schemaFromColumnData } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import type { FileWriter } from "./resultFiles.js";
import type { TidyRow } from "./tidyRow.js";

/**
 * The columns of metrics.parquet: the tidy row's, typed. Seeds and replicates fit INT32 (a
 * seed is at most 2^31 − 1, experimentSpec's seed range); strings are dictionary-encoded by the
 * writer (a few distinct scenarios, dates, groups and metrics repeat over millions of rows).
 */
export const PARQUET_COLUMNS = [
  { name: "scenario", type: "STRING" },
  { name: "replicate", type: "INT32" },
  { name: "seed", type: "INT32" },
  { name: "step", type: "INT32" },
  { name: "date", type: "STRING" },
  { name: "group", type: "STRING" },
  { name: "metric", type: "STRING" },
  { name: "value", type: "DOUBLE" },
] as const;

/** Rows per row group: about 2 MB of columns in memory while one is encoded, whatever the number of runs. */
export const PARQUET_ROW_GROUP = 100_000;

const schema = schemaFromColumnData({
  columnData: PARQUET_COLUMNS.map(({ name, type }) => ({ name, type, nullable: false, data: [] })),
});

/**
 * metrics.parquet written at a path from rows as they come (an experiment's runs read one at a
 * time from its run store), a row group at a time: only one row group's columns are ever held,
 * so memory stays flat however many runs there are. Same rows, same order as metrics.csv.
 */
export function streamedParquet(rows: Iterable<TidyRow>, rowGroup = PARQUET_ROW_GROUP): FileWriter {
  return (path) => {
    const writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: "relocsim (hyparquet-writer)" });
    const scenario: string[] = [], date: string[] = [], group: string[] = [], metric: string[] = [];
    const replicate = new Int32Array(rowGroup), seed = new Int32Array(rowGroup), step = new Int32Array(rowGroup);
    const value = new Float64Array(rowGroup);
    let n = 0;
    const flush = () => {
      if (n === 0) return;
      const data: Record<string, ColumnSource["data"]> = {
        scenario, replicate: replicate.subarray(0, n), seed: seed.subarray(0, n), step: step.subarray(0, n),
        date, group, metric, value: value.subarray(0, n),
      };
      const columnData = PARQUET_COLUMNS.map(({ name, type }) => ({ name, type, nullable: false, data: data[name]! }));
      void writer.write({ columnData, rowGroupSize: n });
      scenario.length = date.length = group.length = metric.length = 0;
      n = 0;
    };
    for (const r of rows) {
      scenario.push(r.scenario);
      replicate[n] = r.replicate;
      seed[n] = r.seed;
      step[n] = r.step;
      date.push(r.date);
      group.push(r.group);
      metric.push(r.metric);
      value[n] = r.value;
      if (++n === rowGroup) flush();
    }
    flush();
    void writer.finish();
  };
}
