import { replicationText } from "./replicationText.ts";

/** The subtitle of a mean-and-band chart; a single replication has no band to explain. */
export function bandSubtitle(ns: number[], group: string): string {
  const most = ns.reduce((a, b) => Math.max(a, b), 0);
  return most <= 1
    ? `One replication per scenario, so no confidence band. Group: ${group}.`
    : `Mean over ${replicationText(ns)} per scenario, shaded band: 95% confidence interval of the mean. Group: ${group}.`;
}
