/**
 * Every combination of `levels[j]` evenly spaced levels of each of the k parameters, in the
 * unit cube: level i of L is i / (L − 1) (both ends of the range), one level is the middle.
 * The last parameter varies fastest. ∏ levels points.
 */
export function fullFactorial(levels: readonly number[]): number[][] {
  if (levels.length === 0) throw new RangeError("fullFactorial: no parameters");
  for (const L of levels) if (!Number.isInteger(L) || L < 1) throw new RangeError(`fullFactorial: levels ${L} is not a whole number ≥ 1`);
  const at = (i: number, L: number) => (L === 1 ? 0.5 : i / (L - 1));
  let points: number[][] = [[]];
  for (const L of levels) points = points.flatMap((p) => Array.from({ length: L }, (_, i) => [...p, at(i, L)]));
  return points;
}
