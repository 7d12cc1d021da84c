import { closeSync, openSync, writeSync } from "node:fs";
import { CSV_HEADER, csvRow, rowsToCsv, type TidyRow } from "./tidyRow.js";
import { effectsToCsv, type EffectRow } from "../experiment/effectRow.js";
import { RESULT_FILES, type FileWriter, type ResultFiles } from "./resultFiles.js";
import { streamedParquet } from "./metricsParquet.js";

/**
 * The data tables of a results directory, written the same way for a single run and for an
 * experiment: metrics.csv and metrics.parquet (the same rows, typed columns), and effects.csv
 * when there are effects. `rows` is read once per file, so it must be iterable again (an
 * array, or an object whose iterator starts afresh). `replications` tells
 * whether intervals exist at all (one replication gives none: their cells are left empty).
 * With `stream`, metrics.csv is written as its rows come (an experiment's runs read one at
 * a time), never held whole: the text of 500 monthly runs is already longer than a string
 * may be.
 */
export function resultTables(rows: Iterable<TidyRow>, effects?: { rows: Iterable<EffectRow>; replications: number }, stream = false): ResultFiles {
  return {
    ...(effects && { [RESULT_FILES.effects]: effectsToCsv(effects.rows) }),
    [RESULT_FILES.metrics]: stream ? streamedCsv(rows) : rowsToCsv(rows),
    [RESULT_FILES.metricsParquet]: streamedParquet(rows),
  };
}

/** Bytes of text gathered before each write. */
const WRITE_CHUNK = 1 << 20;

/** metrics.csv written at a path in chunks, byte for byte what rowsToCsv gives. */
function streamedCsv(rows: Iterable<TidyRow>): FileWriter {
  return (path) => {
    const fd = openSync(path, "w");
    try {
      let text = CSV_HEADER + "\n";
      for (const r of rows) {
        text += csvRow(r) + "\n";
        if (text.length >= WRITE_CHUNK) {
          writeAll(fd, text);
          text = "";
        }
      }
      writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
  };
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
