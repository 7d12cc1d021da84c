import { shared, type State } from "./state.js";

/**
 * The person slots of each site grouped by birth month, so that demography visits the month's
 * birthdays (a twelfth of the persons) instead of scanning every slot. Derived from the state,
 * never saved: `birthIndex` builds it from `birthMonth` and the site's used slots, and
 * demography keeps it as slots are taken (`moveBirthMonth`). Each site's used slots,
 * [pStart, pNext), living or freed, are listed in its own range of `slots` ([pStart, pEnd),
 * which they never outgrow), month by month, each month's slots in ascending order: the order
 * of a scan of the range, so the persons are visited in the same order.
 * In shared memory, like the state: each site's part is touched only by the thread stepping it.
 */
export interface BirthIndex {
  /** Slots of site s: month m (1-12) at [start[s * 13 + m - 1], start[s * 13 + m]). */
  readonly slots: Int32Array;
  readonly start: Int32Array;
}

/** The index of a state's persons (pure: the same state gives the same index). */
export function birthIndex(st: State): BirthIndex {
  const S = st.sites;
  const P = st.persons;
  const slots = shared(Int32Array, P.capacity);
  const start = shared(Int32Array, S.count * 13);
  const counts = new Int32Array(13);
  for (let s = 0; s < S.count; s++) {
    const p0 = S.pStart[s]!, p1 = S.pNext[s]!;
    counts.fill(0);
    for (let q = p0; q < p1; q++) counts[P.birthMonth[q]!]!++;
    // Month 0 is never given (demography and the population give 1-12); such slots would be lost.
    if (counts[0]! > 0) throw new Error(`birthIndex: site ${s} has ${counts[0]} slots without a birth month`);
    const base = s * 13;
    start[base] = p0;
    for (let m = 1; m <= 12; m++) start[base + m] = start[base + m - 1]! + counts[m]!;
    const next = counts;
    for (let m = 1; m <= 12; m++) next[m] = start[base + m - 1]!;
    for (let q = p0; q < p1; q++) slots[next[P.birthMonth[q]!]!++] = q;
  }
  return { slots, start };
}

/**
 * Slot q of site s, listed under month `from` (0: not yet listed, a slot just taken from the
 * site's unused range), is now listed under month `to`, in ascending order among that month's.
 * Moves at most the site's own entries (a few hundred integers); a few births and marriages a
 * month per site call it.
 */
export function moveBirthMonth(ix: BirthIndex, s: number, q: number, from: number, to: number): void {
  if (from === to) return;
  const { slots, start } = ix;
  const base = s * 13;
  let end = start[base + 12]!;
  if (from !== 0) {
    let i = start[base + from - 1]!;
    while (slots[i] !== q) i++;
    slots.copyWithin(i, i + 1, end);
    for (let m = from; m <= 12; m++) start[base + m]!--;
    end--;
  }
  const g1 = start[base + to]!;
  let j = start[base + to - 1]!;
  while (j < g1 && slots[j]! < q) j++;
  slots.copyWithin(j + 1, j, end);
  slots[j] = q;
  for (let m = to; m <= 12; m++) start[base + m]!++;
}
