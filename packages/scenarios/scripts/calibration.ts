// How close the historical scenario comes to the published figures (and the baseline, for
// reference): npx tsx packages/scenarios/scripts/calibration.ts [--replications N] [--workers N]
import { parseArgs } from "node:util";
import { runExperiment } from "@relocsim/core";
import { levelInterval } from "@relocsim/core/engine";
import { scenario } from "../src/index.ts";

const { values } = parseArgs({ options: { replications: { type: "string", default: "10" }, workers: { type: "string" } } });
const replications = Number(values.replications);

/** Published figures (packages/core/data/national-targets.json) and the model step they compare with. */
const TARGETS = [
  { metric: "per_capita_income", step: 12, date: "2016", value: 4221, source: "NDRC, SCIO press conference 2020-12-03", fmt: (v: number) => v.toFixed(0) },
  { metric: "per_capita_income", step: 48, date: "2019", value: 9313, source: "same press conference", fmt: (v: number) => v.toFixed(0) },
  { metric: "households_with_employed_share", step: 60, date: "2020", value: 1.0, source: "MOHRSS, same press conference", fmt: (v: number) => v.toFixed(3) },
  { metric: "employment_rate", step: 72, date: "end-2021", value: 0.919, source: "NDRC via Xinhua 2023-02-28", fmt: (v: number) => v.toFixed(3) },
  // 9.2 of 9.6 M out of poverty by end-2019, all 9.6 M by end-2020 (NDRC, same press conference).
  { metric: "poverty_rate", step: 48, date: "end-2019", value: 0.4 / 9.6, source: "NDRC, SCIO press conference 2020-12-03", fmt: (v: number) => v.toFixed(3) },
  { metric: "poverty_rate", step: 60, date: "end-2020", value: 0, source: "same press conference (at most 1.5% is the repair's bar)", fmt: (v: number) => v.toFixed(3) },
  { metric: "occupancy_rate", step: 60, date: "end-2020", value: 1, source: "same press conference (all moved in; at least 95% is the repair's bar)", fmt: (v: number) => v.toFixed(3) },
];
/** Not targets: checks of plausibility the repair issue names (savings by 2025, returns). */
const CHECKS = [
  { metric: "savings_per_household", step: 120, date: "end-2025", fmt: (v: number) => v.toFixed(0) },
  { metric: "return_rate", step: 120, date: "end-2025", fmt: (v: number) => v.toFixed(3) },
];

const x = await runExperiment({
  scenarios: [scenario("historical"), scenario("baseline")],
  replications,
  workers: values.workers ? Number(values.workers) : undefined,
  groups: ["all"],
  metrics: [...new Set([...TARGETS, ...CHECKS].map((t) => t.metric))],
  every: 12,
});
const rows = [["figure", "published", "historical ± 95% CI", "gap", "baseline", "source"]];
for (const t of TARGETS) {
  const cell = (name: string) => {
    const l = levelInterval(Array.from({ length: replications }, (_, r) => x.value(name, r, t.metric, "all", t.step)));
    return { mean: l.mean, h: l.ci_high - l.mean };
  };
  const h = cell("historical");
  const b = cell("baseline");
  const share = t.value <= 1;
  const gap = share ? (h.mean - t.value) * 100 : ((h.mean - t.value) / t.value) * 100;
  rows.push([`${t.metric} ${t.date}`, t.fmt(t.value), `${t.fmt(h.mean)} ± ${t.fmt(h.h)}`, `${gap >= 0 ? "+" : "−"}${Math.abs(gap).toFixed(share ? 1 : 0)}${share ? " pt" : "%"}`, t.fmt(b.mean), t.source]);
}
const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`historical vs published figures: ${replications} replications, county scale, ${x.seconds.toFixed(0)} s\n`);
const line = (r: string[]) => console.log("| " + r.map((v, c) => v.padEnd(w[c]!)).join(" | ") + " |");
line(rows[0]!);
line(w.map((n) => "-".repeat(n)));
for (const r of rows.slice(1)) line(r);
for (const c of CHECKS) {
  const l = levelInterval(Array.from({ length: replications }, (_, r) => x.value("historical", r, c.metric, "all", c.step)));
  console.log(`${c.metric} ${c.date}: historical ${c.fmt(l.mean)} ± ${c.fmt(l.ci_high - l.mean)}`);
}
