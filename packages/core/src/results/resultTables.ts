import { rowsToCsv, type TidyRow } from "../results.js";
import { effectsToCsv, type EffectRow } from "../experiment/effectRow.js";
import { RESULT_FILES, type ResultFiles } from "./resultFiles.js";

/**
 * The data tables of a results directory, written the same way for a single run and for an
 * experiment: metrics.csv, and effects.csv when there are effects. `replications` tells
 * whether intervals exist at all (one replication gives none: their cells are left empty).
 */
export function resultTables(rows: Iterable<TidyRow>, effects?: { rows: Iterable<EffectRow>; replications: number }): ResultFiles {
  return {
    ...(effects && { [RESULT_FILES.effects]: effectsToCsv(effects.rows) }),
    [RESULT_FILES.metrics]: rowsToCsv(rows),
  };
}
