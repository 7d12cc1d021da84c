import { fromUnit, type ParameterRange } from "../parameterSpace.js";

/** A design point (a row in the unit cube, one coordinate per range) as parameter values by path. */
export function pointValues(ranges: readonly ParameterRange[], u: readonly number[]): Record<string, number> {
  if (u.length !== ranges.length) throw new RangeError(`pointValues: ${u.length} coordinates for ${ranges.length} parameters`);
  return Object.fromEntries(ranges.map((r, j) => [r.path, fromUnit(r, u[j]!)]));
}
