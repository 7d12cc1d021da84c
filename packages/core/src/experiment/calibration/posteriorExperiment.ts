import { createHash } from "node:crypto";
import { InputError, InputErrors } from "../../errors.js";
import { stream } from "../../kernel/random.js";
import { withValues, type ResolvedScenario } from "../../resolvedScenario.js";
import type { Plan } from "../plan.js";
import type { Experiment } from "../experiment.js";
import { experimentTasks, type ExperimentTask } from "../experimentTasks.js";
import { tQuantile } from "../studentT.js";
import type { Posterior } from "./posteriorCsv.js";
import { POSTERIOR_EFFECT_COLUMNS, type PosteriorEffect } from "../effectRow.js";

/**
 * Replicates 2k and 2k+1 share posterior draw k: each replicate still has its own seed, so the
 * two runs of a draw differ only by chance, and their differences measure the stochastic
 * variance apart from the parameter variance (posteriorVarianceSplit).
 */
export const REPLICATES_PER_DRAW = 2;

/** The draw of replicate r. */
export const drawOfReplicate = (r: number) => Math.floor(r / REPLICATES_PER_DRAW);

/**
 * The particle of draw k: picked by weight from the posterior's last generation with
 * stream(seed, "posterior", "draw:k"), so it depends on the experiment's seed and k only.
 */
export function posteriorParticle(posterior: Posterior, seed: number, k: number): number {
  const u = stream(seed, "posterior", `draw:${k}`)();
  let c = 0;
  for (let i = 0; i < posterior.weights.length; i++) {
    c += posterior.weights[i]!;
    if (u < c) return i;
  }
  return posterior.weights.length - 1;
}

/** What compare runs with a posterior. */
export interface PosteriorPlan {
  /** Each scenario at each draw: scenario s at draw k is runPlan.scenarios[k·S + s]. */
  runPlan: Plan;
  /** The plan's tasks (same indices, seeds and replicates), each pointing to its scenario at its replicate's draw. */
  tasks: ExperimentTask[];
  /** The plan with every scenario's hash combined with the posterior's: a run store knows runs of another posterior are not these. */
  storePlan: Plan;
  /** Replicate by replicate: the draw, the particle and its values. */
  draws: Array<{ replicate: number; draw: number; particle: number; values: Record<string, number> }>;
}

/**
 * An experiment whose replicate r runs every scenario with the same parameter draw (that of
 * drawOfReplicate(r)) and the same seed: still paired, so effects include parameter
 * uncertainty without losing common random numbers. `field` names the posterior in errors.
 */
export function posteriorPlan(plan: Plan, posterior: Posterior, field: string): PosteriorPlan {
  const S = plan.scenarios.length;
  const D = Math.ceil(plan.replications / REPLICATES_PER_DRAW);
  const particles = Array.from({ length: D }, (_, k) => posteriorParticle(posterior, plan.seed, k));
  const valuesOf = (p: number) => Object.fromEntries(posterior.parameters.map((path, j) => [path, posterior.particles[p]![j]!]));
  const scenarios: ResolvedScenario[] = [];
  for (let k = 0; k < D; k++) {
    for (const s of plan.scenarios) {
      try {
        scenarios.push(withValues(s, valuesOf(particles[k]!)));
      } catch (e) {
        if (!(e instanceof InputError || e instanceof InputErrors)) throw e;
        const first = e instanceof InputErrors ? e.errors[0]! : e;
        throw new InputError(`${field} particle ${particles[k]} (${first.field})`, first.value, first.expected);
      }
    }
  }
  const tasks = experimentTasks(plan).map((t) => ({ ...t, scenario: drawOfReplicate(t.replicate) * S + t.scenario }));
  const digest = createHash("sha256").update(JSON.stringify(posterior)).digest("hex").slice(0, 16);
  const storePlan: Plan = { ...plan, scenarios: plan.scenarios.map((s) => ({ ...s, hash: createHash("sha256").update(`${s.hash}:${digest}`).digest("hex").slice(0, 16) })) };
  const draws = Array.from({ length: plan.replications }, (_, r) => ({ replicate: r, draw: drawOfReplicate(r), particle: particles[drawOfReplicate(r)]!, values: valuesOf(particles[drawOfReplicate(r)]!) }));
  return { runPlan: { ...plan, scenarios }, tasks, storePlan, draws };
}

export { POSTERIOR_EFFECT_COLUMNS };

/**
 * The split of an effect's variance over replicates into a parameter part and a stochastic
 * part, from the paired differences d_r of replicates that share draws (REPLICATES_PER_DRAW):
 * stochastic = the mean over draws of the within-draw variance (for pairs, (d_a − d_b)² / 2),
 * parameter = max(0, total − stochastic), with total the sample variance of all d_r; so
 * Var(d) = Var_θ(E[d | θ]) + E_θ[Var(d | θ)] (the law of total variance). draw_ci: a 95%
 * Student-t interval over the draws' mean differences (the draws are independent; the
 * replicates of one draw are not, so this is the interval that counts them right).
 * stochastic_ci: the mean of all d_r ± t(0.975, draws) · √(stochastic / n), the interval the
 * same n replicates would give from chance alone, were the parameters known (the within-draw
 * variance has one degree of freedom per pair).
 * Needs at least two complete draws; cells are NaN otherwise.
 */
export function varianceSplit(d: readonly number[]): PosteriorEffect {
  const none = { parameter_variance: NaN, stochastic_variance: NaN, parameter_share: NaN, draw_ci_low: NaN, draw_ci_high: NaN, stochastic_ci_low: NaN, stochastic_ci_high: NaN };
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r + 1 < d.length; r += REPLICATES_PER_DRAW) if (Number.isFinite(d[r]!) && Number.isFinite(d[r + 1]!)) pairs.push([d[r]!, d[r + 1]!]);
  if (pairs.length < 2) return none;
  const all = pairs.flat();
  const mean = all.reduce((s, x) => s + x, 0) / all.length;
  const total = all.reduce((s, x) => s + (x - mean) ** 2, 0) / (all.length - 1);
  const stochastic = pairs.reduce((s, [a, b]) => s + (a - b) ** 2 / 2, 0) / pairs.length;
  const parameter = Math.max(0, total - stochastic);
  const m = pairs.map(([a, b]) => (a + b) / 2);
  const mm = m.reduce((s, x) => s + x, 0) / m.length;
  const sd = Math.sqrt(m.reduce((s, x) => s + (x - mm) ** 2, 0) / (m.length - 1));
  const h = tQuantile(0.975, m.length - 1) * (sd / Math.sqrt(m.length));
  const hs = tQuantile(0.975, pairs.length) * Math.sqrt(stochastic / all.length);
  return {
    parameter_variance: parameter, stochastic_variance: stochastic, parameter_share: total > 0 ? parameter / total : NaN,
    draw_ci_low: mm - h, draw_ci_high: mm + h, stochastic_ci_low: mean - hs, stochastic_ci_high: mean + hs,
  };
}

/**
 * effects.csv with POSTERIOR_EFFECT_COLUMNS appended to every row, from the experiment's runs
 * (the existing columns are left exactly as they are).
 */
export function appendVarianceSplit(effectsCsv: string, x: Experiment): string {
  const lines = effectsCsv.replace(/\n$/, "").split("\n");
  const M = x.selection.metrics.length;
  const cache = new Map<string, Float64Array[]>();
  const values = (scenario: string, step: number) => {
    const key = `${scenario}\u0000${step}`;
    let v = cache.get(key);
    if (!v) cache.set(key, (v = x.stepValues(scenario, step)));
    return v;
  };
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : "");
  const out = [`${lines[0]},${POSTERIOR_EFFECT_COLUMNS.join(",")}`];
  x.effects.forEach((e, i) => {
    const line = lines[i + 1];
    if (line === undefined) throw new Error(`effects.csv has fewer rows than the experiment's effects (${i})`);
    const at = x.selection.groups.indexOf(e.group) * M + x.selection.metrics.indexOf(e.metric);
    const s = values(e.scenario, e.step);
    const b = values(e.baseline, e.step);
    const split = varianceSplit(s.map((v, r) => v[at]! - b[r]![at]!));
    out.push(`${line},${POSTERIOR_EFFECT_COLUMNS.map((c) => cell(split[c])).join(",")}`);
  });
  if (out.length !== lines.length) throw new Error(`effects.csv has ${lines.length - 1} rows, the experiment ${x.effects.length} effects`);
  return out.join("\n") + "\n";
}
