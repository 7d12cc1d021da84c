import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Residence, type State } from "../kernel/state.js";
import { normal, type Random } from "../kernel/random.js";

/**
 * Collective asset operation (paper 4.2(4); the lever's terms are its policy file's). When the
 * site opens, government, enterprises and residents invest jointly; each month the assets earn
 * a risky return (normal, with the lever's mean and volatility); a share of a positive return
 * is paid out as dividends to the households still holding a home at the site (transitional or
 * resident), the rest retained; a negative return is a loss of assets.
 * Accounting is conserved: balance change = inflows (investment, positive returns) - outflows
 * (dividends, losses). Without the lever a site has no collective operating income, the
 * situation the paper describes.
 */
export function collectiveAssets(p: Params, c: StepContext, st: State, s: number, r: Random): void {
  const S = st.sites;
  const H = st.households;
  S.collectiveIn[s] = 0;
  S.collectiveOut[s] = 0;
  S.collectiveIncome[s] = 0;
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
  const balance = S.collectiveBalance[s]!;
  const ret = balance * (ca.monthlyReturn + ca.monthlyVolatility * normal(r));
  S.collectiveIncome[s] = ret;
  if (ret >= 0) {
    let members = 0;
    for (let h = h0; h < h1; h++) if (H.residence[h] === Residence.Transitional || H.residence[h] === Residence.Resident) members++;
    const paid = members > 0 ? ca.dividendShare * ret : 0;
    S.dividend[s] = members > 0 ? paid / members : 0;
    S.collectiveBalance[s] = balance + ret - paid;
    S.collectiveIn[s]! += ret;
    S.collectiveOut[s]! += paid;
  } else {
    S.collectiveBalance[s] = balance + ret;
    S.collectiveOut[s]! -= ret;
  }
}
