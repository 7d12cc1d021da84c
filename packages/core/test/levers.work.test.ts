/**
 * The levers that act on work and income (docs/ODD.md 7.13–7.27): each must move the
 * outcome its mechanism targets, in the expected direction, beyond replication noise. Every
 * setting runs with the same six seeds as the baseline (common random numbers), and the mean
 * paired difference must exceed NOISE_SE standard errors of the paired differences.
 */
import { describe, expect, it } from "vitest";
import { NOISE_SE, leverBench, show, type PairedEffect } from "./helpers.js";

const bench = leverBench({ seeds: [1, 2, 3, 4, 5, 6], households: 2000, months: 60 });

function expectRise(e: PairedEffect): void {
  expect(e.mean, show(e)).toBeGreaterThan(NOISE_SE * e.se);
}

describe("policy levers on work and income (2,000 households, 2016-2020, six paired seeds)", () => {
  it("talentIntroduction { enabled: true } raises local_jobs_per_100_households", () => {
    expectRise(bench.effect({ talentIntroduction: { enabled: true } }, "local_jobs_per_100_households"));
  });

  it("entrepreneurshipSupport { enabled: true } raises self_employed_share and business_income_share", () => {
    expectRise(bench.effect({ entrepreneurshipSupport: { enabled: true } }, "self_employed_share"));
    expectRise(bench.effect({ entrepreneurshipSupport: { enabled: true } }, "business_income_share"));
  });

  it("vocationalTraining { mode: needsBased } raises local_job_share against uniform courses", () => {
    const off = { vocationalTraining: { mode: "uniform" } };
    expectRise(bench.effect({ vocationalTraining: { mode: "needsBased" } }, "local_job_share", { off }));
  });

  // With wages consistent with the NBS series, outgoing migrant work pays more than local work,
  // so most searchers who take an assisted post would otherwise have found migrant work: the
  // posts shift work from migrant to local (about 4 points each way at 2,000 households) and
  // add only about 0.4 points of employment, within 3 SE of zero over six seeds (issue 10,
  // defect 9; under the former local wage, above the migrant wage at urban sites, it was 0.9).
  it("employmentPromotion { enabled: true } raises local_job_share, mostly in place of migrant work (migrant_job_share falls), and does not lower employment_rate", () => {
    const on = { employmentPromotion: { enabled: true } };
    expectRise(bench.effect(on, "local_job_share"));
    const migrant = bench.effect(on, "migrant_job_share");
    expect(-migrant.mean, show(migrant)).toBeGreaterThan(NOISE_SE * migrant.se);
    const employment = bench.effect(on, "employment_rate");
    expect(employment.mean, show(employment)).toBeGreaterThan(0);
  });

  it("landRights { enabled: true } raises agriculture_income_share", () => {
    expectRise(bench.effect({ landRights: { enabled: true } }, "agriculture_income_share"));
  });

  it("collectiveAssets { enabled: true } raises dividend_income_share and collective_income_per_household (mean of the last year)", () => {
    expectRise(bench.effect({ collectiveAssets: { enabled: true } }, "dividend_income_share"));
    // Monthly collective income is risky by design: average the last twelve months.
    expectRise(bench.effect({ collectiveAssets: { enabled: true } }, "collective_income_per_household", { months: 12 }));
  });
});

describe("industrialSupport (1,000 households, 2016-2023, six paired seeds)", () => {
  // Short-term subsidies end 24 months after a site opens and their jobs fade; by 2023 every
  // site's subsidy is over, so the comparison at the horizon shows what lasts.
  const long = leverBench({ seeds: [1, 2, 3, 4, 5, 6], households: 1000, months: 96 });

  it("industrialSupport { mode: longTerm } leaves more local_jobs_per_100_households at the horizon than shortTerm", () => {
    expectRise(long.effect({ industrialSupport: { mode: "longTerm" } }, "local_jobs_per_100_households", { off: { industrialSupport: { mode: "shortTerm" } } }));
  });
});
