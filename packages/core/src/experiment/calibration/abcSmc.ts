import { InputError } from "../../errors.js";
import { stream, type Random } from "../../kernel/random.js";
import type { Prior } from "./prior.js";
import { perturbationKernel } from "./perturbationKernel.js";
import { targetDistance, type AbcTarget } from "./targetDistance.js";
import { effectiveSampleSize, quantile } from "./weightedStatistics.js";

/** One simulation ABC-SMC asks for: replicate `replicate` of proposal `particle` of a generation. */
export interface AbcRun {
  readonly generation: number;
  /** Index of the proposal within its generation (proposal order). */
  readonly particle: number;
  readonly replicate: number;
  /** Parameter values, one per prior, as the model takes them (integers rounded). */
  readonly values: readonly number[];
}

/**
 * Runs a batch of simulations and answers, in the batch's order, each run's outcomes: one
 * number per target (NaN where undefined). The CLI runs them on the worker pool.
 */
export type AbcSimulate = (batch: readonly AbcRun[]) => Promise<ReadonlyArray<ArrayLike<number>>>;

/** A finished generation: its accepted particles, their normalised weights and what was spent. */
export interface AbcGeneration {
  readonly generation: number;
  /** ε: particles with distance ≤ it were accepted (Infinity for generation 0, sampled from the prior). */
  readonly tolerance: number;
  /** Accepted particles' parameter values (one array per particle, in prior order, not rounded). */
  readonly particles: number[][];
  /** Normalised importance weights (sum 1). */
  readonly weights: number[];
  readonly distances: number[];
  /** Each particle's outcomes: the mean over its replicates, one per target. */
  readonly outcomes: number[][];
  /** Proposals simulated (each `replications` runs). */
  readonly proposed: number;
  /** Share of the proposals within the tolerance (the first N of them are kept). */
  readonly acceptance: number;
  /** Kish's effective sample size of the weights. */
  readonly ess: number;
}

export type AbcStop = "generations" | "tolerance" | "acceptance";

export interface AbcSmcOptions {
  priors: readonly Prior[];
  targets: readonly AbcTarget[];
  simulate: AbcSimulate;
  /** Accepted particles per generation. */
  particles: number;
  /** Generations at most (generation 0, from the prior, counts). */
  generations: number;
  /** Simulations per proposal, averaged. @default 1 */
  replications?: number;
  /** Seed of the proposal streams (one stream per generation). */
  seed: number;
  /** The next tolerance is this quantile of the last generation's distances. @default 0.5 */
  alpha?: number;
  /** Stop once a generation's tolerance is at or below this. @default 0 */
  minTolerance?: number;
  /**
   * A generation that needs more than particles / minAcceptance proposals is abandoned and
   * the algorithm stops with the last finished one. @default 0.02
   */
  minAcceptance?: number;
  /** Generations finished earlier (a resumed calibration): they are not run again. */
  previous?: readonly AbcGeneration[];
  /** Called with each generation as it finishes (the CLI writes it to disk). */
  onGeneration?: (g: AbcGeneration) => void | Promise<void>;
  /** Called before each batch of simulations. */
  onBatch?: (b: { generation: number; tolerance: number; runs: number; accepted: number; proposed: number }) => void;
}

export interface AbcResult {
  readonly generations: AbcGeneration[];
  /** Why it stopped. */
  readonly stopped: AbcStop;
}

/**
 * Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009, J. R. Soc.
 * Interface 6; Beaumont et al. 2009, Biometrika 96), with adaptive tolerances (Del Moral,
 * Doucet and Jasra 2012, Statistics and Computing 22; each ε_t the α-quantile of generation
 * t−1's accepted distances, as in Beaumont's and pyABC's adaptive schedules):
 *
 * 0. Generation 0: N proposals from the prior, all accepted (those with a finite distance),
 *    weights 1/N.
 * 1. ε_t = quantile_α(distances of generation t−1).
 * 2. Propose θ* by picking a particle of t−1 by weight and perturbing it with the kernel
 *    (perturbationKernel: component-wise Gaussian, variance 2× the weighted variance,
 *    truncated to the prior's support); simulate it `replications` times, average the
 *    outcomes, accept if the distance to the targets ≤ ε_t. Proposals are made and simulated
 *    in batches (one batch sized to the acceptance rate so far), and the first N accepted in
 *    proposal order are kept, so the result depends on the seed only, never on batch timing.
 * 3. Weight w_i ∝ π(θ_i) / Σ_j W_j K_t(θ_i | θ_j), normalised.
 * 4. Stop after `generations`, when ε_t ≤ minTolerance, or when a generation's acceptance
 *    would fall below minAcceptance (that generation is abandoned).
 *
 * All randomness comes from stream(seed, "calibration", "abc-smc:generation:t"), one per
 * generation, so a calibration resumed after generation t draws exactly what an uninterrupted
 * one would have.
 */
export async function abcSmc(options: AbcSmcOptions): Promise<AbcResult> {
  const { priors, targets, simulate, particles: N, generations: G } = options;
  const R = options.replications ?? 1;
  const alpha = options.alpha ?? 0.5;
  const minTolerance = options.minTolerance ?? 0;
  const minAcceptance = options.minAcceptance ?? 0.02;
  if (!priors.length) throw new InputError("parameters", priors, "at least one free parameter");
  if (!targets.length) throw new InputError("targets", targets, "at least one target");
  if (!(Number.isSafeInteger(N) && N >= 2)) throw new InputError("particles", N, "a whole number ≥ 2");
  if (!(Number.isSafeInteger(G) && G >= 1)) throw new InputError("generations", G, "a whole number ≥ 1");
  if (!(Number.isSafeInteger(R) && R >= 1)) throw new InputError("replications", R, "a whole number ≥ 1");
  if (!(alpha > 0 && alpha < 1)) throw new InputError("alpha", alpha, "a quantile strictly between 0 and 1");
  if (!(minAcceptance > 0 && minAcceptance <= 1)) throw new InputError("minAcceptance", minAcceptance, "a share in (0, 1]");
  targets.forEach((t, k) => {
    if (!Number.isFinite(t.value)) throw new InputError(`targets[${k}].value`, t.value, "a finite number");
    if (!(t.tolerance > 0 && Number.isFinite(t.tolerance))) throw new InputError(`targets[${k}].tolerance`, t.tolerance, "a positive number");
  });

  const done: AbcGeneration[] = [...(options.previous ?? [])];
  const last = () => done[done.length - 1]!;
  const finished = (): AbcStop | undefined => {
    if (done.length >= G) return "generations";
    if (done.length && last().tolerance <= minTolerance) return "tolerance";
    return undefined;
  };
  const budget = Math.ceil(N / minAcceptance);
  let stop = finished();
  while (!stop) {
    const t = done.length;
    const random = stream(options.seed, "calibration", `abc-smc:generation:${t}`);
    const prev = t > 0 ? last() : undefined;
    const tolerance = prev ? Math.max(quantile(prev.distances, alpha), minTolerance) : Infinity;
    const propose = proposer(priors, prev, random);
    const accepted: Array<{ t: number[]; distance: number; outcomes: number[] }> = [];
    let proposed = 0;
    // Proposals within the tolerance, also those beyond the first N (their share is the acceptance rate).
    let acceptable = 0;
    while (accepted.length < N && proposed < budget) {
      const need = N - accepted.length;
      // The first batch is sized by the last generation's acceptance (all of generation 0 is accepted), later ones by this generation's so far, with a margin.
      const rate = Math.max(proposed > 0 ? acceptable / proposed : (prev?.acceptance ?? 1), minAcceptance);
      const size = Math.min(budget - proposed, Math.max(need, Math.ceil((need / rate) * (rate < 1 ? 1.2 : 1))));
      const batch = Array.from({ length: size }, propose);
      const runs: AbcRun[] = [];
      batch.forEach((tv, i) => {
        const values = priors.map((p, k) => p.value(tv[k]!));
        for (let r = 0; r < R; r++) runs.push({ generation: t, particle: proposed + i, replicate: r, values });
      });
      options.onBatch?.({ generation: t, tolerance, runs: runs.length, accepted: accepted.length, proposed });
      const out = await simulate(runs);
      if (out.length !== runs.length) throw new Error(`simulate answered ${out.length} outcomes for ${runs.length} runs`);
      for (let i = 0; i < size; i++) {
        const mean = targets.map((_, k) => {
          let s = 0;
          for (let r = 0; r < R; r++) s += out[i * R + r]![k]!;
          return s / R;
        });
        const distance = targetDistance(mean, targets);
        if (!(distance <= tolerance && Number.isFinite(distance))) continue;
        acceptable++;
        if (accepted.length < N) accepted.push({ t: batch[i]!, distance, outcomes: mean });
      }
      proposed += size;
    }
    if (accepted.length < N) {
      stop = "acceptance";
      break;
    }
    const raw = prev ? importanceWeights(priors, prev, accepted.map((a) => a.t)) : accepted.map(() => 1);
    const sum = raw.reduce((s, w) => s + w, 0);
    const weights = raw.map((w) => w / sum);
    const g: AbcGeneration = {
      generation: t,
      tolerance,
      particles: accepted.map((a) => priors.map((p, k) => (p.kind === "log-uniform" ? Math.exp(a.t[k]!) : a.t[k]!))),
      weights,
      distances: accepted.map((a) => a.distance),
      outcomes: accepted.map((a) => a.outcomes),
      proposed,
      acceptance: acceptable / proposed,
      ess: effectiveSampleSize(weights),
    };
    done.push(g);
    await options.onGeneration?.(g);
    stop = finished();
  }
  return { generations: done, stopped: stop };
}

/** The kernel coordinates of a generation's particles. */
function coordinates(priors: readonly Prior[], g: AbcGeneration): number[][] {
  return g.particles.map((x) => priors.map((p, k) => p.coordinate(x[k]!)));
}

/** Draws proposals in t: from the prior (generation 0), else a weighted particle of `prev`, perturbed. */
function proposer(priors: readonly Prior[], prev: AbcGeneration | undefined, random: Random): () => number[] {
  if (!prev) return () => priors.map((p) => p.sample(random));
  const ts = coordinates(priors, prev);
  const kernel = perturbationKernel(priors, ts, prev.weights);
  const cumulative: number[] = [];
  let c = 0;
  for (const w of prev.weights) cumulative.push((c += w));
  return () => {
    const u = random() * c;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return kernel.perturb(ts[lo]!, random);
  };
}

/** w_i = π(θ_i) / Σ_j W_j K(θ_i | θ_j), in the kernel coordinates (log-space priors carry their Jacobian). */
function importanceWeights(priors: readonly Prior[], prev: AbcGeneration, accepted: readonly number[][]): number[] {
  const ts = coordinates(priors, prev);
  const kernel = perturbationKernel(priors, ts, prev.weights);
  return accepted.map((t) => {
    let logPrior = 0;
    for (let k = 0; k < priors.length; k++) logPrior += priors[k]!.logDensity(t[k]!);
    let mix = 0;
    for (let j = 0; j < ts.length; j++) mix += prev.weights[j]! * kernel.density(t, ts[j]!);
    return Math.exp(logPrior) / mix;
  });
}
