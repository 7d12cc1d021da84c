import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Residence, type State } from "../kernel/state.js";
import type { Random } from "../kernel/random.js";

/**
 * Poverty monitoring and relapse. A household is poor when its per-capita net income over the
 * last 12 months is below the poverty line; a signed household that is not poor has exited,
 * and an exited household that falls below the line again has relapsed. Monitoring detects a
 * household whose income without assistance is below the line at a monthly probability,
 * faster with effective governance (4.1(3)) and inside a staffed grid (4.3(3)); a detected
 * household receives assistance that fills a share of its gap to the assistance target
 * (a little above the line, as minimum-living standards were) and gets priority
 * in local job matching, until its own income is above the line again.
 */
export function poverty(p: Params, c: StepContext, st: State, s: number, r: Random): void {
  const H = st.households;
  const S = st.sites;
  const line = c.povertyLine;
  const gov = c.levers.effectiveGovernance.detectionFactor;
  const gridCoverage = c.levers.gridManagement.coverage;
  const gridFactor = c.levers.gridManagement.detectionFactor;
  const share = p.poverty.assistanceShare;
  const target = p.poverty.assistanceTarget * line;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    const size = Math.max(1, H.size[h]!);
    const pc = H.income12[h]! / size;
    const poor = pc < line - 1e-6 ? 1 : 0;
    H.poor[h] = poor;
    if (!poor && H.residence[h] !== Residence.Pending) H.everExited[h] = 1;
    const own = pc - (12 * H.assistance[h]!) / size;
    const u = r();
    if (own < line) {
      if (!H.detected[h]) {
        const covered = H.gridDraw[h]! < gridCoverage ? gridFactor : 1;
        if (u < Math.min(1, c.detection * gov * covered)) H.detected[h] = 1;
      }
      H.assistance[h] = H.detected[h] ? (share * Math.max(0, target - own) * size) / 12 : 0;
    } else {
      H.detected[h] = 0;
      H.assistance[h] = 0;
    }
  }
}
