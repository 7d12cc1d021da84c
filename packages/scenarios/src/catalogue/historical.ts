import { defineScenario } from "./namedScenario.js";

/**
 * The follow-up support actually in place 2016-2020, as far as published sources describe
 * it. Which levers were on comes from the sources cited in `notes`; how strong each was is
 * not published at this level of detail, so every size is an assumption (stated as such).
 * Intensities that grew over time are written as expressions of the year.
 */
export const historical = defineScenario({
  name: "historical",
  kind: "historical",
  title: "Historical: follow-up support as implemented 2016-2020",
  description:
    "The follow-up support in place during the 2016-2020 programme as published sources describe it: land contracting rights kept; sites built with roads, schools and clinics; employment assistance with poverty-alleviation workshops and public-welfare posts growing from 2018, strengthened by the 2019 follow-up guidance; uniform training campaigns, widened by the 2019-2021 skills upgrading campaign; short-term industrial subsidies; community governance and grid management growing from 2019; old houses demolished about a year after signing; the monitoring mechanism against return to poverty from 2020; and (as in every scenario, from the model's default environment) the 2020 fall in migrant labour demand with its recovery. Not in place: dual registration, maintenance funds, collective asset operation, a long transition period, housing adjustment, talent introduction. Which levers were on is sourced; every intensity is an assumption (see each $comment).",
  paperSections: ["3.2", "3.3", "4.1(2)", "4.1(3)", "4.3(1)", "4.3(2)", "4.3(3)"],
  params: {
    residence: {
      baselineTransitionMonths: 12,
    },
    poverty: {
      detectionRate: "year >= 2020 ? 0.2 : (year >= 2018 ? 0.05 : 0.04)",
    },
    policies: {
      landRights: { enabled: true },
      ecologicalLivability: { enabled: true, serviceQualityGain: 0.2 },
      employmentPromotion: { enabled: true, jobsPer100Households: "year < 2018 ? 2 : (year < 2020 ? 5 : 8)" },
      vocationalTraining: { mode: "uniform", annualCoverage: "year >= 2019 ? 0.3 : 0.2" },
      industrialSupport: { mode: "shortTerm" },
      entrepreneurshipSupport: { enabled: true, rentReduction: 0.5 },
      effectiveGovernance: { enabled: true, responseTimeCut: "year < 2019 ? 0.33 : 0.67" },
      gridManagement: { enabled: true, coverage: "year < 2019 ? 0.3 : 0.7" },
      ruralCivilization: { enabled: true, communityActivityGain: "year < 2019 ? 0.1 : 0.2" },
    },
  },
  notes: {
    "residence.baselineTransitionMonths":
      "13th Five-Year Plan for poverty-alleviation relocation (NDRC 2016): old houses are demolished and homesteads reclaimed after relocation ('demolish the old, reclaim the land'); about a year after signing is an assumption (local rules varied).",
    "poverty.detectionRate":
      "Monitoring intensified over the campaign: annual reviews of registered households from 2016, the 2018-2020 push to secure 'two assurances and three guarantees', and the monitoring and assistance mechanism against return to poverty from March 2020 (State Council Leading Group Office of Poverty Alleviation and Development, Guiding Opinions, 2020). The monthly detection probabilities are assumptions: 0.04 (the model's default) and 0.2 from 2020; 0.05 in 2018-2019 is calibrated by hand with the historical scenario to the poverty rate at end-2019 (9.2 of the 9.6 M relocated out of poverty: 4.2% still poor, NDRC 2020-12-03; 0.1 left about 3%).",
    "policies.landRights":
      "Relocated households kept their land contracting rights and collective distributions: the relocation policy as paper 4.3(1) describes it and as NDRC's 2019 follow-up support guidance restates it. Rent and distribution sizes are the lever's default assumptions.",
    "policies.ecologicalLivability":
      "13th Five-Year Plan for poverty-alleviation relocation (NDRC 2016): sites were built with supporting infrastructure and public services (roads, water, power; schools and clinics). The quality gain 0.2 (below the lever's 0.3 that paper 4.1(3) asks for) is an assumption.",
    "policies.employmentPromotion":
      "Employment assistance with poverty-alleviation workshops and public-welfare posts at the sites (NDRC, State Council Information Office press conference 2020-12-03), stepped up by NDRC and other departments' 2019 Guiding Opinions on further strengthening follow-up support. Assisted posts per 100 households (2 before 2018, 5 in 2018-2019, 8 from 2020) are an assumption.",
    "policies.vocationalTraining":
      "Training campaigns for relocated labour were general courses (paper 4.1(2) warns against their one-size-fits-all form); the State Council's Vocational Skills Upgrading Action Plan 2019-2021 widened them. Coverage 0.2 a year, 0.3 from 2019, is an assumption.",
    "policies.industrialSupport":
      "Paper 3.2: special funds were put into short-term industrial support that lacks long-term consideration. The lever's default sizes.",
    "policies.entrepreneurshipSupport":
      "Start-up support for relocated people (guaranteed start-up loans, reduced rent in site workshops) existed but was partial: half the rent waived is an assumption.",
    "policies.effectiveGovernance":
      "Community governance and party organisations at the sites were built up, above all after the 2019 follow-up guidance. A cut of the response time of site management by a third before 2019 and two thirds from 2019 (safety 0.6 and 0.75, as before the response-time model) is an assumption.",
    "policies.gridManagement":
      "Grid management of resettlement communities spread with community building, above all from 2019. Coverage 0.3 before 2019 and 0.7 from 2019 is an assumption.",
    "policies.ruralCivilization":
      "Cultural activities at the sites (New Era Civilization Practice Centres, piloted from 2018). Activity gain 0.1 before 2019 and 0.2 from 2019 is an assumption.",
  },
});
