import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mean, sampleStandardDeviation } from "simple-statistics";
import { collectiveAssets } from "../src/model/collective.js";
import { Residence } from "../src/kernel/state.js";
import { stream, unkeyed, type KeyedRandom } from "../src/kernel/random.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, householdsOf, sim } from "./helpers.js";

const lever = { enabled: true, governmentPerHousehold: 6000, enterprisePerHousehold: 3000, residentPerHousehold: 500, annualReturn: 0.06, returnVolatility: 0.1, dividendShare: 0.6 };

/**
 * Reset site 0's fund, every household of it resident, and run its fund for `months` months
 * from opening; `onMonth` sees the month and the capital before it (after the last month's
 * dividend is read, so `S.dividend` is the previous month's).
 */
function runFund(s: Simulation, months: number, r: KeyedRandom, onMonth?: (m: number, capital: number) => void): void {
  const S = s.state.sites;
  const H = s.state.households;
  for (const h of householdsOf(s.state, 0)) H.residence[h] = Residence.Resident;
  for (const col of [S.collectiveBalance, S.collectivePayable, S.collectiveInstalment, S.collectiveYearReturn, S.collectiveLossCarried, S.collectiveIncome, S.dividend]) col[0] = 0;
  const open = S.openStep[0]!;
  for (let m = 0; m < months; m++) {
    const c = contextAt(s, open + m);
    if (onMonth) onMonth(m, S.collectiveBalance[0]! - S.collectivePayable[0]!);
    collectiveAssets(s.params, c, s.state, 0, r);
  }
}

describe("collectiveAssets(p, c, st, s, r)", () => {
  it("has no collective income, flows or dividends without the lever", () => {
    const s = sim();
    const S = s.state.sites;
    collectiveAssets(s.params, contextAt(s, S.openStep[0]!), s.state, 0, always);
    expect([S.collectiveBalance[0], S.collectiveIn[0], S.collectiveOut[0], S.collectiveIncome[0], S.dividend[0]]).toEqual([0, 0, 0, 0, 0]);
  });

  it("invests government, enterprise and resident money when the site opens, the residents' share from savings", () => {
    const s = sim({ policies: { collectiveAssets: lever } });
    const S = s.state.sites;
    const H = s.state.households;
    const hh = householdsOf(s.state, 0);
    const savings = hh.map((h) => H.savings[h]!);
    collectiveAssets(s.params, contextAt(s, S.openStep[0]!), s.state, 0, always);
    const invest = 9500 * hh.length;
    // A draw of 0 is a normal draw of 0: the month's return is the mean return, retained
    // until the year's accounts close.
    const ret = invest * (0.06 / 12);
    expect(S.collectiveYearReturn[0]).toBeCloseTo(ret, 6);
    expect(S.collectiveBalance[0]).toBeCloseTo(invest + ret, 6);
    expect(S.collectiveIn[0]).toBeCloseTo(invest + ret, 6);
    expect(S.collectiveOut[0]).toBe(0);
    expect(S.dividend[0]).toBe(0);
    hh.forEach((h, i) => expect(H.savings[h]).toBeCloseTo(savings[i]! - 500, 9));
  });

  it("declares dividendShare of the year's net return at the year end and pays it in 12 equal instalments to the households holding a home", () => {
    const s = sim({ policies: { collectiveAssets: lever } });
    const S = s.state.sites;
    const H = s.state.households;
    const hh = householdsOf(s.state, 0);
    runFund(s, 12, always);
    // No dividend in the first operating year; its realised return is the year's income.
    const invest = 9500 * hh.length;
    const year = invest * (Math.pow(1.005, 12) - 1);
    expect(S.collectiveIncome[0]).toBeCloseTo(year, 4);
    expect(S.collectivePayable[0]).toBeCloseTo(0.6 * year, 4);
    hh.forEach((h, i) => (H.residence[h] = i % 3 === 0 ? Residence.Returned : i % 3 === 1 ? Residence.Resident : Residence.Transitional));
    const holders = hh.filter((_, i) => i % 3 !== 0).length;
    const open = S.openStep[0]!;
    const paid: number[] = [];
    for (let m = 12; m < 24; m++) {
      collectiveAssets(s.params, contextAt(s, open + m), s.state, 0, always);
      paid.push(S.dividend[0]! * holders);
    }
    for (const x of paid) expect(x).toBeCloseTo((0.6 * year) / 12, 4);
  });

  it("books a loss as a fall of capital, pays no dividend on it and carries it forward against the next year's gains", () => {
    const s = sim({ policies: { collectiveAssets: { ...lever, annualReturn: -0.12 } } });
    const S = s.state.sites;
    runFund(s, 12, always);
    const invest = 9500 * householdsOf(s.state, 0).length;
    const loss = invest * (1 - Math.pow(0.99, 12));
    expect(S.collectiveIncome[0]).toBeCloseTo(-loss, 4);
    expect(S.collectiveBalance[0]).toBeCloseTo(invest - loss, 4);
    expect(S.collectiveLossCarried[0]).toBeCloseTo(loss, 4);
    expect(S.collectivePayable[0]).toBe(0);
    // A gain smaller than the carried loss only makes it good: nothing is declared.
    (s.params.policies.collectiveAssets as { annualReturn: number }).annualReturn = 0.06;
    const open = S.openStep[0]!;
    for (let m = 12; m < 24; m++) collectiveAssets(s.params, contextAt(s, open + m), s.state, 0, always);
    const gain = (invest - loss) * (Math.pow(1.005, 12) - 1);
    expect(gain).toBeLessThan(loss);
    expect(S.collectivePayable[0]).toBe(0);
    expect(S.collectiveLossCarried[0]).toBeCloseTo(loss - gain, 4);
  });

  it("over many draws, the mean annual dividend is dividendShare × expected return × capital (the old monthly rule paid about 2.3 times that)", () => {
    const s = sim({ policies: { collectiveAssets: lever } }, 60);
    const S = s.state.sites;
    const members = householdsOf(s.state, 0).length;
    const years = 20;
    const gap: number[] = [];
    let paidAll = 0, expectedAll = 0;
    for (let d = 0; d < 300; d++) {
      let expected = 0, paid = 0;
      const r = unkeyed(stream(d, 0, "collective-test"));
      runFund(s, 12 * years, r, (m, capital) => {
        paid += S.dividend[0]! * members;
        expected += (m === 0 ? 9500 * members : capital) * (0.06 / 12);
      });
      paid += S.dividend[0]! * members;
      // Declared over the years: paid, and the last year's still payable.
      paid += S.collectivePayable[0]!;
      gap.push(paid - 0.6 * expected);
      paidAll += paid;
      expectedAll += expected;
    }
    const se = sampleStandardDeviation(gap) / Math.sqrt(gap.length);
    expect(Math.abs(mean(gap))).toBeLessThan(3 * se);
    expect(paidAll / expectedAll).toBeGreaterThan(0.6 * 0.9);
    expect(paidAll / expectedAll).toBeLessThan(0.6 * 1.1);
  });

  it("conserves the fund: balance + dividends paid = investment + Σ returns, and capital + payable = balance (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: -0.3, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 }), (seed, ret, vol, share, months) => {
        const s = sim({ policies: { collectiveAssets: { ...lever, annualReturn: ret, returnVolatility: vol, dividendShare: share } } }, 30);
        const S = s.state.sites;
        const H = s.state.households;
        const hh = householdsOf(s.state, 0);
        const r = unkeyed(stream(seed, 0, "collective-test"));
        let paid = 0, returns = 0, invested = 0;
        const open = S.openStep[0]!;
        for (let m = 0; m < months; m++) {
          // Some months nobody holds a home: those instalments go back to capital.
          for (const h of hh) H.residence[h] = (seed + m) % 5 === 0 ? Residence.Returned : Residence.Resident;
          const before = S.collectiveBalance[0]!;
          const year = S.collectiveYearReturn[0]!;
          collectiveAssets(s.params, contextAt(s, open + m), s.state, 0, r);
          const holders = (seed + m) % 5 === 0 ? 0 : hh.length;
          paid += S.dividend[0]! * holders;
          if (m === 0) invested = 9500 * hh.length;
          returns += m % 12 === 11 ? S.collectiveIncome[0]! - year : S.collectiveYearReturn[0]! - year;
          const change = S.collectiveBalance[0]! - before;
          if (Math.abs(change - (S.collectiveIn[0]! - S.collectiveOut[0]!)) > 1e-6 * (1 + Math.abs(before))) return false;
          if (S.collectivePayable[0]! < -1e-9 || S.collectiveLossCarried[0]! < -1e-9) return false;
        }
        return Math.abs(S.collectiveBalance[0]! + paid - (invested + returns)) < 1e-6 * (1 + invested);
      }),
      { numRuns: 60 },
    );
  });

  it("conserves the fund over a run: each month's balance change is inflows minus outflows", () => {
    const s = sim({ policies: { collectiveAssets: { ...lever, returnVolatility: 0.5 } } }, 500);
    const S = s.state.sites;
    let worst = 0, months = 0;
    while (s.stepsDone < 60) {
      const before = Float64Array.from(S.collectiveBalance);
      s.step();
      for (let k = 0; k < S.count; k++) {
        worst = Math.max(worst, Math.abs(S.collectiveBalance[k]! - before[k]! - (S.collectiveIn[k]! - S.collectiveOut[k]!)));
        if (S.collectiveIn[k]! > 0) months++;
      }
    }
    expect(worst).toBeLessThan(1e-6);
    expect(months).toBeGreaterThan(0);
  });
});
