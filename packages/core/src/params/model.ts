import { group, num, share, initialShare, str, within, ASSUMPTION, paper } from "./spec.js";
import { NDRC_2020, PLAN_2016, NBS_MIGRANT, NBS_POVERTY_LINE, NBS_WORKING_AGE } from "./sources.js";
import { leverSpecs } from "../policies/levers.js";
import { calibrated } from "./posteriorEstimate.js";

/**
 * The defaults fitted by ABC-SMC to the national figures of 2016-2021 (scenarios/calibration.json;
 * issue 11): each the point estimate of the committed posterior, with the reason its prior is
 * what it is. Every other default has its own source below.
 */
const C = {
  migrantWageFactor: calibrated("environment.migrantWageFactor", `relative to the ${NBS_MIGRANT} mean of all migrant workers (0.91 of it is the outgoing wage); relocated registered-poor workers earn less than the average migrant`),
  remittanceShare: calibrated("environment.remittanceShare", "no published figure; what of a migrant's wage reaches the household's net income"),
  migrantReturnRate: calibrated("environment.migrantReturnRate", "migrant spells of about four to fifteen years"),
  migrateIntercept: calibrated("labour.migrateIntercept", "no published figure; identified by employment and income together"),
  migrateWageGap: calibrated("labour.migrateWageGap", "no published figure"),
  farmingIncome: calibrated("labour.farmingIncome", "2016 prices; farming is about two fifths of 2016 income, near the 41% of net operating income in NBS's 2016 figures for poverty-stricken areas, from memory"),
  returnRate: calibrated("residence.returnRate", "no published figure; a log-uniform prior over a factor of 20"),
  returnLandPull: calibrated("residence.returnLandPull", "no published figure; a log-uniform prior over a decade"),
  returnHardship: calibrated("residence.returnHardship", "no published figure"),
  comeBackRate: calibrated("residence.comeBackRate", "no published figure; a log-uniform prior over a factor of 15"),
  assistanceShare: calibrated("poverty.assistanceShare", "1 would fill the whole gap once a household is detected"),
};

/**
 * Values that an earlier calibration fitted (packages/core/data/posterior/historical at commit
 * cc8fd8f, 2026-12-02: 200 particles, 7 free parameters) and the present one leaves fixed: the
 * Morris screening of the calibration window (scenarios/calibration-screening.json) ranks each
 * below the free parameters (its largest mu* over the target outcomes, as a share of that
 * outcome's largest, in brackets). Each keeps that posterior's mean and its plausible range,
 * which the sensitivity analysis explores.
 */
const EARLIER = (mean: number, interval: string, share: number, outcome: string) =>
  `${ASSUMPTION}: the posterior mean (90% interval ${interval}) of an earlier ABC-SMC calibration of the historical scenario (commit cc8fd8f, 2026-12-02), fixed since: the Morris screening of the calibration window ranks it below the free parameters (mu* ${share.toFixed(2)} of ${outcome}'s largest)`;

/**
 * The model's parameter tree. Every leaf states its default, range, unit and source.
 * Structural sizes (population, horizon) are fixed for a run; every other number may be given
 * in a scenario as a mathjs expression of time (`year`, `month`, `step`, `t`).
 */
export const modelSpec = group("relocsim model parameters", {
  horizon: group("Simulated period (one step is one month)", {
    start: str("2016-01", /^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM", PLAN_2016 + " (relocation from 2016)", "First simulated month"),
    months: num(120, { min: 1, max: 600, unit: "months", integer: true, timeVarying: false }, "assumption: ten years, to 2025-12: the relocation of 2016-2020 and the five-year transition period after it", "Number of monthly steps"),
  }),

  population: group("Synthetic population: households, persons and sites at signing", {
    peopleNational: num(9_600_000, { min: 1, max: 1e8, unit: "persons", timeVarying: false }, NDRC_2020, "People relocated 2016-2020"),
    householdsNational: num(2_660_000, { min: 1, max: 1e8, unit: "households", timeVarying: false }, NDRC_2020 + " (housing units)", "Households relocated (one housing unit each)"),
    sitesNational: num(35_000, { min: 1, max: 1e6, unit: "sites", timeVarying: false }, NDRC_2020, "Centralised resettlement sites"),
    urbanSitesNational: num(5_000, { min: 0, max: 1e6, unit: "sites", timeVarying: false }, NDRC_2020 + " (5,000+ urban)", "Sites in county towns and cities"),
    urbanPeopleShare: initialShare(5.0 / 9.6, NDRC_2020 + " (5.0 M of 9.6 M to towns and cities)", "Share of people resettled in towns and cities"),
    siteSizeSigma: num(0.8, { min: 0, max: 3, timeVarying: false, range: [0.4, 1.2] }, ASSUMPTION, "Log-normal dispersion of site sizes around the type mean"),
    cohortShare2016: within(initialShare(0.26, "NDRC, reported February 2017 (2.49 M of the 9.6 M relocated during 2016: 0.259; data/national-targets.json)", "Share of relocated households whose site's homes are handed over (households may move in) in 2016: whole sites in a seeded random order until the share is reached (model/population.ts siteCohorts)"), 0.24, 0.28, { why: "2.49/9.6 with people per household and site varying by cohort" }),
    cohortShare2017: within(initialShare(0.35, ASSUMPTION + " (about 3.4 M relocated in 2017, from memory of NDRC annual reports: 0.354; consistent with 9.3 M cumulative by 2019-12 in data/national-targets.json)", "... in 2017"), 0.3, 0.4),
    cohortShare2018: within(initialShare(0.29, ASSUMPTION + " (about 2.8 M relocated in 2018, from memory of NDRC annual reports: 0.29; 2019 takes the rest, about 0.9 M with the 0.3 M of 2020)", "... in 2018 (2019 takes the rest)"), 0.25, 0.31, { why: "about 0.29, and with the 2016 and 2017 shares at their highest (0.28 and 0.4) still leaving 2019 a share" }),
    workingAgeMin: num(16, { min: 10, max: 30, unit: "years", integer: true, timeVarying: false }, "NBS labour statistics (age 16+)", "Youngest working age"),
    workingAgeMax: num(59, { min: 40, max: 80, unit: "years", integer: true, timeVarying: false }, NBS_WORKING_AGE, "Oldest working age (the labour force is ages workingAgeMin to workingAgeMax)"),
    disabledShare: within(initialShare(0.08, ASSUMPTION + " (illness and disability are leading causes of registered poverty)", "Share of working-age persons unable to work"), 0.04, 0.14, { why: "about one registered-poor household in two to five with a member too ill or disabled to work" }),
    schoolingShare16to18: within(initialShare(0.6, ASSUMPTION, "Share of 16-18 year olds still in school (outside the labour force)"), 0.4, 0.85, { why: "below the national senior-secondary enrolment (about 0.87 in 2016, from memory) in poor areas" }),
    skillMean: within(share(0.3, ASSUMPTION, "Mean human capital (0-1) of working-age persons"), 0.2, 0.45, { why: "an index without a published scale; low for the registered poor (mostly primary or lower-secondary schooling), so below the middle" }),
    initialMigrantShare: within(initialShare(0.128, EARLIER(0.128, "0.048-0.21", 0.1, "households with an employed member"), "Share of the labour force in migrant work at signing"), 0.04, 0.22, { why: "about half to twice the hand-fitted value; with the farming and local shares at most the whole labour force" }),
    initialFarmingShare: within(initialShare(0.561, EARLIER(0.561, "0.458-0.68", 0.14, "households with an employed member"), "Share of the labour force farming at origin at signing"), 0.45, 0.7, { why: "farming was the main work of the registered poor in remote areas; with the migrant and local shares at most the whole labour force" }),
    initialLocalShare: within(initialShare(0.04, ASSUMPTION, "Share of the labour force in local wage work at signing"), 0.02, 0.08, { why: "few wage jobs near remote villages; the three initial shares at most the whole labour force" }),
    landMuMean: num(4, { min: 0, max: 50, unit: "mu per household", timeVarying: false, range: [2, 8] }, ASSUMPTION, "Mean contracted land at origin"),
    savingsMonths: num(1.5, { min: 0, max: 24, unit: "months of subsistence spending", timeVarying: false, range: [0.5, 6] }, ASSUMPTION + " (registered poor households held little cash)", "Initial savings"),
    areaPerPerson: num(25, { min: 5, max: 60, unit: "m2 per person", timeVarying: false }, PLAN_2016 + " (cap of 25 m2 a person)", "Housing area allocated per member at signing"),
    networkDegree: num(6, { min: 2, max: 30, unit: "neighbours", integer: true, timeVarying: false, range: [3, 12] }, ASSUMPTION, "Neighbours per household in the within-site network"),
    networkRewire: within(initialShare(0.1, ASSUMPTION, "Small-world rewiring probability of the neighbour network"), 0.02, 0.3, { log: true, why: "the small-world regime of Watts and Strogatz 1998 (short paths, clustering kept)" }),
  }),

  demography: group("Births, marriages, deaths and ageing (annual events, drawn in each person's birth month)", {
    mortalityA: num(0.00008, { min: 0, max: 0.1, unit: "per year", range: [0.00004, 0.00016], log: true }, ASSUMPTION + " (Gompertz fit to rural China life tables)", "Gompertz mortality at age 0: q(age) = a·exp(b·age)"),
    mortalityB: num(0.092, { min: 0, max: 0.3, range: [0.08, 0.1] }, ASSUMPTION, "Gompertz slope"),
    fertility: within(share(0.075, ASSUMPTION + " (total fertility about 1.5)", "Annual birth probability of a married woman aged 20-39", "per year"), 0.05, 0.1, { why: "total fertility about 1.0-2.0" }),
    marriage: within(share(0.09, ASSUMPTION, "Annual marriage probability of a single person aged 20-34", "per year"), 0.06, 0.12),
    splitBase: within(share(0.3, ASSUMPTION + " (sons who marry often set up their own home; paper 3.3 names family growth, not its remedy)", "Probability that a son who marries in a household of three or more leaves with his bride to form a household of their own (in an uncrowded home)"), 0.1, 0.6),
    splitCrowding: num(4, { min: 0, max: 50, range: [0, 8] }, ASSUMPTION, "Logit weight of the crowding the couple would cause on the split (crowded homes split more often)"),
  }),

  environment: group("Exogenous national environment", {
    migrantWageFactor: num(C.migrantWageFactor.value, { min: 0.1, max: 2, range: [0.45, 0.75] }, C.migrantWageFactor.source, "Relocated workers' wages relative to the national wages of rural migrant workers (outgoing and local alike)"),
    localToOutgoingWageRatio: num(0.768, { min: 0.1, max: 1.5, range: [0.7, 0.85] }, "NBS 2022 Migrant Workers Monitoring Survey Report (Xinhua, 2023-04-28): local 4,026 vs outgoing 5,240 yuan a month; published after 2021, so a fixed structural ratio applied to every year, never fitted", "Monthly wage of migrant workers working within their own township (local) relative to those working outside it (outgoing)"),
    localMigrantWorkerShare: num(0.4, { min: 0, max: 1, timeVarying: false, range: [0.38, 0.42] }, "NBS 2016 Migrant Workers Monitoring Survey Report: 112.37 M local of 281.71 M migrant workers", "Share of local workers in the NBS mean migrant wage (splits the mean into outgoing and local wages)"),
    migrantWageGrowthAfter2022: num(0.04, { min: -0.2, max: 0.3, unit: "per year", range: [0.02, 0.06] }, ASSUMPTION, "Nominal migrant wage growth beyond the published series"),
    remittanceShare: within(share(C.remittanceShare.value, C.remittanceShare.source, "Share of a migrant's wage that counts as household net income"), 0.5, 0.85),
    migrantFindRate: within(num(0.35, { min: 0, max: 1, unit: "per month", expression: "year == 2020 and month >= 4 and month <= 9 ? 0.5 : 0.35" }, ASSUMPTION + " (calibrated with the historical scenario to employment and income, 2016-2021); 0.5 in April-September 2020, the catch-up hiring after the shock, calibrated to NBS 2020 Migrant Workers Monitoring Survey Report (outgoing migrants 2.7% fewer over 2020 than 2019)", "Monthly probability that a searcher who wants migrant work finds it"), 0.2, 0.5, { why: "the rate outside the 2020 catch-up: two to five months of search; a number given by a scenario or a design replaces the whole expression, the catch-up included" }),
    migrantReturnRate: within(share(C.migrantReturnRate.value, C.migrantReturnRate.source, "Annual hazard that a migrant comes home", "per year"), 0.06, 0.25, { why: "migrant spells of about four to fifteen years" }),
    demandShock: num(0, { min: 0, max: 1, unit: "share", expression: "year == 2020 and month <= 3 ? 0.4 : 0" }, "NBS press release on Q1 2020 (2020-04-17): rural labour working outside their township at end-March 2020 was 29.7% below a year earlier; 0.4 in January-March 2020 reproduces that fall in the model", "Share of migrant demand lost (the COVID-19 shock of early 2020)"),
    priceGrowth: num(0.02, { min: -0.1, max: 0.3, unit: "per year", range: [0.01, 0.03] }, ASSUMPTION + " (CPI about 2%: national CPI rose 0.9-2.9% a year in 2016-2021, from memory)", "Price level growth"),
    povertyLine2010: num(2300, { min: 0, max: 100000, unit: "yuan per person per year" }, NBS_POVERTY_LINE + " (the current standard, set at 2010 prices)", "Rural poverty line in 2010 (anchor of the current-price line: the 12-month income to December of each anchor year meets that year's line; geometric in between)"),
    povertyLine2019: num(3218, { min: 0, max: 100000, unit: "yuan per person per year" }, NBS_POVERTY_LINE + " (NBS: 3,218 yuan in 2019, current prices)", "Rural poverty line in 2019 (anchor)"),
    povertyLine2020: num(4000, { min: 0, max: 100000, unit: "yuan per person per year" }, NBS_POVERTY_LINE + " (about 4,000 yuan at 2020 prices, as reported for the 2020 exit assessment)", "Rural poverty line in 2020 (anchor; after 2020 the line follows environment.priceGrowth)"),
  }),

  siteEconomy: group("Site economy: local jobs and wages", {
    urbanBaseJobsPer100Households: num(12, { min: 0, max: 300, unit: "jobs per 100 households", range: [6, 24] }, ASSUMPTION, "Market jobs near an urban site open to residents"),
    ruralBaseJobsPer100Households: num(5, { min: 0, max: 300, unit: "jobs per 100 households", range: [2, 10] }, ASSUMPTION, "Market jobs near a rural site open to residents"),
    jobTurnover: within(share(0.12, ASSUMPTION, "Annual share of market jobs destroyed (and re-created toward the base level)", "per year"), 0.06, 0.25),
    urbanLocalWagePremium: num(1.15, { min: 0.5, max: 3, range: [1, 1.25] }, ASSUMPTION + " (county towns pay more than townships; below 1/localToOutgoingWageRatio = 1.30, so outgoing migrant work still pays more than local work at an urban site)", "Local wage at an urban site relative to the local (within-township) wage of a rural site"),
  }),

  labour: group("Labour market: separations, matching, migration, entrepreneurship, farming", {
    separationRate: within(share(0.2, ASSUMPTION, "Annual hazard of leaving a local wage job", "per year"), 0.1, 0.35),
    matchingEfficiency: num(0.35, { min: 0, max: 5, range: [0.15, 0.7] }, ASSUMPTION, "A in matches = A·E^α·V^(1−α) (E = effective searchers Σw), per month"),
    matchingElasticity: within(share(0.5, "Petrongolo and Pissarides 2001 (survey of matching functions: elasticity on unemployment 0.5-0.7)", "α, the elasticity of matches to effective searchers"), 0.5, 0.7, { why: "Petrongolo and Pissarides 2001" }),
    migrateIntercept: num(C.migrateIntercept.value, { min: -20, max: 20, range: [-1, 2] }, C.migrateIntercept.source, "Logit intercept of wanting migrant work"),
    migrateWageGap: num(C.migrateWageGap.value, { min: -20, max: 20, range: [0.5, 4] }, C.migrateWageGap.source, "Logit weight of the migrant/local wage log-gap"),
    migrateCarePenalty: num(1.5, { min: 0, max: 20, range: [0.5, 3] }, ASSUMPTION, "Logit penalty for carers of young children or frail elders"),
    migrateIntegrationPull: num(0.818, { min: 0, max: 20, range: [0.3, 2] }, EARLIER(0.818, "0.326-1.81", 0.36, "households with an employed member"), "Logit penalty per unit of site integration (settled people stay)"),
    originMigrantAccess: within(share(0.304, EARLIER(0.304, "0.12-0.477", 0.11, "the poverty rate"), "Migrant-job finding of workers whose household still lives at origin, relative to site residents (relocation brings information and transport)"), 0.1, 0.5),
    startupRate: within(share(0.01, ASSUMPTION, "Annual base probability that a searcher starts a business", "per year"), 0.003, 0.03, { log: true }),
    businessFailureEarly: within(share(0.3, ASSUMPTION, "Annual failure hazard of a business in its first 3 years at full rent", "per year"), 0.15, 0.45),
    businessFailureLate: within(share(0.08, ASSUMPTION, "Annual failure hazard after 3 years", "per year"), 0.04, 0.15),
    businessProfitFactor: num(1.3, { min: 0, max: 10, range: [0.9, 2] }, ASSUMPTION, "Business revenue net of costs other than rent, relative to the local wage"),
    urbanRent: num(700, { min: 0, max: 20000, unit: "yuan per month", range: [300, 1500] }, ASSUMPTION, "Premises rent for a business at an urban site"),
    ruralRent: num(300, { min: 0, max: 20000, unit: "yuan per month", range: [100, 600] }, ASSUMPTION, "Premises rent at a rural site"),
    farmingIncome: num(C.farmingIncome.value, { min: 0, max: 20000, unit: "yuan per farmer per month", range: [150, 500] }, C.farmingIncome.source, "Net farming income at origin, 2016 prices"),
    farmingReachUrban: within(initialShare(0.15, ASSUMPTION, "Share of resident workers at urban sites who can still farm at origin"), 0.05, 0.3),
    farmingReachRural: within(initialShare(0.6, ASSUMPTION, "Share at rural sites (closer to origin)"), 0.4, 0.8),
    farmingExitRate: within(share(0.1, ASSUMPTION, "Annual hazard that a resident farmer stops farming to look for other work", "per year"), 0.05, 0.2),
    trainingSearchIntensity: within(share(0.5, ASSUMPTION, "Search intensity (and search weight) of a worker while in a training course, relative to a full-time searcher"), 0.25, 0.75),
    detectedPriority: num(2, { min: 1, max: 10, range: [1, 3] }, ASSUMPTION + " (employment services give households found by poverty monitoring priority help in their search)", "Factor on the search weight of members of households that poverty monitoring has detected"),
    carerSearchPenalty: within(share(0.5, ASSUMPTION, "Fall in search intensity of carers of young children or frail elders"), 0.25, 0.75),
  }),

  income: group("Income and spending", {
    pensionPerElder: num(110, { min: 0, max: 10000, unit: "yuan per person per month", range: [100, 150] }, ASSUMPTION + " (rural residents' basic pension, about 100-150)", "Pension for members aged 60+"),
    urbanSpendingPerPerson: num(350, { min: 0, max: 20000, unit: "yuan per person per month", range: [280, 520] }, ASSUMPTION + " (subsistence about 1.4 times the rural one: town food, transport and utilities are bought, not grown)", "Subsistence spending at an urban site, 2016 prices"),
    ruralSpendingPerPerson: num(250, { min: 0, max: 20000, unit: "yuan per person per month", range: [200, 360] }, ASSUMPTION + " (the 2016 poverty line, about 2,950 yuan a year (2,300 at 2010 prices, indexed: data/environment-series.json), is a subsistence standard; NBS rural per-capita consumption in poverty-stricken areas was about 7,300 yuan in 2016 against 8,450 of income, from memory)", "Subsistence spending at a rural site or at origin, 2016 prices"),
    propensityToConsume: within(share(0.8, ASSUMPTION + " (NBS rural residents spend about 0.82 of disposable income, 10,130 of 12,363 yuan in 2016, from memory)", "Marginal propensity to consume out of income above subsistence"), 0.65, 0.92),
    bufferMonths: num(3, { min: 0.1, max: 60, unit: "months of subsistence spending", range: [1, 6] }, ASSUMPTION, "Savings a household under income pressure feels safe with: below it, depleted savings weigh on return and give-up"),
    startupCapital: num(10000, { min: 0, max: 1e6, unit: "yuan, 2016 prices", range: [5000, 30000] }, ASSUMPTION + " (stock, fittings and equipment of a small shop or workshop)", "Own capital a household pays from savings to start a business"),
    landLossAtSigning: within(share(0.3, ASSUMPTION + " (land reclaimed for ecological restoration or left idle)", "Probability that a household without secure land rights loses its origin land at signing"), 0.1, 0.5),
    propertyFeePerM2Month: num(0.3, { min: 0, max: 20, unit: "yuan per m2 per month", range: [0.1, 1] }, ASSUMPTION, "Property fee at urban sites (a cost of town life)"),
  }),

  integration: group("Integration: economic, social (daily life), psychological (identity); one function of household and site state, the same in every scenario", {
    adjustmentRate: within(share(0.06, ASSUMPTION, "Monthly partial adjustment toward the target", "per month"), 0.02, 0.15, { why: "targets reached within one to four years" }),
    peerWeight: within(share(0.4, ASSUMPTION, "Weight of neighbours' average in the social target"), 0.2, 0.6),
    econBase: within(share(0.15, ASSUMPTION, "Economic target of a household with no work and no income"), 0.05, 0.25),
    econWorkWeight: within(share(0.45, ASSUMPTION, "Weight of work (share of the household's labour employed) in the economic target"), 0.3, 0.6),
    econIncomeWeight: within(share(0.4, ASSUMPTION + " (income security: per-capita income against twice the poverty line)", "Weight of income security in the economic target"), 0.25, 0.55),
    socialActivityWeight: within(share(0.4, ASSUMPTION, "Weight of the site's community activity in the own social target"), 0.2, 0.5),
    socialServiceWeight: within(share(0.3, ASSUMPTION, "Weight of service quality in the own social target"), 0.15, 0.45),
    socialTiesWeight: within(share(0.3, ASSUMPTION, "Weight of the household's ties at the site in the own social target"), 0.15, 0.45),
    tieFormationRate: within(share(0.02, ASSUMPTION, "Monthly rate at which ties at the site form, at full activity and full local work", "per month"), 0.01, 0.04),
    tieActivityWeight: within(share(0.5, ASSUMPTION, "Share of tie formation driven by community activity (the rest by local work)"), 0.3, 0.7),
    originTieDecay: within(share(0.11, ASSUMPTION, "Annual fading of origin ties while living at the site", "per year"), 0.05, 0.2),
    originTieDecayConnected: within(share(0.024, ASSUMPTION, "... while a member still farms at origin or the household keeps its land", "per year"), 0.01, 0.05),
    psychBase: within(share(0.05, ASSUMPTION + " (sets the baseline psychological integration near its level before the rights and ties terms were added)", "Psychological target of a newcomer without safety, rights, ties or services"), 0, 0.2),
    safetyWeight: within(share(0.3, ASSUMPTION, "Weight of the site's safety in the psychological target"), 0.15, 0.45),
    rightsWeight: within(share(0.2, paper("4.2(3)") + "; size an assumption", "Weight of security of rights (origin land and collective rights, destination social security) in the psychological target"), 0.1, 0.3),
    siteTiesWeight: within(share(0.15, paper("4.1(3)") + " (belonging through neighbourhood life); size an assumption", "Weight of ties at the site in the psychological target"), 0.05, 0.25),
    settlingGain: within(share(0.15, ASSUMPTION, "Rise of the psychological target with time at the site, reached after settlingYears"), 0.05, 0.25),
    settlingYears: num(3, { min: 0.1, max: 20, unit: "years", range: [1, 6] }, ASSUMPTION, "Years at the site over which settlingGain builds up"),
    psychServiceWeight: within(share(0.1, ASSUMPTION, "Weight of service quality in the psychological target"), 0.05, 0.2),
    urbanServiceQuality: within(share(0.55, ASSUMPTION, "Service and infrastructure quality at an urban site (0-1)"), 0.4, 0.7),
    ruralServiceQuality: within(share(0.4, ASSUMPTION, "... at a rural site"), 0.25, 0.55),
    baseCommunityActivity: within(share(0.3, ASSUMPTION, "Community activity without policy (0-1)"), 0.15, 0.45),
    baseResponseDays: num(14, { min: 0.5, max: 365, unit: "days", range: [7, 30] }, ASSUMPTION + " (the time site management takes to act on a resident's problem: a dispute, a repair, a safety risk)", "Response time of site management without policy"),
    safetyHalfDays: num(14, { min: 0.5, max: 365, unit: "days", range: [7, 30] }, ASSUMPTION, "Response time at which safety is 0.5: safety = d½ / (d½ + response days)"),
    crowdingPenalty: within(num(0.6, { min: 0, max: 5 }, paper("3.3") + "; size an assumption", "Fall of the psychological target per unit of crowding"), 0.3, 1),
    housingConditionWeight: within(share(0.3, ASSUMPTION, "Weight of housing condition in the psychological target"), 0.15, 0.45),
    originPull: within(share(0.25, ASSUMPTION, "Fall of the psychological target from strong origin ties"), 0.1, 0.4),
    housingDecay: within(share(0.04, ASSUMPTION, "Annual decay of housing condition without maintenance", "per year"), 0.02, 0.08),
    repairCostPerM2: num(600, { min: 1, max: 10000, unit: "yuan per m2 per unit of condition", range: [300, 1200] }, ASSUMPTION, "Cost of restoring housing condition"),
  }),

  residence: group("Residence decisions", {
    constructionMonths: num(12, { min: 0, max: 60, unit: "months", timeVarying: false, range: [6, 18] }, ASSUMPTION + " (sites were built in about a year after the agreements; each site's lag is this times U(0.5, 1.5))", "Mean lag from signing (area fixed, paper 3.3) to the homes' handover"),
    moveInRate: within(share(0.3, ASSUMPTION, "Monthly probability that a transitional household moves in while its origin house stands", "per month"), 0.1, 0.6),
    baselineTransitionMonths: num(3, { min: 0, max: 60, unit: "months", integer: true, range: [0, 24] }, ASSUMPTION + " (demolition soon after relocation)", "Months the origin house stands after the handover without the transition-period lever"),
    giveUpBase: within(share(0.04, ASSUMPTION + " (few: all 9.6 M had moved in by end-2020, data/national-targets.json)", "Probability that an uncrowded household still outside gives the home up when its origin house goes; also the annual rate at which crowded residents give it up (scaled by crowding)"), 0.01, 0.1),
    giveUpCrowding: num(6, { min: 0, max: 50, range: [2, 12] }, paper("3.3") + "; size an assumption", "Logit weight of crowding on give-up decisions"),
    giveUpHardship: num(0.5, { min: 0, max: 20, range: [0, 2] }, ASSUMPTION, "Logit weight of depleted savings under income pressure on the give-up of a household still outside when its origin house goes"),
    returnRate: within(share(C.returnRate.value, C.returnRate.source, "Annual base hazard that a resident household returns to origin", "per year"), 0.002, 0.04),
    returnDissatisfaction: num(3, { min: 0, max: 20, range: [1, 6] }, ASSUMPTION, "Weight of low integration in the log return hazard"),
    returnLandPull: num(C.returnLandPull.value, { min: 0, max: 20, range: [0.2, 2] }, C.returnLandPull.source, "Weight of origin land in the log return hazard"),
    returnHardship: num(C.returnHardship.value, { min: 0, max: 20, range: [0, 3] }, C.returnHardship.source, "Weight of depleted savings under income pressure in the log return hazard"),
    rebuildCost: num(40000, { min: 0, max: 1e6, unit: "yuan per household, 2016 prices", range: [20000, 80000] }, ASSUMPTION + " (a basic rural house of 50-60 m2)", "Cost of a house at origin for a household returning after its origin house was demolished (paid from savings; without it, no return)"),
    comeBackRate: within(share(C.comeBackRate.value, C.comeBackRate.source, "Annual hazard that a returned household comes back to its home at the site", "per year"), 0.02, 0.3),
  }),

  poverty: group("Poverty monitoring, assistance, the minimum living allowance and relapse", {
    detectionRate: within(share(0.04, ASSUMPTION + " (routine monitoring, about every two years; calibrated with the historical scenario)", "Monthly probability that a household at risk (below the line; from monitoringFrom also at risk of relapse) is detected", "per month"), 0.01, 0.3, { why: "annual reviews (about 0.08 a month) to near-continuous monitoring; about every four years at the low end" }),
    assistanceTarget: within(num(1.1, { min: 0, max: 3, unit: "share of the poverty line" }, ASSUMPTION + " (assistance aimed at a margin above the line, so a household lifted out is not just at it)", "Per-capita income (12 months) that assistance tops a detected household with labour up to, once its own income is below the line"), 1, 1.3),
    assistanceShare: within(share(C.assistanceShare.value, C.assistanceShare.source, "Share of the gap to the target that assistance fills once detected"), 0.5, 1),
    dibaoStandard: within(num(1.2, { min: 0, max: 5, unit: "share of the poverty line" }, ASSUMPTION + " (bottom-line guarantee: State Council General Office 2016 opinions on linking rural minimum living allowance with poverty alleviation ask that dibao standards reach the poverty line; national mean rural dibao standards, from memory of the Ministry of Civil Affairs statistical bulletins, rose from about 3,700 (2016) to about 6,000 yuan (2020), 1.2-1.5 times the line, lower in poor counties)", "Minimum living allowance standard (per capita, 12 months) paid to detected households with no member able to work (elderly-only, disabled) whose own income is below it"), 1, 1.5, { why: "the policy floor is the line; 1.5 times the line is about the national mean standard in 2020" }),
    monitoringFrom: str("2020-03", /^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM", "State Council Leading Group Office of Poverty Alleviation and Development, Guiding Opinions on a monitoring and assistance mechanism against return to poverty, March 2020", "First month of dynamic monitoring against relapse: from then households at risk (own income below the monitoring line, or this month's own income below the line: a job loss, an illness) are detected before they fall below the line"),
    monitoringLine: within(num(1.5, { min: 1, max: 5, unit: "share of the poverty line" }, ASSUMPTION + " (provinces set monitoring thresholds around 1.5 times the line, e.g. about 6,000 yuan in 2021)", "Monitoring line: per-capita own income (12 months) below it counts as at risk of relapse"), 1.2, 2),
  }),

  policies: group("The paper's policy levers", leverSpecs),
});

export type ModelSpec = typeof modelSpec;
