import { stream, type Random } from "../../kernel/random.js";

/** One Morris trajectory: k + 1 points, each after the first moving one parameter by ±Δ. */
export interface MorrisTrajectory {
  /** Row of its first point in MorrisDesign.points; its points are rows start … start + k. */
  start: number;
  /** factors[i]: the parameter changed between point i and i + 1. */
  factors: number[];
  /** deltas[i]: the signed change (+Δ or −Δ) of that parameter, in unit-cube terms. */
  deltas: number[];
}

export interface MorrisDesign {
  /** r · (k + 1) rows in [0, 1]^k, trajectory after trajectory. */
  points: number[][];
  trajectories: MorrisTrajectory[];
  /** Levels of the grid (p) and the step Δ = p / (2 (p − 1)). */
  levels: number;
  delta: number;
}

export interface MorrisOptions {
  /** Trajectories kept. */
  trajectories: number;
  /** Grid levels p (even, ≥ 2). @default 4 */
  levels?: number;
  seed: number;
  /**
   * Candidates drawn to choose the trajectories from (Campolongo, Cariboni & Saltelli 2007:
   * keep the r most spread out); 0 or ≤ r: the r random trajectories of Morris (1991). @default 0
   */
  candidates?: number;
}

/**
 * Morris (1991) elementary-effects design on a p-level grid with step Δ = p / (2 (p − 1)):
 * each trajectory starts at a random grid point x* with every coordinate in {0, 1/(p−1), …,
 * 1 − Δ}, then changes the parameters one at a time in a random order, each by +Δ or −Δ
 * (direction random, Morris's D*; starting at x*_j + Δ when it goes down). With candidates,
 * r of them are chosen by Campolongo et al.'s spread (sum of point-to-point distances between
 * trajectories), greedily: the trajectory adding the most spread is added one at a time
 * (Ruano et al. 2012's approximation of the combinatorial choice, which is intractable for
 * many candidates).
 */
export function morrisDesign(k: number, options: MorrisOptions): MorrisDesign {
  const p = options.levels ?? 4;
  const r = options.trajectories;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`morrisDesign: k ${k}`);
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`morrisDesign: trajectories ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`morrisDesign: levels ${p} is not an even whole number ≥ 2`);
  const delta = p / (2 * (p - 1));
  const random = stream(options.seed, "design", "morris");
  const M = Math.max(r, options.candidates ?? 0);
  const candidates = Array.from({ length: M }, () => trajectory(k, p, delta, random));
  const chosen = M > r ? spreadOut(candidates, r) : candidates;
  const points: number[][] = [];
  const trajectories: MorrisTrajectory[] = chosen.map((t) => {
    const start = points.length;
    points.push(...t.points);
    return { start, factors: t.factors, deltas: t.deltas };
  });
  return { points, trajectories, levels: p, delta };
}

interface Candidate {
  points: number[][];
  factors: number[];
  deltas: number[];
}

function trajectory(k: number, p: number, delta: number, random: Random): Candidate {
  // Base levels x* ∈ {0, …, 1 − Δ}: the grid levels i / (p − 1) with i < p / 2.
  const base = Array.from({ length: k }, () => Math.floor(random() * (p / 2)) / (p - 1));
  const up = Array.from({ length: k }, () => random() < 0.5);
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let x = base.map((b, j) => (up[j] ? b : b + delta));
  const points = [x];
  const deltas: number[] = [];
  for (const j of order) {
    x = [...x];
    x[j] = up[j] ? base[j]! + delta : base[j]!;
    deltas.push(up[j] ? delta : -delta);
    points.push(x);
  }
  return { points, factors: order, deltas };
}

/** Campolongo et al.'s distance between two trajectories: the sum of distances between their points. */
function distance(a: Candidate, b: Candidate): number {
  let d = 0;
  for (const x of a.points) {
    for (const y of b.points) {
      let s = 0;
      for (let j = 0; j < x.length; j++) s += (x[j]! - y[j]!) ** 2;
      d += Math.sqrt(s);
    }
  }
  return d;
}

function spreadOut(candidates: Candidate[], r: number): Candidate[] {
  const M = candidates.length;
  const D = Array.from({ length: M }, (_, i) => Array.from({ length: M }, (_, j) => (i < j ? distance(candidates[i]!, candidates[j]!) : 0)));
  for (let i = 0; i < M; i++) for (let j = 0; j < i; j++) D[i]![j] = D[j]![i]!;
  // Start from the farthest pair, then add the candidate farthest (in sum of squares) from those chosen.
  let best = [0, 1];
  let far = -1;
  for (let i = 0; i < M; i++) for (let j = i + 1; j < M; j++) if (D[i]![j]! > far) [far, best] = [D[i]![j]!, [i, j]];
  const chosen = r === 1 ? [best[0]!] : best;
  const used = new Set(chosen);
  while (chosen.length < r) {
    let pick = -1;
    let score = -1;
    for (let c = 0; c < M; c++) {
      if (used.has(c)) continue;
      const s = chosen.reduce((acc, i) => acc + D[i]![c]! ** 2, 0);
      if (s > score) [score, pick] = [s, c];
    }
    chosen.push(pick);
    used.add(pick);
  }
  return chosen.sort((a, b) => a - b).map((i) => candidates[i]!);
}
