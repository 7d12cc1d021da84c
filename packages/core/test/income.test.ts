import { describe, expect, it } from "vitest";
import { income } from "../src/model/income.js";
import { earnings } from "../src/model/labourMarket.js";
import { Emp, Land, Registration, Residence, type State } from "../src/kernel/state.js";
import type { Simulation } from "../src/index.js";
import { contextAt, members, sim } from "./helpers.js";

/**
 * Household h of site 0 (urban) with every member out of the labour force and aged 30, no land,
 * no assistance, origin registration, living at the site; returns h and its members.
 */
function plainHousehold(s: Simulation, minSize = 3): { h: number; q: number[] } {
  const st: State = s.state;
  const H = st.households;
  for (let h = st.sites.hhStart[0]!; h < st.sites.hhEnd[0]!; h++) {
    if (H.size[h]! < minSize) continue;
    const q = members(st, h);
    for (const p of q) { st.persons.emp[p] = Emp.NotInLabourForce; st.persons.age[p] = 30; }
    H.landStatus[h] = Land.Lost;
    H.land[h] = 0;
    H.assistance[h] = 0;
    H.registration[h] = Registration.Origin;
    H.residence[h] = Residence.Resident;
    H.area[h] = 25 * H.size[h]!;
    return { h, q };
  }
  throw new Error("no household large enough");
}

const month = (s: Simulation, m = 2) => contextAt(s, s.state.sites.openStep[0]! + m);

describe("income(p, c, st, s)", () => {
  it("books wages (local and migrant), business profit and farming by source", () => {
    const s = sim();
    const st = s.state;
    const H = st.households;
    const { h, q } = plainHousehold(s, 4);
    const [local, migrant, business, farmer] = q as [number, number, number, number];
    st.persons.emp[local] = Emp.Local;
    st.persons.emp[migrant] = Emp.Migrant;
    st.persons.emp[business] = Emp.SelfEmployed;
    st.persons.emp[farmer] = Emp.Farming;
    const c = month(s);
    income(s.params, c, st, 0);
    const e = (p: number) => earnings(s.params, c, st, 0, p, true);
    expect(H.incWage[h]).toBeCloseTo(e(local) + e(migrant), 2);
    expect(H.incBusiness[h]).toBeCloseTo(e(business), 2);
    expect(H.incAgriculture[h]).toBeCloseTo(e(farmer), 2);
    expect(H.incTransfer[h]).toBe(0);
    expect(H.incDividend[h]).toBe(0);
  });

  it("pays a pension for each member aged 60 or more", () => {
    const s = sim({ income: { pensionPerElder: 110 } });
    const { h, q } = plainHousehold(s);
    s.state.persons.age[q[0]!] = 60;
    s.state.persons.age[q[1]!] = 75;
    const c = month(s);
    income(s.params, c, s.state, 0);
    expect(s.state.households.incTransfer[h]).toBeCloseTo(2 * 110 * c.priceIndex, 4);
  });

  it("earns rent on kept origin land that nobody in the household farms, once signed", () => {
    const s = sim({ policies: { landRights: { rentYuanPerMuYear: 300 } } });
    const H = s.state.households;
    const { h } = plainHousehold(s);
    H.landStatus[h] = Land.Kept;
    H.land[h] = 4;
    const c = month(s);
    income(s.params, c, s.state, 0);
    expect(H.incAgriculture[h]).toBeCloseTo((300 / 12) * c.priceIndex * 4, 3);
    H.residence[h] = Residence.Pending;
    income(s.params, c, s.state, 0);
    expect(H.incAgriculture[h]).toBe(0);
  });

  it("adds destination social security for households registered at the destination (or dual) that hold the home", () => {
    const s = sim({ policies: { dualRegistration: { socialSecurityYuanPerPersonMonth: 60 } } });
    const H = s.state.households;
    const { h } = plainHousehold(s);
    const c = month(s);
    for (const [reg, residence, paid] of [
      [Registration.Origin, Residence.Resident, false],
      [Registration.Destination, Residence.Resident, true],
      [Registration.Dual, Residence.Transitional, true],
      [Registration.Dual, Residence.Returned, false],
    ] as const) {
      H.registration[h] = reg;
      H.residence[h] = residence;
      income(s.params, c, s.state, 0);
      expect(H.incTransfer[h]).toBeCloseTo(paid ? 60 * c.priceIndex * H.size[h]! : 0, 3);
    }
  });

  it("adds poverty assistance to transfers", () => {
    const s = sim();
    const { h } = plainHousehold(s);
    s.state.households.assistance[h] = 250;
    income(s.params, month(s), s.state, 0);
    expect(s.state.households.incTransfer[h]).toBeCloseTo(250, 4);
  });

  it("transitionPeriod: pays classified compensation in the month the site opens", () => {
    const s = sim({ policies: { transitionPeriod: { enabled: true, compensationPerHousehold: 5000 } } });
    const { h } = plainHousehold(s);
    income(s.params, month(s, 0), s.state, 0);
    expect(s.state.households.incTransfer[h]).toBeCloseTo(5000, 4);
    income(s.params, month(s, 1), s.state, 0);
    expect(s.state.households.incTransfer[h]).toBe(0);
  });

  it("pays the site's collective dividend to households holding a home, and origin distributions with landRights whatever the registration", () => {
    const s = sim({ policies: { landRights: { enabled: true, collectiveDistributionPerPersonYear: 120 } } });
    const H = s.state.households;
    const { h } = plainHousehold(s);
    s.state.sites.dividend[0] = 100;
    const c = month(s);
    income(s.params, c, s.state, 0);
    expect(H.incDividend[h]).toBeCloseTo(100 + 10 * c.priceIndex * H.size[h]!, 3);
    H.registration[h] = Registration.Destination;
    income(s.params, c, s.state, 0);
    expect(H.incDividend[h]).toBeCloseTo(100 + 10 * c.priceIndex * H.size[h]!, 3);
  });

  it("adds the month's net income to the 12-month ring and the running 12-month sum", () => {
    const s = sim();
    const H = s.state.households;
    const { h, q } = plainHousehold(s);
    s.state.persons.emp[q[0]!] = Emp.Local;
    const c = month(s);
    const slot = c.step % 12;
    const before = H.income12[h]! - H.incomeRing[h * 12 + slot]!;
    income(s.params, c, s.state, 0);
    const total = H.incWage[h]! + H.incBusiness[h]! + H.incAgriculture[h]! + H.incTransfer[h]! + H.incDividend[h]!;
    expect(H.incomeRing[h * 12 + slot]).toBeCloseTo(total, 2);
    expect(H.income12[h]).toBeCloseTo(before + total, 2);
  });

  it("spends subsistence, fees and maintenance payments, and the propensity to consume of regular income above them; saves the rest", () => {
    const s = sim({ income: { urbanSpendingPerPerson: 350, propertyFeePerM2Month: 0.3, propensityToConsume: 0.8 }, policies: { maintenanceFund: { enabled: true, residentYuanPerM2Year: 6 } } });
    const H = s.state.households;
    const { h, q } = plainHousehold(s);
    for (const p of q) s.state.persons.emp[p] = Emp.Migrant;
    const c = month(s);
    const savings = H.savings[h]!;
    income(s.params, c, s.state, 0);
    const total = H.incWage[h]! + H.incBusiness[h]! + H.incAgriculture[h]! + H.incTransfer[h]! + H.incDividend[h]!;
    const fixed = H.size[h]! * 350 * c.priceIndex + H.area[h]! * 0.3 + (H.area[h]! * 6) / 12;
    expect(total).toBeGreaterThan(fixed);
    expect(H.savings[h]! - savings).toBeCloseTo(0.2 * (total - fixed), 2);
  });

  it("draws savings down when income is below subsistence, fees and maintenance payments (not net income)", () => {
    const s = sim({ income: { urbanSpendingPerPerson: 520, propertyFeePerM2Month: 0.3 }, policies: { maintenanceFund: { enabled: true, residentYuanPerM2Year: 6 } } });
    const H = s.state.households;
    const { h, q } = plainHousehold(s);
    s.state.persons.emp[q[0]!] = Emp.Local;
    const c = month(s);
    const savings = H.savings[h]!;
    income(s.params, c, s.state, 0);
    const total = H.incWage[h]! + H.incBusiness[h]! + H.incAgriculture[h]! + H.incTransfer[h]! + H.incDividend[h]!;
    const spending = H.size[h]! * 520 * c.priceIndex + H.area[h]! * 0.3 + (H.area[h]! * 6) / 12;
    expect(total).toBeLessThan(spending);
    expect(H.savings[h]).toBeCloseTo(savings + total - spending, 2);
  });

  it("ecologicalLivability: schools and clinics cut spending for each child and elder of a resident household", () => {
    const spend = (enabled: boolean) => {
      const s = sim({ policies: { ecologicalLivability: { enabled, carerSpendingRelief: 60 } } });
      const { h, q } = plainHousehold(s);
      s.state.persons.age[q[0]!] = 5;
      s.state.persons.age[q[1]!] = 85;
      const before = s.state.households.savings[h]!;
      income(s.params, month(s), s.state, 0);
      return { change: s.state.households.savings[h]! - before, price: month(s).priceIndex };
    };
    const on = spend(true);
    const off = spend(false);
    expect(on.change - off.change).toBeCloseTo(2 * 60 * on.price, 3);
  });
});

describe("primeIncome(p, c, st) (run by createSimulation)", () => {
  it("fills each household's 12-month ring with its first month's income and leaves savings alone", () => {
    const s = sim();
    const H = s.state.households;
    let bad = 0;
    for (let h = 0; h < H.count; h++) {
      const first = H.incomeRing[h * 12]!;
      for (let k = 1; k < 12; k++) if (H.incomeRing[h * 12 + k] !== first) bad++;
      if (Math.abs(H.income12[h]! - 12 * first) > 1e-6) bad++;
    }
    expect(bad).toBe(0);
    const fresh = sim();
    expect(Array.from(H.savings)).toEqual(Array.from(fresh.state.households.savings));
  });

  it("keeps the running 12-month sum equal to the ring's sum over a run", () => {
    const s = sim({}, 300);
    while (s.stepsDone < 40) s.step();
    const H = s.state.households;
    let worst = 0;
    for (let h = 0; h < H.count; h++) {
      let sum = 0;
      for (let k = 0; k < 12; k++) sum += H.incomeRing[h * 12 + k]!;
      worst = Math.max(worst, Math.abs(H.income12[h]! - sum) / Math.max(1, Math.abs(sum)));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});
