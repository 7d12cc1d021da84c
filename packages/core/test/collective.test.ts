import { describe, expect, it } from "vitest";
import { collectiveAssets } from "../src/model/collective.js";
import { Residence } from "../src/kernel/state.js";
import { always, contextAt, householdsOf, sim } from "./helpers.js";

const lever = { enabled: true, governmentPerHousehold: 6000, enterprisePerHousehold: 3000, residentPerHousehold: 500, annualReturn: 0.06, returnVolatility: 0.1, dividendShare: 0.6 };

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
    // A draw of 0 is a normal draw of 0: the month's return is the mean return. Nobody has signed
    // yet, so no dividend is paid and the whole return is retained.
    const ret = invest * (0.06 / 12);
    expect(S.collectiveIncome[0]).toBeCloseTo(ret, 6);
    expect(S.collectiveBalance[0]).toBeCloseTo(invest + ret, 6);
    expect(S.collectiveIn[0]).toBeCloseTo(invest + ret, 6);
    expect(S.collectiveOut[0]).toBe(0);
    expect(S.dividend[0]).toBe(0);
    hh.forEach((h, i) => expect(H.savings[h]).toBeCloseTo(savings[i]! - 500, 9));
  });

  it("pays dividendShare of a positive return to the households holding a home, retaining the rest", () => {
    const s = sim({ policies: { collectiveAssets: lever } });
    const S = s.state.sites;
    const H = s.state.households;
    const hh = householdsOf(s.state, 0);
    hh.forEach((h, i) => (H.residence[h] = i % 3 === 0 ? Residence.Returned : i % 3 === 1 ? Residence.Resident : Residence.Transitional));
    const holders = hh.filter((_, i) => i % 3 !== 0).length;
    S.collectiveBalance[0] = 1_000_000;
    collectiveAssets(s.params, contextAt(s, S.openStep[0]! + 3), s.state, 0, always);
    const ret = 1_000_000 * 0.005;
    expect(S.dividend[0]).toBeCloseTo((0.6 * ret) / holders, 9);
    expect(S.collectiveOut[0]).toBeCloseTo(0.6 * ret, 9);
    expect(S.collectiveBalance[0]).toBeCloseTo(1_000_000 + 0.4 * ret, 6);
  });

  it("books a negative return as a loss of assets, with no dividend", () => {
    const s = sim({ policies: { collectiveAssets: { ...lever, annualReturn: -0.24 } } });
    const S = s.state.sites;
    S.collectiveBalance[0] = 1_000_000;
    collectiveAssets(s.params, contextAt(s, S.openStep[0]! + 3), s.state, 0, always);
    expect(S.collectiveIncome[0]).toBeCloseTo(-20_000, 6);
    expect(S.collectiveBalance[0]).toBeCloseTo(980_000, 6);
    expect(S.collectiveOut[0]).toBeCloseTo(20_000, 6);
    expect(S.dividend[0]).toBe(0);
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
