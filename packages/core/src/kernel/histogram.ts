/**
 * Histogram of per-capita income with integer person counts in log-spaced bins, so sums over
 * sites and threads are exact in any order: bin 0 holds incomes below LO (and losses).
 */
export const BINS = 480;
const LO = 200;
const HI = 500_000;
const LOG_LO = Math.log(LO);
const SCALE = (BINS - 1) / (Math.log(HI) - LOG_LO);

/**
 * The bin of a per-capita income: 0 below LO, else 1 + ⌊(ln pc − ln LO)·SCALE⌋, at most
 * BINS − 1. This is the definition; binOf gives the same bin for every input without the
 * logarithm (collection bins every household every month).
 */
export function binByLog(pc: number): number {
  if (pc < LO) return 0;
  const b = 1 + Math.floor((Math.log(pc) - LOG_LO) * SCALE);
  return b >= BINS ? BINS - 1 : b;
}

/**
 * LOWER[b]: where bin b starts, LO·e^((b−1)/SCALE), for b = 1 … BINS − 1; LOWER[BINS] = ∞.
 * Bins are 1.6% wide (e^(1/SCALE)).
 */
const LOWER = new Float64Array(BINS + 1);
for (let b = 1; b < BINS; b++) LOWER[b] = Math.exp(LOG_LO + (b - 1) / SCALE);
LOWER[BINS] = Infinity;
/**
 * Incomes within this relative distance of a bin's start are binned by binByLog itself. Away
 * from a start, the computed (ln pc − ln LO)·SCALE is within 1e-12 of its exact value (an
 * error of ln of at most one unit in the last place, times SCALE ≈ 61), far less than
 * TOLERANCE·SCALE ≈ 6e-8, so its floor is that of the exact value: the bin the table gives.
 */
const TOLERANCE = 1e-9;
/**
 * The table is indexed by a double's exponent and the top 7 bits of its mantissa: cells 1/128
 * of an octave wide, narrower than a bin, so a cell holds at most one bin start. CELL_BIN[i]
 * is the bin at the cell's low end, for the octaves from 2^7 (below LO = 200) up to 2^19
 * (above HI).
 */
const CELL_BITS = 7;
const FIRST_OCTAVE = 7;
const OCTAVES = 12;
const CELL_BASE = (1023 + FIRST_OCTAVE) << CELL_BITS;
const CELL_BIN = new Int16Array(OCTAVES << CELL_BITS);
for (let i = 0, b = 1; i < CELL_BIN.length; i++) {
  const low = 2 ** (FIRST_OCTAVE + (i >> CELL_BITS)) * (1 + (i & ((1 << CELL_BITS) - 1)) / (1 << CELL_BITS));
  while (b < BINS - 1 && LOWER[b + 1]! <= low) b++;
  CELL_BIN[i] = b;
}
/** A double's high 32 bits (sign, exponent, top 20 bits of mantissa), read through shared scratch memory. */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** binByLog(pc), without a logarithm: the cell's bin from the table, then one comparison with the next bin's start. */
export function binOf(pc: number): number {
  if (!(pc >= LOWER[1]! * (1 + TOLERANCE) && pc < LOWER[BINS - 1]! * (1 - TOLERANCE))) {
    // Below LO, at the top bin (clamped) or near either edge, NaN: the definition.
    return pc >= LOWER[BINS - 1]! * (1 + TOLERANCE) ? BINS - 1 : binByLog(pc);
  }
  F64[0] = pc;
  let b = CELL_BIN[(U32[HIGH_WORD]! >>> (20 - CELL_BITS)) - CELL_BASE]!;
  if (pc >= LOWER[b + 1]!) b++;
  const lo = LOWER[b]!, hi = LOWER[b + 1]!;
  return pc - lo < lo * TOLERANCE || hi - pc < hi * TOLERANCE ? binByLog(pc) : b;
}

/** Representative (geometric mid) value of a bin. */
export function binValue(b: number): number {
  if (b === 0) return LO / 2;
  return Math.exp(LOG_LO + (b - 0.5) / SCALE);
}

/**
 * Quantiles at `targets` (ascending, in (0, 1)) written to out[0 …], and the Gini coefficient
 * returned; all NaN for an empty histogram.
 */
export function quantiles(hist: Float64Array, targets: readonly number[], out: Float64Array): number {
  out.fill(NaN);
  let n = 0;
  let total = 0;
  for (let b = 0; b < BINS; b++) { n += hist[b]!; total += hist[b]! * binValue(b); }
  if (n === 0) return NaN;
  let cum = 0;
  let t = 0;
  let lorenzPrev = 0;
  let gini = 1;
  for (let b = 0; b < BINS; b++) {
    const w = hist[b]!;
    if (w === 0) continue;
    while (t < targets.length && cum + w >= targets[t]! * n) {
      // Geometric interpolation inside the bin (linear from 0 in bin 0).
      const f = (targets[t]! * n - cum) / w;
      const lo = b === 0 ? 0 : binValue(b) / Math.exp(0.5 / SCALE);
      const hi = b === 0 ? LO : binValue(b) * Math.exp(0.5 / SCALE);
      out[t] = b === 0 ? lo + f * (hi - lo) : lo * Math.pow(hi / lo, f);
      t++;
    }
    cum += w;
    const lorenz = lorenzPrev + (w * binValue(b)) / total;
    gini -= (w / n) * (lorenzPrev + lorenz);
    lorenzPrev = lorenz;
  }
  return gini;
}
