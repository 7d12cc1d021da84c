import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import { InputError } from "../errors.js";
import { PARQUET_COLUMNS } from "./metricsParquet.js";
import type { TidyRow } from "./tidyRow.js";

/** Parquet physical type of each column, and the string columns' annotation. */
const PHYSICAL = { STRING: "BYTE_ARRAY", INT32: "INT32", DOUBLE: "DOUBLE" } as const;

/**
 * The tidy rows of a metrics.parquet written by relocsim (or any file with its columns, in any
 * order, and perhaps others): read row group by row group, labels kept once each by `intern`.
 * A file that is no Parquet file, or lacks a column or has it with another type, is an
 * InputError naming the file and the column.
 */
export async function readMetricsParquet(file: string, intern: (s: string) => string = (s) => s): Promise<TidyRow[]> {
  const buffer = await asyncBufferFromFile(file);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new InputError(file, (e as Error).message, "a Parquet file of tidy rows (metrics.parquet)");
  }
  const names = PARQUET_COLUMNS.map((c) => c.name);
  for (const { name, type } of PARQUET_COLUMNS) {
    const element = metadata.schema.find((e) => e.name === name && !e.num_children);
    if (!element) throw new InputError(file, `no column ${name}`, `a column ${name} (${type}) as relocsim writes it`);
    if (element.type !== PHYSICAL[type] && !(type === "INT32" && element.type === "INT64")) {
      throw new InputError(file, `column ${name} of type ${element.type}`, `${name} of type ${type}`);
    }
  }
  const rows: TidyRow[] = [];
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: names,
      rowFormat: "object",
      onComplete: (data: Array<Record<string, unknown>>) => {
        for (const r of data) {
          rows.push({
            scenario: intern(String(r.scenario)),
            replicate: Number(r.replicate),
            seed: Number(r.seed),
            step: Number(r.step),
            date: intern(String(r.date)),
            group: intern(String(r.group)),
            metric: intern(String(r.metric)),
            value: Number(r.value),
          });
        }
      },
    });
  } catch (e) {
    throw new InputError(file, (e as Error).message, "a readable Parquet file (it may be cut short or corrupt)");
  }
  return rows;
}

/** Rows of a Parquet file, from its footer alone (nothing else is read). */
export async function parquetRowCount(file: string): Promise<number> {
  return Number((await parquetMetadataAsync(await asyncBufferFromFile(file))).num_rows);
}
