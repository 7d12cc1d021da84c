import { createReadStream } from "node:fs";
import { InputError } from "../errors.js";
import { CsvParser } from "./csvParser.js";

/**
 * Streams a CSV file with a header into typed rows. Columns are found by name (any order,
 * extra columns ignored, names trimmed; `has` tells whether the header names an optional one);
 * a missing required column or a short record is an error naming the file and line.
 */
export async function readCsvTable<T>(file: string, required: readonly string[], convert: (get: (column: string) => string, has: (column: string) => boolean) => T): Promise<T[]> {
  const parser = new CsvParser();
  const rows: T[] = [];
  let index: Map<string, number> | undefined;
  const take = (records: string[][], lines: number[]) => {
    for (const [k, record] of records.entries()) {
      if (!index) {
        index = new Map(record.map((name, i) => [name.trim(), i]));
        const missing = required.filter((c) => !index!.has(c));
        if (missing.length) {
          throw new InputError(`header of ${file}`, record.join(","), `columns ${required.join(",")} (missing ${missing.join(",")})`);
        }
        continue;
      }
      const cols = index;
      const width = Math.max(...required.map((c) => cols.get(c)!)) + 1;
      if (record.length < width) {
        throw new InputError(`line ${lines[k]} of ${file}`, record.join(","), `${index.size} comma-separated fields`);
      }
      try {
        rows.push(convert((column) => {
          const at = cols.get(column);
          return at === undefined ? "" : (record[at] ?? "");
        }, (column) => cols.has(column)));
      } catch (e) {
        // A cell the converter refused (toNumber): say where it is.
        if (!(e instanceof InputError)) throw e;
        throw new InputError(`line ${lines[k]} of ${file}`, e.value, e.expected);
      }
    }
  };
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    take(parser.push(chunk as string), parser.recordLines);
  }
  take(parser.end(), parser.recordLines);
  if (!index) throw new InputError(file, "an empty file", `a header line ${required.join(",")}`);
  if (rows.length === 0) throw new InputError(file, "a header and no rows", "at least one row after the header");
  return rows;
}

/**
 * A numeric cell: blank, "NA" or "NaN" become NaN rather than 0. Anything else must be a
 * finite number: relocsim never writes Infinity, and text is a damaged file.
 */
export function toNumber(cell: string): number {
  const s = cell.trim();
  if (s === "" || s === "NA" || s === "NaN") return NaN;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new InputError("cell", cell, "a finite number, or blank, NA or NaN for a missing value");
  return n;
}
