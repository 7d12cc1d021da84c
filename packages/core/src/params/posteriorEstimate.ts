import { fileURLToPath } from "node:url";
import estimate from "../../data/posterior/historical/estimate.json" with { type: "json" };

/** Where the historical scenario's posterior lives in the repository (and in the packed @relocsim/core). */
export const HISTORICAL_POSTERIOR = "packages/core/data/posterior/historical";

interface Estimated {
  estimate: number;
  q05: number;
  q95: number;
}

/**
 * The calibrated default of a free parameter of the historical calibration: the point estimate
 * (weighted posterior mean of the last ABC-SMC generation, 3 significant digits) of
 * data/posterior/historical/estimate.json, which scripts/adopt-posterior.ts writes from a
 * `relocsim calibrate` run; and the source its parameter states, naming the run and the 90%
 * posterior interval. The plausible range stays the parameter's own (the prior of the
 * calibration and the range the sensitivity analysis explores).
 */
export function calibrated(path: string, why: string): { value: number; source: string } {
  const p = (estimate.parameters as Record<string, Estimated>)[path];
  // A programming error (a parameter the posterior does not hold), caught by every test that loads the model.
  if (!p) throw new Error(`${path} is not a free parameter of the posterior in ${HISTORICAL_POSTERIOR}`);
  const d = (x: number) => Number(x.toPrecision(3)).toLocaleString("en");
  return {
    value: p.estimate,
    source:
      `assumption, calibrated: posterior mean of the ABC-SMC calibration of the historical scenario to the national figures of 2016-2021 ` +
      `(${HISTORICAL_POSTERIOR}, ${estimate.date.slice(0, 10)}, commit ${String(estimate.commit).slice(0, 7)}; 90% interval ${d(p.q05)}-${d(p.q95)}; ${why})`,
  };
}

/**
 * The directory of the committed posterior on this machine (in the repository, or inside an
 * installed @relocsim/core): posterior.csv, calibration.json, manifest.json, estimate.json.
 * `relocsim validate-model` reads it by default.
 */
export function historicalPosteriorDir(): string {
  return fileURLToPath(new URL("../../data/posterior/historical/", import.meta.url));
}
