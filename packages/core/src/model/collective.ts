import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Residence, type State } from "../kernel/state.js";
import { normal, type KeyedRandom } from "../kernel/random.js";

/**
 * Collective asset operation (paper 4.2(4); the lever's terms are its policy file's). When the
 * site opens, government, enterprises and residents invest jointly; each month the fund's
 * capital earns a risky return (normal, with the lever's mean and volatility). Dividends come
 * from the realised *annual* net return, as a collective's accounts are closed once a year:
 * - the month's returns, gains and losses alike, change the capital and add up into the
 *   operating year's net return (`collectiveYearReturn`);
 * - at the end of each operating year (every 12 months from opening) a positive net return
 *   first offsets losses carried from earlier years (`collectiveLossCarried`); `dividendShare`
 *   of what remains is declared, moved from capital to dividends payable and paid in 12
 *   monthly instalments over the next year to the households then holding a home at the site
 *   (transitional or resident), so dividend income is smooth; the rest stays in capital;
 * - a negative net return is a loss of capital and is carried forward against later dividends
 *   (no dividend is declared on a year that only made good an earlier loss);
 * - an instalment due in a month when nobody holds a home goes back into capital.
 * `collectiveIncome` is the last completed year's realised net return (yuan a year).
 * The fund (`collectiveBalance` = capital + dividends payable) is conserved: each month its
 * change is inflows (investment, positive returns) minus outflows (dividends paid, losses),
 * so balance + dividends paid = investment + Σ returns. Without the lever a site has no
 * collective operating income, the situation the paper describes.
 */
export function collectiveAssets(p: Params, c: StepContext, st: State, s: number, draws: KeyedRandom): void {
  const S = st.sites;
  const H = st.households;
  S.collectiveIn[s] = 0;
  S.collectiveOut[s] = 0;
  S.dividend[s] = 0;
  const ca = c.levers.collectiveAssets;
  const m = c.step - S.openStep[s]!;
  if (!ca.operating || m < 0) return;
  const h0 = S.hhStart[s]!;
  const h1 = S.hhEnd[s]!;
  if (m === 0) {
    const n = h1 - h0;
    const invest = ca.investmentPerHousehold * n;
    for (let h = h0; h < h1; h++) H.savings[h]! -= ca.residentContribution;
    S.collectiveBalance[s]! += invest;
    S.collectiveIn[s]! += invest;
  }
  // Last year's declared dividends, one instalment a month.
  const payable = S.collectivePayable[s]!;
  if (payable > 0) {
    const due = Math.min(payable, S.collectiveInstalment[s]!);
    let members = 0;
    for (let h = h0; h < h1; h++) if (H.residence[h] === Residence.Transitional || H.residence[h] === Residence.Resident) members++;
    S.collectivePayable[s] = payable - due;
    if (members > 0) {
      S.dividend[s] = due / members;
      S.collectiveBalance[s]! -= due;
      S.collectiveOut[s]! += due;
    }
  }
  // The month's return on capital (the fund less what is owed to households).
  const capital = S.collectiveBalance[s]! - S.collectivePayable[s]!;
  const ret = capital * (ca.monthlyReturn + ca.monthlyVolatility * normal(draws.at(s)));
  S.collectiveBalance[s]! += ret;
  if (ret >= 0) S.collectiveIn[s]! += ret;
  else S.collectiveOut[s]! -= ret;
  S.collectiveYearReturn[s]! += ret;
  if (m % 12 !== 11) return;
  // Year end: close the accounts.
  const net = S.collectiveYearReturn[s]!;
  S.collectiveIncome[s] = net;
  S.collectiveYearReturn[s] = 0;
  if (net > 0) {
    const offset = Math.min(net, S.collectiveLossCarried[s]!);
    S.collectiveLossCarried[s]! -= offset;
    const declared = ca.dividendShare * (net - offset);
    S.collectivePayable[s]! += declared;
    S.collectiveInstalment[s] = S.collectivePayable[s]! / 12;
  } else {
    S.collectiveLossCarried[s]! -= net;
  }
}
