/**
 * The order scenarios are listed and coloured in: the preferred names first (usually the
 * baseline, then the scenario files' order), then any others in order of appearance.
 */
export function scenarioOrder(rows: Iterable<{ scenario: string }>, preferred: readonly string[] = []): string[] {
  const seen = new Set<string>();
  for (const row of rows) seen.add(row.scenario);
  const listed = new Set<string>();
  for (const name of preferred) if (seen.has(name)) listed.add(name);
  for (const name of seen) listed.add(name);
  return [...listed];
}
