import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { COST_ITEMS, Emp, Land, Registration, Residence, tenureOf, type State } from "../kernel/state.js";
import { COST_LEVERS } from "./metricTable.js";
import { talentIntroductionCost } from "../policies/talentIntroduction.js";
import { entrepreneurshipSupportCost } from "../policies/entrepreneurshipSupport.js";
import { vocationalTrainingCost } from "../policies/vocationalTraining.js";
import { ecologicalLivabilityCost } from "../policies/ecologicalLivability.js";
import { ruralCivilizationCost } from "../policies/ruralCivilization.js";
import { effectiveGovernanceCost } from "../policies/effectiveGovernance.js";
import { transitionPeriodCost } from "../policies/transitionPeriod.js";
import { maintenanceFundCost } from "../policies/maintenanceFund.js";
import { dualRegistrationCost } from "../policies/dualRegistration.js";
import { collectiveAssetsCost } from "../policies/collectiveAssets.js";
import { landRightsCost } from "../policies/landRights.js";
import { employmentPromotionCost } from "../policies/employmentPromotion.js";
import { gridManagementCost } from "../policies/gridManagement.js";
import { industrialSupportCost } from "../policies/industrialSupport.js";
import { housingAdjustmentCost } from "../policies/housingAdjustment.js";

if (COST_LEVERS.length !== COST_ITEMS) throw new Error(`COST_LEVERS has ${COST_LEVERS.length} levers, the state ${COST_ITEMS} cost columns`);
const K = Object.fromEntries(COST_LEVERS.map((l, i) => [l, i])) as { readonly [L in (typeof COST_LEVERS)[number]]: number };

/**
 * Public cost of the levers (issue 10, "Costs"): each month, after income, what each lever did
 * at the site this month is priced by its own file (policies/<lever>.ts, `<lever>Cost`) and
 * added to the site's cost since the start (`publicCost`, one column per lever), with the
 * site's household-months (`householdMonths`). The quantities come from the state the lever
 * changed, so cost follows what the lever did: trainees in a course, introduced enterprises,
 * assisted posts and supported jobs, facilities as built, households signing, covered, on both
 * registers, extra area held, government money paid into the funds. A lever that does nothing
 * at a site costs nothing there. No random draws.
 */
export function costs(p: Params, c: StepContext, st: State, s: number): void {
  const S = st.sites;
  const H = st.households;
  const P = st.persons;
  const lv = c.levers;
  const h0 = S.hhStart[s]!;
  const h1 = S.hhEnd[s]!;
  const n = h1 - h0;
  S.householdMonths[s]! += n;
  const m = c.step - S.openStep[s]!;
  if (m < 0) return;
  const price = c.priceIndex;
  const urban = S.urban[s] === 1;
  // What the levers did at the site, from the state, in one pass over its households.
  const es = lv.entrepreneurshipSupport;
  const supportsRent = es.rentShareSupported < 1;
  const rent = (urban ? p.labour.urbanRent : p.labour.ruralRent) * price;
  const areaPerPerson = p.population.areaPerPerson;
  const baselineMonths = p.residence.baselineTransitionMonths;
  const keptMonths = lv.transitionPeriod.originHouseMonths;
  let trainees = 0, fullRent = 0, kept = 0, covered = 0, extended = 0, dual = 0, landKept = 0, addedArea = 0;
  for (let h = h0; h < h1; h++) {
    trainees += H.nTraining[h]!;
    const res = H.residence[h]!;
    const holds = res === Residence.Transitional || res === Residence.Resident;
    if (res !== Residence.Pending && H.landStatus[h] === Land.Kept) landKept++;
    // An origin house standing beyond the baseline's few months (counted from when it began to stand).
    if (res !== Residence.Pending && c.step < H.originHouseUntil[h]! && c.step >= H.originHouseUntil[h]! - keptMonths + baselineMonths) kept++;
    if (!holds) continue;
    if (H.gridDraw[h]! < lv.gridManagement.coverage) covered++;
    if (H.registration[h] === Registration.Dual) {
      dual++;
      if (!urban) extended += H.size[h]!;
    }
    if (lv.housingAdjustment.adjusts) addedArea += Math.max(0, H.area[h]! - H.signedSize[h]! * areaPerPerson);
    if (supportsRent && res === Residence.Resident && H.nSelf[h]! > 0) {
      for (let q = H.first[h]!; q >= 0; q = P.next[q]!) if (P.emp[q] === Emp.SelfEmployed && tenureOf(P.tenureFrom[q]!, c.step + 1) <= es.supportMonths) fullRent += rent;
    }
  }
  const row = s * COST_ITEMS;
  const add = (k: number, yuan: number) => (S.publicCost[row + k]! += yuan);
  add(K.talentIntroduction, talentIntroductionCost(p, S.talentFirms[s]!, price));
  add(K.entrepreneurshipSupport, entrepreneurshipSupportCost(p, n, fullRent, price));
  add(K.vocationalTraining, vocationalTrainingCost(p, trainees, price));
  add(K.ecologicalLivability, ecologicalLivabilityCost(p, n, m, price));
  add(K.ruralCivilization, ruralCivilizationCost(p, n, m, price));
  add(K.effectiveGovernance, effectiveGovernanceCost(p, n, price));
  add(K.transitionPeriod, transitionPeriodCost(p, m === 0 ? n : 0, kept, price));
  add(K.maintenanceFund, maintenanceFundCost(p, S.totalArea[s]!));
  add(K.dualRegistration, dualRegistrationCost(p, extended, dual, price));
  add(K.collectiveAssets, collectiveAssetsCost(p, n, m));
  add(K.landRights, landRightsCost(p, landKept, price));
  add(K.employmentPromotion, employmentPromotionCost(p, n, S.promotionJobs[s]!, price));
  add(K.gridManagement, gridManagementCost(p, covered, price));
  add(K.industrialSupport, industrialSupportCost(p, n, m, price));
  add(K.housingAdjustment, housingAdjustmentCost(p, addedArea, price));
}
