/** "5 replications", "3–5 replications": how many replicates a summary rests on. */
export function replicationText(ns: Iterable<number>): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const n of ns) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  if (lo === Infinity) return "0 replications";
  const unit = hi === 1 ? "replication" : "replications";
  return lo === hi ? `${lo} ${unit}` : `${lo}–${hi} ${unit}`;
}
