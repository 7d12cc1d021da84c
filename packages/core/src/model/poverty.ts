import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { parseMonth } from "../params/resolve.js";
import { Residence, type State } from "../kernel/state.js";
import type { KeyedRandom } from "../kernel/random.js";

/**
 * Poverty monitoring, assistance, the minimum living allowance and relapse.
 *
 * A household is poor when its per-capita net income over the last 12 months (every source,
 * assistance included) is below the poverty line of that window (`povertyLineAt`, exactly the
 * year's published standard in December); a signed household that is not poor has exited, and
 * an exited household that falls below the line again has relapsed. Assistance, the minimum
 * living allowance and monitoring work to the current year's standard (`povertyStandard`): "the
 * line" below.
 *
 * Own income is the 12-month income excluding the assistance received in those months (kept in
 * its own ring, kernel/state.ts `assistRing`/`assist12`), so it is exact: assistance paid never
 * makes a household look richer or poorer than it is.
 *
 * A household is at risk when its own income is below the line; from `poverty.monitoringFrom`
 * (dynamic monitoring against relapse, March 2020) also when its own income is below the
 * monitoring line or this month's own income, annualised, is below the line (a shock: a job
 * lost, a business failed, an illness). An undetected household at risk is detected at a monthly
 * probability, faster with effective governance (4.1(3)) and inside a staffed grid (4.3(3));
 * detected households get priority in local job matching (model/labourMarket.ts) and stay
 * detected while at risk or assisted.
 *
 * A detected household is assisted only while its own income is below its standard:
 * - with labour (a member able to work): below the poverty line, topped up to
 *   `assistanceTarget` times the line;
 * - without labour (no member able to work: elderly-only, disabled): the minimum living
 *   allowance (dibao, the bottom-line guarantee), below `dibaoStandard` times the line, topped up
 *   to it.
 * Own income here is the 12-month own income; under monitoring, for a detected household hit by
 * a shock, this month's own income (annualised) when lower, so assistance responds when income
 * falls rather than months later as the 12-month income catches up. The monthly top-up is
 * `assistanceShare` × (target − own) × size / 12, paid in next month's income: with stable own
 * income the 12-month income settles exactly at the target.
 */
export function poverty(p: Params, c: StepContext, st: State, s: number, draws: KeyedRandom): void {
  const H = st.households;
  const S = st.sites;
  const line = c.povertyLine;
  // Assistance and monitoring work to the current year's standard.
  const standardLine = povertyStandard(p.environment, c.year);
  const pv = p.poverty;
  const gov = c.levers.effectiveGovernance.detectionFactor;
  const gridCoverage = c.levers.gridManagement.coverage;
  const gridFactor = c.levers.gridManagement.detectionFactor;
  const share = pv.assistanceShare;
  const target = pv.assistanceTarget * standardLine;
  const dibao = pv.dibaoStandard * standardLine;
  const monitoring = c.year * 12 + c.month - 1 >= parseMonth(pv.monitoringFrom);
  const riskLine = monitoring ? pv.monitoringLine * standardLine : standardLine;
  const slot = ((c.step % 12) + 12) % 12;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    const size = Math.max(1, H.size[h]!);
    const pc = H.income12[h]! / size;
    const poor = pc < line - 1e-6 ? 1 : 0;
    H.poor[h] = poor;
    if (!poor && H.residence[h] !== Residence.Pending) H.everExited[h] = 1;
    const own12 = (H.income12[h]! - H.assist12[h]!) / size;
    const standard = H.nLabour[h] === 0 ? dibao : standardLine;
    const topTo = H.nLabour[h] === 0 ? dibao : target;
    const k = h * 12 + slot;
    // This month's own income, annualised per capita; below the line under monitoring: a shock.
    const ownNow = (12 * (H.incomeRing[k]! - H.assistRing[k]!)) / size;
    const shock = monitoring && ownNow < standardLine;
    const atRisk = own12 < riskLine || shock;
    const eligible12 = own12 < standard - 1e-6;
    if (!H.detected[h] && (atRisk || eligible12)) {
      const covered = H.gridDraw[h]! < gridCoverage ? gridFactor : 1;
      // The household's own draw of the month (no other household's detection moves it).
      if (draws.draw(h) < Math.min(1, c.detection * gov * covered)) H.detected[h] = 1;
    } else if (H.detected[h] && !atRisk && !eligible12) {
      H.detected[h] = 0;
    }
    // Under monitoring, a detected household hit by a shock is assessed on its current own
    // income when that is lower (timely assistance), otherwise on its 12-month own income.
    const own = shock && H.detected[h] ? Math.min(own12, ownNow) : own12;
    const eligible = own < standard - 1e-6;
    H.assistance[h] = H.detected[h] && eligible ? (share * Math.max(0, topTo - own) * size) / 12 : 0;
  }
}

/**
 * The official rural poverty standard of calendar `year` (yuan per person per year, current
 * prices): the published values are used exactly, 2,300 for 2010 (the base of the current
 * standard), 3,218 for 2019 and about 4,000 for 2020; the years in between are interpolated
 *  geometrically between 2010 and 2019 (3.8% a year; this gives 2,877 for 2016 against the 2,952
 * NBS reported, quoted from memory: 2.5% low); after 2020 the standard follows prices (`environment.priceGrowth`).
 * Assistance works to the standard of the current year (the programme set each year's exit
 * standard in advance).
 */
export function povertyStandard(env: Params["environment"], year: number): number {
  const a10 = env.povertyLine2010, a19 = env.povertyLine2019, a20 = env.povertyLine2020;
  if (year <= 2019) return a10 * Math.pow(a19 / a10, (year - 2010) / 9);
  if (year === 2020) return a20;
  return a20 * Math.pow(1 + env.priceGrowth, year - 2020);
}

/**
 * The poverty line against which the 12-month income to the end of `year`-`month` is judged:
 * the mean of the standards of those 12 months, so the income of a calendar year, read in
 * December, meets exactly that year's standard (the exit assessment), and the line moves
 * smoothly in between.
 */
export function povertyLineAt(env: Params["environment"], year: number, month: number): number {
  return ((12 - month) * povertyStandard(env, year - 1) + month * povertyStandard(env, year)) / 12;
}
