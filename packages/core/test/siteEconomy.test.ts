import { describe, expect, it } from "vitest";
import { localJobs, siteEconomy } from "../src/model/siteEconomy.js";
import { stream, unkeyed } from "../src/kernel/random.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, sim } from "./helpers.js";

/** An urban site of s that opens after step 0, and its household count. */
function urbanSite(s: Simulation): { site: number; open: number; n: number } {
  const S = s.state.sites;
  for (let k = 0; k < S.count; k++) if (S.urban[k] && S.openStep[k]! > 0) return { site: k, open: S.openStep[k]!, n: S.hhEnd[k]! - S.hhStart[k]! };
  throw new Error("no urban site opening after step 0");
}

/** Run siteEconomy for site k at months m = 0..last after its opening (with draws r), returning the site table. */
function throughMonth(s: Simulation, k: number, last: number, r = always) {
  const open = s.state.sites.openStep[k]!;
  for (let m = 0; m <= last; m++) siteEconomy(s.params, contextAt(s, open + m), s.state, k, r, r);
  return s.state.sites;
}

describe("siteEconomy(p, c, st, s, r)", () => {
  it("leaves a site alone before it opens", () => {
    const s = sim();
    const { site, open } = urbanSite(s);
    siteEconomy(s.params, contextAt(s, open - 1), s.state, site, always, always);
    const S = s.state.sites;
    expect([S.marketJobs[site], S.supportJobs[site], S.promotionJobs[site], S.serviceQuality[site], S.safety[site]]).toEqual([0, 0, 0, 0, 0]);
  });

  it("opens with half the base market jobs and moves them toward the base at the turnover rate", () => {
    const s = sim();
    const { site, n } = urbanSite(s);
    const base = (12 * n) / 100;
    const S = throughMonth(s, site, 0);
    // No shock: a draw of 0 gives a standard normal of 0.
    expect(S.marketJobs[site]).toBeCloseTo(0.5 * base + (0.12 / 12) * 0.5 * base, 9);
    S.marketJobs[site] = 0;
    siteEconomy(s.params, contextAt(s, S.openStep[site]! + 5), s.state, site, always, always);
    expect(S.marketJobs[site]).toBeCloseTo(0.01 * base, 9);
  });

  it("industrialSupport shortTerm: a burst of jobs during the subsidy that fades after it ends", () => {
    const s = sim({ policies: { industrialSupport: { mode: "shortTerm", jobsPer100Households: 25, subsidyMonths: 24, fadeMonths: 12 } } });
    const { site, n } = urbanSite(s);
    const full = (25 * n) / 100;
    const S = s.state.sites;
    expect(throughMonth(s, site, 0).supportJobs[site]).toBeCloseTo(full / 6, 9);
    expect(throughMonth(s, site, 10).supportJobs[site]).toBeCloseTo(full, 9);
    expect(throughMonth(s, site, 23).supportJobs[site]).toBeCloseTo(full, 9);
    expect(throughMonth(s, site, 36).supportJobs[site]).toBeCloseTo(full * Math.exp(-1), 9);
    expect(throughMonth(s, site, 84).supportJobs[site]).toBeLessThan(0.01 * full);
    expect(S.supportJobs[site]).toBeGreaterThanOrEqual(0);
  });

  it("industrialSupport longTerm: jobs that build up slowly and last", () => {
    const s = sim({ policies: { industrialSupport: { mode: "longTerm", jobsPer100Households: 25, rampMonths: 36 } } });
    const { site, n } = urbanSite(s);
    const full = (25 * n) / 100;
    expect(throughMonth(s, site, 0).supportJobs[site]).toBeCloseTo(full * (1 - Math.exp(-1 / 36)), 9);
    expect(throughMonth(s, site, 35).supportJobs[site]).toBeCloseTo(full * (1 - Math.exp(-1)), 9);
    expect(throughMonth(s, site, 119).supportJobs[site]).toBeGreaterThan(0.95 * full);
  });

  it("industrialSupport none: no support jobs", () => {
    const s = sim({ policies: { industrialSupport: { mode: "none" } } });
    const { site } = urbanSite(s);
    expect(throughMonth(s, site, 12).supportJobs[site]).toBe(0);
  });

  it("talentIntroduction: enterprises arrive and close, a whole number of them, only with the lever", () => {
    const on = sim({ policies: { talentIntroduction: { enabled: true, enterprisesPerYearPer1000Households: 20 } } }, 2000);
    const { site } = urbanSite(on);
    const r = unkeyed(stream(1, site, "economy"));
    const firms: number[] = [];
    const open = on.state.sites.openStep[site]!;
    for (let m = 0; m < 120; m++) {
      siteEconomy(on.params, contextAt(on, open + m), on.state, site, r, r);
      firms.push(on.state.sites.talentFirms[site]!);
    }
    expect(firms.every((f) => Number.isInteger(f) && f >= 0)).toBe(true);
    expect(Math.max(...firms)).toBeGreaterThan(0);
    const off = sim({}, 2000);
    expect(throughMonth(off, site, 24).talentFirms[site]).toBe(0);
  });

  it("employmentPromotion: assisted posts that build up over a year", () => {
    const s = sim({ policies: { employmentPromotion: { enabled: true, jobsPer100Households: 8 } } });
    const { site, n } = urbanSite(s);
    expect(throughMonth(s, site, 11).promotionJobs[site]).toBeCloseTo(((8 * n) / 100) * (1 - Math.exp(-1)), 9);
  });

  it("sets service quality, community activity and the response time of site management (and the safety that follows it) to their policy levels", () => {
    const base = sim();
    const { site } = urbanSite(base);
    const S0 = throughMonth(base, site, 0);
    expect(S0.serviceQuality[site]).toBeCloseTo(0.55, 6);
    expect(S0.activity[site]).toBeCloseTo(0.3, 6);
    expect(S0.safety[site]).toBeCloseTo(0.5, 6);
    const pol = sim({
      policies: {
        ecologicalLivability: { enabled: true, serviceQualityGain: 0.3, buildMonths: 24 },
        ruralCivilization: { enabled: true, communityActivityGain: 0.35 },
        effectiveGovernance: { enabled: true, responseTimeCut: 0.5 },
        gridManagement: { enabled: true, responseTimeCut: 0.4, coverage: 0.9 },
      },
    });
    const S1 = throughMonth(pol, site, 23);
    expect(S1.serviceQuality[site]).toBeCloseTo(0.55 + 0.3 * (1 - Math.exp(-1)), 6);
    expect(S1.activity[site]).toBeCloseTo(0.65, 6);
    // Response time 14 days, halved by governance and cut by 0.4·0.9 by the grid; safety = 14 / (14 + days).
    const days = 14 * 0.5 * (1 - 0.4 * 0.9);
    expect(S1.responseDays[site]).toBeCloseTo(days, 4);
    expect(S1.safety[site]).toBeCloseTo(14 / (14 + days), 6);
  });

  it("caps service quality and activity at 1; safety stays below 1 (a response time is never zero)", () => {
    const s = sim({
      integration: { urbanServiceQuality: 1, baseCommunityActivity: 1 },
      policies: { ecologicalLivability: { enabled: true }, ruralCivilization: { enabled: true }, effectiveGovernance: { enabled: true } },
    });
    const { site } = urbanSite(s);
    const S = throughMonth(s, site, 60);
    expect([S.serviceQuality[site], S.activity[site]]).toEqual([1, 1]);
    expect(S.safety[site]).toBeLessThan(1);
  });
});

describe("localJobs(p, st, s)", () => {
  it("adds market jobs, support jobs, talent enterprises' jobs and assisted posts", () => {
    const s = sim({ policies: { talentIntroduction: { jobsPerEnterprise: 12 } } });
    const S = s.state.sites;
    S.marketJobs[0] = 3.5;
    S.supportJobs[0] = 2;
    S.talentFirms[0] = 2;
    S.promotionJobs[0] = 1.25;
    expect(localJobs(s.params, s.state, 0)).toBeCloseTo(3.5 + 2 + 24 + 1.25, 12);
  });
});
