import { describe, expect, it } from "vitest";
import { poverty } from "../src/model/poverty.js";
import { Residence } from "../src/kernel/state.js";
import type { Random } from "../src/kernel/random.js";
import type { Simulation } from "../src/index.js";
import { always, contextAt, householdsOf, never, sim } from "./helpers.js";

const month = (s: Simulation) => contextAt(s, s.state.sites.openStep[0]! + 6);

/** Household h of site 0 made poor: no income over the last 12 months, not yet detected. */
function poorHousehold(s: Simulation): number {
  const H = s.state.households;
  for (const h of householdsOf(s.state, 0)) H.income12[h] = 1e6;
  const h = householdsOf(s.state, 0)[2]!;
  H.income12[h] = 0;
  H.assistance[h] = 0;
  H.detected[h] = 0;
  H.residence[h] = Residence.Resident;
  return h;
}

describe("poverty(p, c, st, s, r)", () => {
  it("detects a poor household and sets assistance to fill the gap to the assistance target", () => {
    const s = sim({ poverty: { assistanceTarget: 1.1, assistanceShare: 1 } });
    const H = s.state.households;
    const h = poorHousehold(s);
    const c = month(s);
    poverty(s.params, c, s.state, 0, always);
    expect(H.poor[h]).toBe(1);
    expect(H.detected[h]).toBe(1);
    expect(H.assistance[h]).toBeCloseTo((1.1 * c.povertyLine * H.size[h]!) / 12, 2);
  });

  it("gives no assistance to a poor household that monitoring has not detected", () => {
    const s = sim();
    const h = poorHousehold(s);
    poverty(s.params, month(s), s.state, 0, never);
    expect([s.state.households.detected[h], s.state.households.assistance[h]]).toEqual([0, 0]);
  });

  it("fills only assistanceShare of the gap, and counts assistance already paid as income it replaces", () => {
    const s = sim({ poverty: { assistanceTarget: 1, assistanceShare: 0.5 } });
    const H = s.state.households;
    const h = poorHousehold(s);
    const c = month(s);
    const size = H.size[h]!;
    // Own income a quarter of the line, plus last year's assistance on top of it.
    H.assistance[h] = 100;
    H.income12[h] = 0.25 * c.povertyLine * size + 1200;
    H.detected[h] = 1;
    poverty(s.params, c, s.state, 0, never);
    expect(H.assistance[h]).toBeCloseTo((0.5 * 0.75 * c.povertyLine * size) / 12, 2);
  });

  it("ends assistance once the household's own income is above the line, marking it as having exited", () => {
    const s = sim();
    const H = s.state.households;
    const h = poorHousehold(s);
    H.detected[h] = 1;
    H.assistance[h] = 300;
    H.income12[h] = 1e6;
    poverty(s.params, month(s), s.state, 0, always);
    expect([H.poor[h], H.detected[h], H.assistance[h], H.everExited[h]]).toEqual([0, 0, 0, 1]);
  });

  it("speeds up detection with effectiveGovernance (detectionSpeedup) and inside a staffed grid (gridManagement)", () => {
    // A draw above the base detection probability (0.12) and below the sped-up ones.
    const draw: Random = () => 0.15;
    const detected = (policies: Record<string, unknown>, inGrid = true) => {
      const s = sim({ poverty: { detectionRate: 0.12 }, policies });
      const h = poorHousehold(s);
      s.state.households.gridDraw[h] = inGrid ? 0.1 : 0.95;
      poverty(s.params, month(s), s.state, 0, draw);
      return s.state.households.detected[h];
    };
    expect(detected({})).toBe(0);
    expect(detected({ effectiveGovernance: { enabled: true, detectionSpeedup: 0.5 } })).toBe(1);
    expect(detected({ gridManagement: { enabled: true, coverage: 0.9, detectionSpeedup: 2 } })).toBe(1);
    expect(detected({ gridManagement: { enabled: true, coverage: 0.9, detectionSpeedup: 2 } }, false)).toBe(0);
  });
});
