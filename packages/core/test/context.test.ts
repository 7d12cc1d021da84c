import { describe, expect, it } from "vitest";
import { skillFactor, stepContext } from "../src/model/context.js";
import { nationalMigrantWage } from "../src/model/environment.js";
import { resolveParams, timeScope, parseMonth } from "../src/params/resolve.js";
import { monthly } from "../src/kernel/random.js";

const params = (input: Record<string, unknown> = {}) => resolveParams(input).params;
const at = (p: ReturnType<typeof params>, ym: string) => stepContext(p, timeScope(parseMonth("2016-01"), parseMonth(ym) - parseMonth("2016-01")));

describe("stepContext(p, scope)", () => {
  it("indexes prices to January 2016 and derives local wages from the NBS migrant wage: outgoing work pays more than local work", () => {
    const c = at(params(), "2018-01");
    expect(c.step).toBe(24);
    expect([c.year, c.month]).toEqual([2018, 1]);
    expect(c.priceIndex).toBeCloseTo(1.02 ** 2, 12);
    // The NBS mean of all migrant workers is 40% local at 0.768 of the outgoing wage.
    const outgoing = nationalMigrantWage(2018, 1, 0.04) / (1 - 0.4 * (1 - 0.768));
    const factor = params().environment.migrantWageFactor;
    expect(c.migrantWage).toBeCloseTo(factor * outgoing, 9);
    expect(c.ruralWage).toBeCloseTo(factor * outgoing * 0.768, 9);
    expect(c.urbanWage).toBeCloseTo(factor * outgoing * 0.768 * 1.15, 9);
    for (const ym of ["2016-01", "2019-07", "2025-12"]) {
      const x = at(params(), ym);
      expect(x.migrantWage).toBeGreaterThan(x.urbanWage);
      expect(x.urbanWage).toBeGreaterThan(x.ruralWage);
    }
  });

  it("judges December's 12-month income by the published line of that year (3,218 in 2019, 4,000 in 2020), averaging the months' standards in between and following prices after 2020", () => {
    const p = params();
    expect(at(p, "2019-12").povertyLine).toBeCloseTo(3218, 9);
    expect(at(p, "2020-12").povertyLine).toBeCloseTo(4000, 9);
    expect(at(p, "2021-12").povertyLine).toBeCloseTo(4000 * 1.02, 9);
    expect(at(p, "2020-06").povertyLine).toBeCloseTo((6 * 3218 + 6 * 4000) / 12, 9);
    // 2016-2018 between the 2010 base (2,300) and 2019, geometrically.
    expect(at(p, "2016-12").povertyLine).toBeCloseTo(2300 * (3218 / 2300) ** (6 / 9), 9);
  });

  it("turns annual rates into monthly hazards, lowering separations with employmentPromotion", () => {
    const base = at(params(), "2017-06");
    expect(base.separation).toBeCloseTo(monthly(0.2), 12);
    expect(base.businessFailEarly).toBeCloseTo(monthly(0.3), 12);
    expect(base.levers.vocationalTraining.entryHazard).toBeCloseTo(monthly(0.2), 12);
    expect(1 - (1 - base.separation) ** 12).toBeCloseTo(0.2, 9);
    const promo = at(params({ policies: { employmentPromotion: { enabled: true, separationReduction: 0.3 } } }), "2017-06");
    expect(promo.separation).toBeCloseTo(monthly(0.2) * 0.7, 12);
    expect(at(params({ policies: { vocationalTraining: { mode: "none" } } }), "2017-06").levers.vocationalTraining.entryHazard).toBe(0);
  });

  it("puts each lever's effects under levers: switched off, a lever multiplies by 1 and adds 0", () => {
    const off = at(params(), "2018-01").levers;
    expect(off).toMatchObject({
      entrepreneurshipSupport: { startupFactor: 1, rentShareSupported: 1 },
      ecologicalLivability: { carerPenaltyShare: 1, relievesCarers: false },
      ruralCivilization: { activityGain: 0 },
      effectiveGovernance: { responseFactor: 1, detectionFactor: 1 },
      transitionPeriod: { originHouseMonths: 3, compensates: false },
      maintenanceFund: { funded: false },
      dualRegistration: { dual: false, securesLand: false, landPullFactor: 1 },
      collectiveAssets: { operating: false },
      landRights: { securesLand: false, originDistributionPerPersonMonth: 0 },
      employmentPromotion: { separationFactor: 1, matchingFactor: 1 },
      gridManagement: { responseFactor: 1, coverage: 0 },
      housingAdjustment: { adjusts: false },
    });
    const on = at(params({ policies: { gridManagement: { enabled: true, coverage: 0.8, responseTimeCut: 0.5, detectionSpeedup: 2 }, transitionPeriod: { enabled: true, months: 24 } } }), "2018-01").levers;
    expect(on.gridManagement).toEqual({ responseFactor: 1 - 0.5 * 0.8, coverage: 0.8, detectionFactor: 3 });
    expect(on.transitionPeriod.originHouseMonths).toBe(24);
  });

  it("scales the national migrant wage by migrantWageFactor and raises migrant returns in a demand shock", () => {
    const c = at(params({ environment: { migrantWageFactor: 0.5, demandShock: 0.4, migrantReturnRate: 0.12 } }), "2019-07");
    expect(c.migrantWage).toBeCloseTo((0.5 * nationalMigrantWage(2019, 7, 0.04)) / (1 - 0.4 * (1 - 0.768)), 9);
    expect(c.migrantReturn).toBeCloseTo(monthly(0.12) + 0.4 * 0.25, 12);
  });
});

describe("nationalMigrantWage(year, month, growthAfter)", () => {
  it("takes each published annual figure as the mid-year value and interpolates between them", () => {
    // NBS Migrant Workers Monitoring Survey: 3,275 (2016), 3,485, 3,721, 3,962, 4,072, 4,432, 4,615 (2022).
    const published = { 2017: 3485, 2018: 3721, 2019: 3962, 2020: 4072, 2021: 4432 };
    for (const [year, value] of Object.entries(published)) {
      const months = Array.from({ length: 12 }, (_, m) => nationalMigrantWage(Number(year), m + 1, 0));
      expect(Math.abs(months.reduce((a, b) => a + b, 0) / 12 / value - 1), year).toBeLessThan(0.01);
    }
    // Mid-year is between June and July.
    expect(nationalMigrantWage(2019, 6.5, 0)).toBeCloseTo(3962, 6);
    const jan = nationalMigrantWage(2017, 1, 0);
    expect(jan).toBeGreaterThan(3275);
    expect(jan).toBeLessThan(3485);
  });

  it("holds the first figure before 2016 and grows at growthAfter beyond 2022", () => {
    expect(nationalMigrantWage(2015, 1, 0.04)).toBe(3275);
    expect(nationalMigrantWage(2024, 6.5, 0.04)).toBeCloseTo(4615 * 1.04 ** 2, 6);
  });
});

describe("skillFactor(skill)", () => {
  it("runs from 0.7 of the wage level at skill 0 to 1.3 at skill 1", () => {
    expect([skillFactor(0), skillFactor(0.5), skillFactor(1)].map((x) => Number(x.toFixed(12)))).toEqual([0.7, 1, 1.3]);
  });
});
