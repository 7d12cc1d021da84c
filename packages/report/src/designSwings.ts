import type { TornadoItem } from "./tornadoChart.ts";

/** A design parameter as a design's manifest.json records it. */
export interface DesignParameter {
  path: string;
  lo: number;
  hi: number;
  /** sampled log-uniformly */
  log?: boolean;
}

/** A parameter's name with the range it was varied over: "labour.separationRate (0.1–0.35)". */
export function parameterLabel(p: DesignParameter): string {
  const f = (x: number) => Number(x.toPrecision(3)).toString();
  return `${p.path} (${f(p.lo)}–${f(p.hi)}${p.log ? ", log" : ""})`;
}

/**
 * One-at-a-time swings from a design's points: for parameter j, the mean outcome over the
 * points with j at its lowest and at its highest level (a factorial design), or in the lowest
 * and highest third of its range (any other design); base: the mean over every point.
 * `units[p][j]` is point p's coordinate of parameter j in [0, 1], `means[p]` its outcome.
 */
export function designSwings(method: string, parameters: readonly DesignParameter[], units: readonly (readonly number[])[], means: readonly number[]): TornadoItem[] {
  const base = average(means);
  const factorial = method === "factorial";
  return parameters.map((p, j) => {
    const u = units.map((point) => point[j]!);
    const lo = factorial ? Math.min(...u) : 1 / 3;
    const hi = factorial ? Math.max(...u) : 2 / 3;
    const pick = (f: (x: number) => boolean) => average(means.filter((_, i) => f(u[i]!)));
    // Thirds closed at both ends (with a rounding margin): on a Morris grid {0, 1/3, 2/3, 1} the low side takes 0 and 1/3, the high side 2/3 and 1.
    return { parameter: parameterLabel(p), low: pick((x) => (factorial ? x === lo : x <= lo + 1e-9)), high: pick((x) => (factorial ? x === hi : x >= hi - 1e-9)), base };
  });
}

function average(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
