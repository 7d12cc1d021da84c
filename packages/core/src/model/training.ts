import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { Emp, Residence, type State } from "../kernel/state.js";
import type { KeyedRandom } from "../kernel/random.js";
import { trainingSpillover } from "../policies/talentIntroduction.js";

/**
 * Vocational training (paper 4.1(2), 4.3(2); the courses are the lever's, see
 * policies/vocationalTraining.ts) for members of households living at an open site.
 * Unemployed workers, and low-skilled farmers, enter a course at the lever's coverage rate;
 * a course lasts `courseMonths` (trainees search at half intensity meanwhile). Graduates gain
 * skill: a "uniform" course gives the larger general gain, a "needs-based" one a smaller gain
 * plus a match to the site's own industries (a higher weight in local matching); an unemployed
 * needs-based graduate is placed, at the lever's placement share, in a post a local employer
 * opens for them (a new market job that then turns over like any other). Without placement a
 * needs-based course could only reorder the queue for a site's vacancies, which are nearly
 * always filled, so it would not add local work. Introduced talent (4.1(1)) raises the gain
 * through spill-over. A person's draw is their own (keyed by P.key): one a month at most, to
 * enter a course or, on graduating, to be placed.
 */
export function training(p: Params, c: StepContext, st: State, s: number, draws: KeyedRandom): void {
  const vt = c.levers.vocationalTraining;
  if (!vt.offered || c.step < st.sites.openStep[s]!) return;
  const P = st.persons;
  const H = st.households;
  const S = st.sites;
  const needs = vt.needsBased;
  const gain = vt.skillGain * trainingSpillover(p, S.talentFirms[s]!);
  const placement = vt.placement;
  const courseMonths = vt.courseMonths;
  const entry = vt.entryHazard;
  // The labour market's clock before this month's labour market (kernel/state.ts tenureOf).
  const months = c.step;
  for (let h = S.hhStart[s]!; h < S.hhEnd[s]!; h++) {
    if (H.residence[h] !== Residence.Resident) continue;
    for (let q = H.first[h]!; q >= 0; q = P.next[q]!) {
      const e = P.emp[q]!;
      if (P.training[q]! > 0) {
        if (e === Emp.NotInLabourForce) { P.training[q] = 0; continue; }
        P.training[q]!--;
        if (P.training[q] === 0) {
          P.skill[q] = Math.min(1, P.skill[q]! + gain);
          if (needs) {
            P.matched[q] = 1;
            // One draw per graduate, only under needs-based courses (uniform ones never place).
            if (e === Emp.Unemployed && draws.draw(P.key[q]!) < placement) {
              P.emp[q] = Emp.Local;
              P.tenureFrom[q] = months;
              S.marketJobs[s]! += 1;
            }
          }
        }
      } else if ((e === Emp.Unemployed || (e === Emp.Farming && P.skill[q]! < 0.3)) && draws.draw(P.key[q]!) < entry) {
        P.training[q] = courseMonths;
        if (e === Emp.Farming) { P.emp[q] = Emp.Unemployed; P.tenureFrom[q] = months; }
      }
    }
  }
}
