/**
 * A small, fully deterministic results set for golden and rendering tests: three
 * scenarios (one with a comma in its name, to exercise CSV quoting), three replicates,
 * seven half-yearly steps, two groups, every metric. Noise comes from an integer hash,
 * not Math.random or Math.sin, so values are bit-identical on every machine.
 */
import type { EffectRow, ScenarioInfo, TidyRow } from "../src/index.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { POSTERIOR_EFFECT_COLUMNS, tQuantile } from "@relocsim/core/engine";

export const scenarios: ScenarioInfo[] = [
  { name: "baseline", title: "Baseline", description: "Relocation with the default support package.", paperSections: ["3.1"] },
  {
    name: "employment_first",
    title: "Employment first",
    description: "Vocational training and job placement <b>before</b> moving & a local-hiring quota.",
    paperSections: ["4.1(2)", "3.2"],
  },
  {
    name: "integrated, full",
    title: "Integrated full support",
    description: "Employment, industrial support, community governance and psychological care together.",
    paperSections: ["4.1", "4.2", "4.3"],
  },
];

const effectOf: Record<string, number> = { baseline: 0, employment_first: 1, "integrated, full": 0.6 };
const STEPS = 7;
const REPLICATES = 3;

/** A uniform number in [−1, 1) from integers, via a 32-bit integer hash (exact everywhere). */
function noise(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) {
    h = Math.imul(h ^ (k + 0x7f4a7c15), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return ((h >>> 0) / 2 ** 32) * 2 - 1;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const clamp = (v: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, v));

export function dateOf(step: number): string {
  const months = step * 6;
  return `${2016 + Math.floor(months / 12)}-${String(1 + (months % 12)).padStart(2, "0")}`;
}

function metricValues(e: number, t: number, u: (k: number) => number, urban: boolean): Record<string, number> {
  const site = urban ? 1.15 : 1;
  const income = (6000 + 450 * t * (1 + 0.5 * e) + 150 * u(1)) * site;
  const economic = clamp(0.3 + 0.05 * t * (1 + 0.4 * e) + 0.02 * u(2));
  const social = clamp(0.35 + 0.035 * t * (1 + 0.2 * e) + 0.02 * u(3));
  const psychological = clamp(0.4 + 0.03 * t * (1 + 0.6 * e) + 0.02 * u(4));
  const raw = {
    wage: 0.4 + 0.02 * t * (1 + e) + 0.01 * u(5),
    business: 0.08 + 0.004 * t,
    agriculture: clamp(0.3 - 0.025 * t, 0.05),
    transfer: 0.15 + 0.005 * u(6),
    dividend: 0.04 + 0.006 * t * e,
  };
  const total = raw.wage + raw.business + raw.agriculture + raw.transfer + raw.dividend;
  const employment = clamp(0.42 + 0.012 * t * (1 + e) + 0.015 * u(7));
  return {
    employment_rate: employment,
    households_with_employed_share: clamp(employment + 0.2),
    local_job_share: clamp(0.35 + 0.02 * t * e),
    migrant_job_share: clamp(0.45 - 0.01 * t * e),
    self_employed_share: 0.08,
    farming_share: clamp(0.12 - 0.01 * t, 0.02),
    per_capita_income: income,
    per_capita_income_median: income * 0.9,
    per_capita_income_p10: income * 0.45,
    per_capita_income_p25: income * 0.66,
    per_capita_income_p75: income * 1.22,
    per_capita_income_p90: income * 1.7,
    income_gini: clamp(0.38 - 0.004 * t * e + 0.005 * u(8)),
    wage_income_share: raw.wage / total,
    business_income_share: raw.business / total,
    agriculture_income_share: raw.agriculture / total,
    transfer_income_share: raw.transfer / total,
    dividend_income_share: raw.dividend / total,
    poverty_rate: clamp(0.14 - 0.014 * t * (1 + 0.8 * e) + 0.006 * u(9), 0.005),
    poverty_relapse_rate: clamp(0.02 - 0.001 * t * e + 0.004 * u(10), 0),
    integration_index: (economic + social + psychological) / 3,
    integration_economic: economic,
    integration_social: social,
    integration_psychological: psychological,
    occupancy_rate: clamp(0.62 + 0.05 * t * (1 + 0.3 * e) + 0.01 * u(11)),
    transitional_share: clamp(0.35 - 0.05 * t * (1 + 0.2 * e), 0),
    return_rate: clamp(0.004 * t * (1 - 0.5 * e) + 0.002 * (u(12) + 1)),
    give_up_rate: clamp(0.002 * t * (1 - 0.4 * e) + 0.001 * (u(13) + 1)),
    collective_income_per_household: 800 + 120 * t * (1 + e) + 30 * u(14),
    maintenance_fund_balance: 200000 + 15000 * t - 8000 * t * e + 2000 * u(15),
    persons: urban ? 1200 : 3000,
    households: urban ? 300 : 750,
    labour_force: urban ? 700 : 1800,
  };
}

/** The tidy rows of the fixture run. */
export function fixtureMetrics(): TidyRow[] {
  const rows: TidyRow[] = [];
  scenarios.forEach(({ name }, s) => {
    for (let r = 0; r < REPLICATES; r++) {
      const seed = 1000 + 10 * s + r;
      for (let step = 0; step < STEPS; step++) {
        for (const group of ["all", "site:urban"]) {
          const g = group === "all" ? 0 : 1;
          const values = metricValues(effectOf[name]!, step, (k) => noise(s, r, step, g, k), g === 1);
          for (const [metric, value] of Object.entries(values)) {
            rows.push({ scenario: name, replicate: r, seed, step, date: dateOf(step), group, metric, value: round(value) });
          }
        }
      }
    }
  });
  return rows;
}

/** Paired effects of every non-baseline scenario, computed the way the experiment code does. */
export function fixtureEffects(metrics: readonly TidyRow[] = fixtureMetrics()): EffectRow[] {
  const byKey = new Map<string, number>();
  for (const r of metrics) byKey.set(`${r.scenario}|${r.replicate}|${r.step}|${r.group}|${r.metric}`, r.value);
  const out: EffectRow[] = [];
  for (const { name } of scenarios.slice(1)) {
    for (const r of metrics) {
      if (r.scenario !== "baseline" || r.replicate !== 0) continue;
      const base: number[] = [];
      const scen: number[] = [];
      for (let rep = 0; rep < REPLICATES; rep++) {
        base.push(byKey.get(`baseline|${rep}|${r.step}|${r.group}|${r.metric}`)!);
        scen.push(byKey.get(`${name}|${rep}|${r.step}|${r.group}|${r.metric}`)!);
      }
      const diffs = scen.map((v, i) => v - base[i]!);
      const n = diffs.length;
      const mean = diffs.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1));
      const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
      out.push({
        scenario: name, baseline: "baseline", group: r.group, metric: r.metric, step: r.step, date: r.date, n,
        baseline_mean: round(base.reduce((a, b) => a + b, 0) / n), scenario_mean: round(scen.reduce((a, b) => a + b, 0) / n),
        effect: round(mean), ci_low: round(mean - half), ci_high: round(mean + half),
      });
    }
  }
  return out;
}

/**
 * The effects as a comparison run with --posterior has them: each with an interval over
 * posterior draws about 1.5–2.5 times as wide as the one over replicates, and a parameter share.
 */
export function fixturePosteriorEffects(effects: readonly EffectRow[] = fixtureEffects()): EffectRow[] {
  return effects.map((e, i) => {
    const half = (e.ci_high - e.ci_low) / 2;
    const share = round(0.5 + 0.45 * noise(i, 7));
    const widen = 2 + 0.5 * noise(i, 11);
    const total = (half / 2) ** 2;
    return {
      ...e,
      parameter_variance: round(total * share), stochastic_variance: round(total * (1 - share)), parameter_share: share,
      draw_ci_low: round(e.effect - widen * half), draw_ci_high: round(e.effect + widen * half),
      stochastic_ci_low: round(e.effect - 0.8 * half), stochastic_ci_high: round(e.effect + 0.8 * half),
    };
  });
}

/** 60 weighted particles of a posterior over three parameters, the third log-uniform on [0.3, 2]. */
export function fixtureParticles(): { values: Record<string, number>; weight: number }[] {
  const raw = Array.from({ length: 60 }, (_, i) => {
    const a = 0.3 + 0.15 * noise(i, 1);
    // b trades off against a: a ridge in their panel.
    const b = round(clamp(0.9 - a + 0.08 * noise(i, 2), 0.45, 0.75));
    return { values: { "labour.migrateIntercept": round(1 + noise(i, 3)), "environment.migrantWageFactor": b, "labour.migrateIntegrationPull": round(0.3 * (2 / 0.3) ** ((noise(i, 4) + 1) / 2)) }, weight: 1 + (noise(i, 5) + 1) / 2 };
  });
  const sum = raw.reduce((s, p) => s + p.weight, 0);
  return raw.map((p) => ({ ...p, weight: round(p.weight / sum) }));
}

/** A 4 × 3 two-parameter sweep. */
export function fixtureSweep(): { x: number; y: number; value: number }[] {
  const cells = [];
  for (const x of [0, 0.25, 0.5, 0.75]) {
    for (const y of [1, 2, 3]) cells.push({ x, y, value: round(0.4 + 0.3 * x + 0.05 * y + 0.01 * noise(x * 100, y)) });
  }
  return cells;
}

/** One-at-a-time sensitivity of the employment rate at the horizon. */
export function fixtureTornado(): { parameter: string; low: number; high: number; base: number }[] {
  return [
    { parameter: "Training intensity", low: 0.48, high: 0.57, base: 0.52 },
    { parameter: "Local job creation", low: 0.44, high: 0.6, base: 0.52 },
    { parameter: "Wage premium", low: 0.51, high: 0.535, base: 0.52 },
    { parameter: "Distance to county town", low: 0.55, high: 0.49, base: 0.52 },
  ];
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv<T extends object>(columns: (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] as string | number)).join(","));
  return lines.join("\n") + "\n";
}

export interface FixtureDirOptions {
  /** write effects.csv (a comparison); @default true */
  effects?: boolean;
  /** effects of a comparison run with --posterior (the columns compare appends); @default false */
  posterior?: boolean;
  /** keep only these scenarios */
  only?: string[];
}

/** Writes a results directory like `relocsim compare` does (or `run`, without effects). */
export function writeFixtureResults(dir: string, options: FixtureDirOptions = {}): void {
  const keep = (s: string) => !options.only || options.only.includes(s);
  const metrics = fixtureMetrics().filter((r) => keep(r.scenario));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "metrics.csv"),
    toCsv(["scenario", "replicate", "seed", "step", "date", "group", "metric", "value"], metrics),
  );
  if (options.effects ?? true) {
    const effects = (options.posterior ? fixturePosteriorEffects() : fixtureEffects()).filter((r) => keep(r.scenario));
    const posterior = POSTERIOR_EFFECT_COLUMNS;
    writeFileSync(
      join(dir, "effects.csv"),
      toCsv(["scenario", "baseline", "group", "metric", "step", "date", "n", "baseline_mean", "scenario_mean", "effect", "ci_low", "ci_high", ...(options.posterior ? posterior : [])], effects),
    );
  }
  writeFileSync(
    join(dir, "summary.json"),
    JSON.stringify({ title: "Fixture comparison", baseline: "baseline", scenarios: scenarios.filter((s) => keep(s.name)) }, null, 2),
  );
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({
      version: "0.1.0",
      seed: 1000,
      scale: 0.05,
      scenarioHashes: Object.fromEntries(scenarios.filter((s) => keep(s.name)).map((s, i) => [s.name, `sha256:${(i + 1).toString(16).repeat(8)}`])),
      created: "2024-01-01T00:00:00Z",
    }, null, 2),
  );
}
