/** One tidy result row: the unit every output (CSV, charts, notebooks) is made of. */
export interface TidyRow {
  scenario: string;
  replicate: number;
  seed: number;
  /** 1-based step; step k is the state at the end of month k. */
  step: number;
  /** YYYY-MM of the month simulated. */
  date: string;
  group: string;
  metric: string;
  value: number;
}

export const CSV_HEADER = "scenario,replicate,seed,step,date,group,metric,value";

/** CSV field quoting (RFC 4180) for names that might contain commas or quotes. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Numbers are written in full precision with JavaScript's shortest round-trip form. */
export function rowsToCsv(rows: Iterable<TidyRow>, header = true): string {
  const out: string[] = header ? [CSV_HEADER] : [];
  for (const r of rows) out.push(csvRow(r));
  return out.join("\n") + "\n";
}

/** One row of metrics.csv, without its line break. */
export function csvRow(r: TidyRow): string {
  return `${csvField(r.scenario)},${r.replicate},${r.seed},${r.step},${r.date},${csvField(r.group)},${r.metric},${r.value}`;
}
