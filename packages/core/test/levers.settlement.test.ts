/**
 * The levers that act on settlement, housing and community (docs/ODD.md 7.13–7.27):
 * each must move the outcome its mechanism targets, in the expected direction, beyond
 * replication noise. Every setting runs with the same six seeds as the baseline (common random
 * numbers), and the mean paired difference must exceed NOISE_SE standard errors.
 */
import { describe, expect, it } from "vitest";
import { NOISE_SE, leverBench, show, type PairedEffect } from "./helpers.js";

const bench = leverBench({ seeds: [1, 2, 3, 4, 5, 6], households: 2000, months: 60 });

function expectRise(e: PairedEffect): void {
  expect(e.mean, show(e)).toBeGreaterThan(NOISE_SE * e.se);
}
function expectFall(e: PairedEffect): void {
  expect(-e.mean, show(e)).toBeGreaterThan(NOISE_SE * e.se);
}

describe("policy levers on settlement and community (2,000 households, 2016-2020, six paired seeds)", () => {
  it("ecologicalLivability { enabled: true } raises integration_social", () => {
    expectRise(bench.effect({ ecologicalLivability: { enabled: true } }, "integration_social"));
  });

  it("ruralCivilization { enabled: true } raises integration_social and integration_psychological", () => {
    expectRise(bench.effect({ ruralCivilization: { enabled: true } }, "integration_social"));
    expectRise(bench.effect({ ruralCivilization: { enabled: true } }, "integration_psychological"));
  });

  it("effectiveGovernance { enabled: true } raises integration_psychological and lowers poverty_rate", () => {
    expectRise(bench.effect({ effectiveGovernance: { enabled: true } }, "integration_psychological"));
    expectFall(bench.effect({ effectiveGovernance: { enabled: true } }, "poverty_rate"));
  });

  it("gridManagement { enabled: true } lowers poverty_rate and raises integration_psychological", () => {
    expectFall(bench.effect({ gridManagement: { enabled: true } }, "poverty_rate"));
    expectRise(bench.effect({ gridManagement: { enabled: true } }, "integration_psychological"));
  });

  it("transitionPeriod { enabled: true } lowers give_up_rate", () => {
    expectFall(bench.effect({ transitionPeriod: { enabled: true } }, "give_up_rate"));
  });

  it("maintenanceFund { enabled: true } raises housing_condition", () => {
    expectRise(bench.effect({ maintenanceFund: { enabled: true } }, "housing_condition"));
  });

  it("dualRegistration { enabled: true } lowers return_rate (while origin houses stand: transitionPeriod on) and raises transfer_income_share", () => {
    // Returns need a house at origin (docs/ODD.md 7.10): after demolition few households can
    // rebuild, so the lever's weaker land pull shows in returns while the houses stand.
    const off = { transitionPeriod: { enabled: true } };
    expectFall(bench.effect({ transitionPeriod: { enabled: true }, dualRegistration: { enabled: true } }, "return_rate", { off }));
    expectRise(bench.effect({ dualRegistration: { enabled: true } }, "transfer_income_share"));
  });

  it("housingAdjustment { enabled: true } lowers crowded_share and give_up_rate", () => {
    expectFall(bench.effect({ housingAdjustment: { enabled: true } }, "crowded_share"));
    expectFall(bench.effect({ housingAdjustment: { enabled: true } }, "give_up_rate"));
  });
});
