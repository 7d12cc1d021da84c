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
    "The follow-up support in place during the 2016-2020 programme as published sources describe it: land contracting rights kept; sites built with roads, schools and clinics; employment assistance with poverty-alleviation workshops and public-welfare posts growing from 2018, strengthened by the 2019 follow-up guidance; uniform training campaigns, widened by the 2019-2021 skills upgrading campaign; short-term industrial subsidies; community governance and grid management growing from 2019; old houses demolished about a year after signing; the monitoring mechanism against return to poverty from 2020; and the 2020 fall in migrant labour demand with its recovery (the two values calibrated to NBS figures). Not in place: dual registration, maintenance funds, collective asset operation, a long transition period, housing adjustment, talent introduction. Which levers were on is sourced; every intensity is an assumption (see each $comment).",
  paperSections: ["3.2", "3.3", "4.1(2)", "4.1(3)", "4.3(1)", "4.3(2)", "4.3(3)"],
  params: {
    environment: {
      demandShock: "year == 2020 and month <= 3 ? 0.4 : 0",
      migrantFindRate: "year == 2020 and month >= 4 and month <= 9 ? 0.45 : 0.2",
    },
    residence: {
      baselineTransitionMonths: 12,
    },
    poverty: {
      detectionRate: "year >= 2020 ? 0.25 : 0.12",
    },
    policies: {
      landRights: { enabled: true },
      ecologicalLivability: { enabled: true, serviceQualityGain: 0.2 },
      employmentPromotion: { enabled: true, jobsPer100Households: "year < 2018 ? 2 : (year < 2020 ? 5 : 8)" },
      vocationalTraining: { mode: "uniform", annualCoverage: "year >= 2019 ? 0.3 : 0.2" },
      industrialSupport: { mode: "shortTerm" },
      entrepreneurshipSupport: { enabled: true, rentReduction: 0.5 },
      effectiveGovernance: { enabled: true, safetyGain: "year < 2019 ? 0.1 : 0.25" },
      gridManagement: { enabled: true, coverage: "year < 2019 ? 0.3 : 0.7" },
      ruralCivilization: { enabled: true, communityActivityGain: "year < 2019 ? 0.1 : 0.2" },
    },
  },
  notes: {
    "environment.demandShock":
      "COVID-19 fall in migrant labour demand, January-March 2020. NBS (press release on Q1 2020, 2020-04-17): rural labour working outside their township at end-March 2020 was 29.7% below a year earlier. Calibrated in this scenario: 0.4 for three months puts the model's migrant stock at end-March 2020 about 28% below its path without the shock.",
    "environment.migrantFindRate":
      "Catch-up hiring of migrants in April-September 2020: NBS 2020 Migrant Workers Monitoring Survey Report: outgoing migrant workers were only 2.7% fewer over 2020 than in 2019. Calibrated in this scenario: 0.45 a month (the default 0.2 otherwise) puts the model's migrant stock at end-2020 about 2-3% below its path without the shock.",
    "residence.baselineTransitionMonths":
      "13th Five-Year Plan for poverty-alleviation relocation (NDRC 2016): old houses are demolished and homesteads reclaimed after relocation ('demolish the old, reclaim the land'); about a year after signing is an assumption (local rules varied).",
    "poverty.detectionRate":
      "State Council Leading Group Office of Poverty Alleviation and Development, Guiding Opinions on a monitoring and assistance mechanism to prevent return to poverty (March 2020): households at risk are monitored and helped from 2020. Doubling the monthly detection probability is an assumption.",
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
      "Community governance and party organisations at the sites were built up, above all after the 2019 follow-up guidance. Safety gain 0.1 before 2019 and 0.25 from 2019 is an assumption.",
    "policies.gridManagement":
      "Grid management of resettlement communities spread with community building, above all from 2019. Coverage 0.3 before 2019 and 0.7 from 2019 is an assumption.",
    "policies.ruralCivilization":
      "Cultural activities at the sites (New Era Civilization Practice Centres, piloted from 2018). Activity gain 0.1 before 2019 and 0.2 from 2019 is an assumption.",
  },
});
