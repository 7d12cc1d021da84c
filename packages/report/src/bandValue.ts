import { infoFor } from "./metricInfo.ts";
import type { ReplicateSummary } from "./summariseReplicates.ts";

export interface BandValue {
  scenario: string;
  metric: string;
  step: number;
  date: string;
  n: number;
  mean: number;
  ci_low: number;
  ci_high: number;
}

/**
 * The data row of a mean-and-band chart. A share's interval is cut to [0, 1]: with few
 * replications the symmetric interval of a rate near zero dips below it, which no share can.
 */
export function bandValue(s: ReplicateSummary): BandValue {
  const isShare = infoFor(s.metric).kind === "share";
  return {
    scenario: s.scenario, metric: s.metric, step: s.step, date: s.date, n: s.n, mean: s.mean,
    ci_low: isShare ? Math.max(0, s.ci_low) : s.ci_low,
    ci_high: isShare ? Math.min(1, s.ci_high) : s.ci_high,
  };
}
