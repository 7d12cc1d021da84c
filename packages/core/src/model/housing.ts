import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Residence, type State } from "../kernel/state.js";

/**
 * Housing condition and the maintenance (overhaul) fund (paper 4.2(2)). Condition (0-1) decays
 * linearly each month; with the lever, government and residents pay into the site's fund per m²,
 * and the fund pays repairs that restore condition at `repairCostPerM2` per unit. The fund is
 * conserved: balance change = inflows - repairs. Residents' payments are charged to households
 * as a cost in the income process.
 */
export function housingMaintenance(p: Params, c: StepContext, st: State, s: number): void {
  const S = st.sites;
  S.maintenanceIn[s] = 0;
  S.maintenanceOut[s] = 0;
  if (c.step < S.openStep[s]!) return;
  const area = S.totalArea[s]!;
  S.housingCondition[s] = Math.max(0, S.housingCondition[s]! - p.integration.housingDecay / 12);
  const mf = c.levers.maintenanceFund;
  if (!mf.funded || area <= 0) return;
  // Residents pay for the homes still held (transitional or resident), as income.ts charges them.
  const H = st.households;
  let held = 0;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    const res = H.residence[h];
    if (res === Residence.Transitional || res === Residence.Resident) held += H.area[h]!;
  }
  const inflow = (mf.governmentPerM2Year / 12) * area + (mf.residentPerM2Year / 12) * held;
  const cost = p.integration.repairCostPerM2 * area;
  const needed = (1 - S.housingCondition[s]!) * cost;
  const balance = S.maintenanceBalance[s]! + inflow;
  const spent = Math.min(balance, needed);
  S.housingCondition[s] = Math.min(1, S.housingCondition[s]! + spent / cost);
  S.maintenanceBalance[s] = balance - spent;
  S.maintenanceIn[s] = inflow;
  S.maintenanceOut[s] = spent;
}
