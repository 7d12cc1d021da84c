/**
 * Okabe–Ito, the categorical palette that stays distinguishable under the common forms of
 * colour-vision deficiency. Black leads so the baseline (listed first) is the neutral line;
 * yellow goes last because thin yellow lines vanish on white.
 */
export const okabeIto: readonly string[] = [
  "#000000", // black
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#009E73", // bluish green
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#F0E442", // yellow
];

/** The colour scale for scenarios: fixed domain so a scenario keeps its colour in every chart. */
export function scenarioScale(scenarios: readonly string[]): { domain: string[]; range: string[] } {
  return {
    domain: [...scenarios],
    range: scenarios.map((_, i) => okabeIto[i % okabeIto.length]!),
  };
}
