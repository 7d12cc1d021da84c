import { InputError } from "../../errors.js";
import type { Random } from "../../kernel/random.js";
import { normal } from "../../kernel/random.js";
import type { ParameterRange } from "../parameterSpace.js";

/**
 * The prior of one calibrated parameter. ABC-SMC works on each parameter in its kernel
 * coordinate t: the value itself, or its logarithm for a log-uniform prior (so that a range
 * spanning decades is explored evenly). `logDensity` is the prior's log density in t (the
 * Jacobian of the log is part of it: log-uniform in x is uniform in t), and [lo, hi] is the
 * support in t (±Infinity for a normal prior).
 */
export interface Prior {
  /** Dotted parameter path or any name (a column of posterior.csv). */
  readonly name: string;
  readonly kind: "uniform" | "log-uniform" | "normal";
  /** Support in t. */
  readonly lo: number;
  readonly hi: number;
  /** A draw in t. */
  sample(random: Random): number;
  /** Log density in t; -Infinity outside the support. */
  logDensity(t: number): number;
  /** The parameter's value at t (rounded for integer parameters). */
  value(t: number): number;
  /** t of a value (the inverse of value, before rounding). */
  coordinate(x: number): number;
}

/** Uniform on [lo, hi]; `integer` rounds the values handed to the model. */
export function uniformPrior(name: string, lo: number, hi: number, integer = false): Prior {
  if (!(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new InputError(`prior of ${name}`, [lo, hi], "finite bounds lo < hi");
  const logD = -Math.log(hi - lo);
  return {
    name, kind: "uniform", lo, hi,
    sample: (random) => lo + random() * (hi - lo),
    logDensity: (t) => (t >= lo && t <= hi ? logD : -Infinity),
    value: (t) => clamp(integer ? Math.round(t) : t, lo, hi),
    coordinate: (x) => x,
  };
}

/** Log-uniform on [lo, hi] (lo > 0): uniform in t = ln x. */
export function logUniformPrior(name: string, lo: number, hi: number, integer = false): Prior {
  if (!(lo > 0 && lo < hi) || !Number.isFinite(hi)) throw new InputError(`prior of ${name}`, [lo, hi], "bounds 0 < lo < hi for a log-uniform prior");
  const a = Math.log(lo);
  const b = Math.log(hi);
  const logD = -Math.log(b - a);
  return {
    name, kind: "log-uniform", lo: a, hi: b,
    sample: (random) => a + random() * (b - a),
    logDensity: (t) => (t >= a && t <= b ? logD : -Infinity),
    value: (t) => clamp(integer ? Math.round(Math.exp(t)) : Math.exp(t), lo, hi),
    coordinate: (x) => Math.log(x),
  };
}

/** Normal with mean and standard deviation, unbounded (a conjugate-prior test's prior). */
export function normalPrior(name: string, mean: number, sd: number): Prior {
  if (!(sd > 0) || !Number.isFinite(mean) || !Number.isFinite(sd)) throw new InputError(`prior of ${name}`, { mean, sd }, "a finite mean and sd > 0");
  const c = -Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
  return {
    name, kind: "normal", lo: -Infinity, hi: Infinity,
    sample: (random) => mean + sd * normal(random),
    logDensity: (t) => c - (0.5 * (t - mean) * (t - mean)) / (sd * sd),
    value: (t) => t,
    coordinate: (x) => x,
  };
}

/** The prior over a parameter's range (parameterSpace): uniform, or log-uniform where the range is log. */
export function priorFromRange(range: ParameterRange): Prior {
  return range.log ? logUniformPrior(range.path, range.lo, range.hi, range.integer) : uniformPrior(range.path, range.lo, range.hi, range.integer);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
