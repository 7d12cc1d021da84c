import type { Params } from "../params/types.js";
import { talentIntroduction } from "./talentIntroduction.js";
import { entrepreneurshipSupport, entrepreneurshipSupportEffects } from "./entrepreneurshipSupport.js";
import { vocationalTraining, vocationalTrainingEffects } from "./vocationalTraining.js";
import { ecologicalLivability, ecologicalLivabilityEffects } from "./ecologicalLivability.js";
import { ruralCivilization, ruralCivilizationEffects } from "./ruralCivilization.js";
import { effectiveGovernance, effectiveGovernanceEffects } from "./effectiveGovernance.js";
import { transitionPeriod, transitionPeriodEffects } from "./transitionPeriod.js";
import { maintenanceFund, maintenanceFundEffects } from "./maintenanceFund.js";
import { dualRegistration, dualRegistrationEffects } from "./dualRegistration.js";
import { collectiveAssets, collectiveAssetsEffects } from "./collectiveAssets.js";
import { landRights, landRightsEffects } from "./landRights.js";
import { employmentPromotion, employmentPromotionEffects } from "./employmentPromotion.js";
import { gridManagement, gridManagementEffects } from "./gridManagement.js";
import { industrialSupport } from "./industrialSupport.js";
import { housingAdjustment, housingAdjustmentEffects } from "./housingAdjustment.js";

/**
 * The paper's policy levers, one file each (policies/<lever>.ts): the file declares the lever's
 * parameters and what the lever does, and its doc comment says where it acts. This is the one
 * list of them: params/model.ts puts their parameters under `policies` (in this order), and
 * model/context.ts puts each step's effects under `c.levers`.
 */
export const leverSpecs = {
  talentIntroduction,
  entrepreneurshipSupport,
  vocationalTraining,
  ecologicalLivability,
  ruralCivilization,
  effectiveGovernance,
  transitionPeriod,
  maintenanceFund,
  dualRegistration,
  collectiveAssets,
  landRights,
  employmentPromotion,
  gridManagement,
  industrialSupport,
  housingAdjustment,
};

/**
 * What the levers do at one step, from this step's parameters: the constants the processes'
 * per-household loops read. Talent introduction and industrial support act only per site, by
 * the helpers their files export.
 */
export function leverEffects(p: Params) {
  return {
    entrepreneurshipSupport: entrepreneurshipSupportEffects(p),
    vocationalTraining: vocationalTrainingEffects(p),
    ecologicalLivability: ecologicalLivabilityEffects(p),
    ruralCivilization: ruralCivilizationEffects(p),
    effectiveGovernance: effectiveGovernanceEffects(p),
    transitionPeriod: transitionPeriodEffects(p),
    maintenanceFund: maintenanceFundEffects(p),
    dualRegistration: dualRegistrationEffects(p),
    collectiveAssets: collectiveAssetsEffects(p),
    landRights: landRightsEffects(p),
    employmentPromotion: employmentPromotionEffects(p),
    gridManagement: gridManagementEffects(p),
    housingAdjustment: housingAdjustmentEffects(p),
  };
}
export type LeverEffects = ReturnType<typeof leverEffects>;
