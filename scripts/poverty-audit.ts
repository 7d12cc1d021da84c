/**
 * Poverty assistance audit (issue 10, defects 1 and 2): runs a scenario file for several seeds
 * and reports, from the household columns after each month,
 * - the share of assistance paid above what was needed to bring the household's 12-month
 *   per-capita income to its assistance target (by calendar year, household by household);
 * - how often households without labour switch assistance on or off (months per switch);
 * - the poverty rate at end-2019 and end-2020.
 *
 * Usage: npx tsx scripts/poverty-audit.ts [scenario.json] [households] [replications]
 */
import { createSimulation } from "../packages/core/src/index.js";
import { stepContext } from "../packages/core/src/model/context.js";
import { parseMonth, timeScope } from "../packages/core/src/params/resolve.js";
import { loadScenarioFile } from "../packages/scenarios/src/index.js";
import * as povertyModule from "../packages/core/src/model/poverty.js";

// The target assistance works to: the year's standard where the model has one (after the
// repair), else the month's line (before it).
const standardOf = (povertyModule as Record<string, unknown>).povertyStandard as ((env: unknown, year: number) => number) | undefined;

const file = process.argv[2] ?? "scenarios/historical.json";
const households = Number(process.argv[3] ?? 3000);
const reps = Number(process.argv[4] ?? 3);
const sc = loadScenarioFile(file).scenario;

let paidTrail = 0, excessTrail = 0;
let excessNoNeed = 0;
let paidAll = 0, excessAll = 0, switches = 0, noLabourMonths = 0, assistedNoLabourMonths = 0;
const rate19: number[] = [], rate20: number[] = [];
for (let rep = 0; rep < reps; rep++) {
  const s = createSimulation(sc, { seed: 1 + rep, scale: households });
  const H = s.state.households;
  const n = H.count;
  const start = parseMonth(s.params.horizon.start);
  const prevAssist = new Float64Array(n);
  const prevOn = new Uint8Array(n);
  const paidRing = new Float64Array(n * 12), targetRing = new Float64Array(n * 12);
  const paidYear = new Float64Array(n), ownYear = new Float64Array(n), targetYear = new Float64Array(n);
  const months = s.params.horizon.months;
  for (let step = 0; step < months; step++) {
    s.step();
    const c = stepContext(s.params, timeScope(start, step));
    const p = s.params.poverty as Record<string, number>;
    const slot = ((step % 12) + 12) % 12;
    for (let h = 0; h < n; h++) {
      const size = Math.max(1, H.size[h]!);
      // Assistance set by poverty() in the previous month is what this month's income paid.
      const paid = prevAssist[h]!;
      const total = H.incomeRing[h * 12 + slot]!;
      const noLabour = H.nLabour[h] === 0;
      const t = noLabour && p.dibaoStandard !== undefined ? p.dibaoStandard : p.assistanceTarget!;
      paidYear[h]! += paid;
      ownYear[h]! += total - paid;
      const lineNow = standardOf ? standardOf(s.params.environment, c.year) : c.povertyLine;
      targetYear[h]! += (t * lineNow * size) / 12;
      // Trailing 12 months: assistance received, and the target.
      paidRing[h * 12 + slot] = paid;
      targetRing[h * 12 + slot] = (t * lineNow * size) / 12;
      const on = H.assistance[h]! > 0 ? 1 : 0;
      if (noLabour && H.residence[h] !== 0) {
        noLabourMonths++;
        if (on) assistedNoLabourMonths++;
        if (step > 0 && on !== prevOn[h]) switches++;
      }
      prevOn[h] = on;
      prevAssist[h] = H.assistance[h]!;
    }
    if (c.month === 12) {
      for (let h = 0; h < n; h++) {
        if (paidYear[h]! > 0) {
          const need = Math.max(0, targetYear[h]! - ownYear[h]!);
          paidAll += paidYear[h]!;
          excessAll += Math.max(0, paidYear[h]! - need);
          // Paid to households whose own income over the year turned out above the target.
          if (need === 0) excessNoNeed += paidYear[h]!;
        }
      }
      paidYear.fill(0); ownYear.fill(0); targetYear.fill(0);
      // The same on the trailing 12 months (what poverty() reads), each December.
      if (step >= 11) for (let h = 0; h < n; h++) {
        let paid12 = 0, target12 = 0;
        for (let j = 0; j < 12; j++) { paid12 += paidRing[h * 12 + j]!; target12 += targetRing[h * 12 + j]!; }
        if (paid12 <= 0) continue;
        paidTrail += paid12;
        excessTrail += Math.min(paid12, Math.max(0, H.income12[h]! - target12));
      }
      if (c.year === 2019) rate19.push(s.metric("poverty_rate"));
      if (c.year === 2020) rate20.push(s.metric("poverty_rate"));
    }
  }
}
const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - m(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
console.log(JSON.stringify({
  file, households, reps,
  excessShareOfAssistance: excessAll / paidAll,
  excessShareWhereNoNeedAfterAll: excessNoNeed / paidAll,
  assistancePaidYuan: paidAll,
  noLabourHouseholdMonths: noLabourMonths,
  noLabourAssistedShare: assistedNoLabourMonths / noLabourMonths,
  noLabourMonthsPerSwitch: switches > 0 ? noLabourMonths / switches : Infinity,
  noLabourAssistedMonthsPerSwitch: switches > 0 ? assistedNoLabourMonths / switches : Infinity,
  povertyRateEnd2019: { mean: m(rate19), sd: sd(rate19), values: rate19 },
  povertyRateEnd2020: { mean: m(rate20), sd: sd(rate20), values: rate20 },
}, null, 1));
