import { describe, expect, it } from "vitest";
import { housingMaintenance } from "../src/model/housing.js";
import { contextAt, sim } from "./helpers.js";
import { Residence } from "../src/kernel/state.js";

describe("housingMaintenance(p, c, st, s)", () => {
  it("leaves housing condition at 1 before the site opens", () => {
    const s = sim();
    const S = s.state.sites;
    const k = S.openStep[0]! > 0 ? 0 : 1;
    housingMaintenance(s.params, contextAt(s, S.openStep[k]! - 1), s.state, k);
    expect(S.housingCondition[k]).toBe(1);
  });

  it("decays housing condition by housingDecay a year without the maintenance fund, down to 0", () => {
    const s = sim({ integration: { housingDecay: 0.04 } });
    const S = s.state.sites;
    S.totalArea[0] = 10_000;
    for (let m = 0; m < 24; m++) housingMaintenance(s.params, contextAt(s, S.openStep[0]! + m), s.state, 0);
    expect(S.housingCondition[0]).toBeCloseTo(0.92, 5);
    expect(S.maintenanceBalance[0]).toBe(0);
    const fast = sim({ integration: { housingDecay: 1 } });
    for (let m = 0; m < 24; m++) housingMaintenance(fast.params, contextAt(fast, fast.state.sites.openStep[0]! + m), fast.state, 0);
    expect(fast.state.sites.housingCondition[0]).toBe(0);
  });

  it("maintenanceFund: collects government and residents' payments per m2 and repairs the month's decay", () => {
    const s = sim({ integration: { housingDecay: 0.04, repairCostPerM2: 600 }, policies: { maintenanceFund: { enabled: true, governmentYuanPerM2Year: 20, residentYuanPerM2Year: 6 } } });
    const S = s.state.sites;
    S.totalArea[0] = 10_000;
    // Residents pay only for the homes they still hold: make half the site's households holders.
    const H = s.state.households;
    let held = 0;
    for (let h = S.hhStart[0]!; h < S.hhEnd[0]!; h++) {
      const holds = (h - S.hhStart[0]!) % 2 === 0;
      H.residence[h] = holds ? Residence.Resident : Residence.Returned;
      H.area[h] = 75;
      if (holds) held += 75;
    }
    housingMaintenance(s.params, contextAt(s, S.openStep[0]!), s.state, 0);
    const inflow = (20 / 12) * 10_000 + (6 / 12) * held;
    // Repairs restore the month's decay as far as the fund allows.
    const repair = Math.min(inflow, (0.04 / 12) * 600 * 10_000);
    expect(S.maintenanceIn[0]).toBeCloseTo(inflow, 6);
    // Condition is stored in single precision: repairs match to a fraction of a yuan.
    expect(S.maintenanceOut[0]).toBeCloseTo(repair, 0);
    expect(S.housingCondition[0]).toBeCloseTo(1 - 0.04 / 12 + repair / (600 * 10_000), 5);
    expect(S.maintenanceBalance[0]).toBeCloseTo(inflow - repair, 0);
  });

  it("maintenanceFund: repairs no more than the fund holds", () => {
    const s = sim({ integration: { housingDecay: 0.6, repairCostPerM2: 600 }, policies: { maintenanceFund: { enabled: true, governmentYuanPerM2Year: 12, residentYuanPerM2Year: 0 } } });
    const S = s.state.sites;
    S.totalArea[0] = 1000;
    housingMaintenance(s.params, contextAt(s, S.openStep[0]!), s.state, 0);
    expect(S.maintenanceOut[0]).toBeCloseTo(1000, 6);
    expect(S.maintenanceBalance[0]).toBeCloseTo(0, 6);
    expect(S.housingCondition[0]).toBeCloseTo(1 - 0.05 + 1000 / (600 * 1000), 5);
  });

  it("conserves the fund over a run and keeps condition higher than without it", () => {
    const on = sim({ policies: { maintenanceFund: { enabled: true } } }, 500);
    const off = sim({}, 500);
    const S = on.state.sites;
    let worst = 0;
    while (on.stepsDone < 72) {
      const before = Float64Array.from(S.maintenanceBalance);
      on.step();
      off.step();
      for (let k = 0; k < S.count; k++) worst = Math.max(worst, Math.abs(S.maintenanceBalance[k]! - before[k]! - (S.maintenanceIn[k]! - S.maintenanceOut[k]!)));
    }
    expect(worst).toBeLessThan(1e-6);
    expect(on.metric("housing_condition")).toBeGreaterThan(off.metric("housing_condition") + 0.1);
    expect(on.metric("maintenance_fund_balance")).toBeGreaterThan(0);
  });
});
