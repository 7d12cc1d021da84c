/**
 * The rows at each scenario's last step (its horizon). Per scenario, so a results
 * directory that mixes runs of different lengths still compares their ends.
 */
export function atHorizon<R extends { scenario: string; step: number }>(rows: readonly R[]): R[] {
  const last = new Map<string, number>();
  for (const row of rows) {
    const seen = last.get(row.scenario);
    if (seen === undefined || row.step > seen) last.set(row.scenario, row.step);
  }
  return rows.filter((row) => row.step === last.get(row.scenario));
}
