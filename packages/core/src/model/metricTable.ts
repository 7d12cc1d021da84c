/**
 * Every metric the simulation reports, declared once: its name (stable, in output order), how it
 * is computed from the per-site sums or the income histogram, and how it is shown. Collection
 * (the fields summed per site and the metric values), `METRICS`, the report's labels and units,
 * the text tables' descriptions and the table of docs/ODD.md section 4.10 all derive from it.
 * This module imports nothing, so light entries (`@relocsim/core/metrics`) can carry it.
 */

/** How a metric is measured, which decides its format and how effects are written. */
export type MetricKind = "share" | "yuan" | "index" | "count";

/** A sum of per-site fields (left to right), times a factor. */
export interface Sum<F extends string = string> {
  readonly sum: readonly F[];
  readonly times?: number;
}

/**
 * How a metric is computed for a group: a total of summed fields, a ratio of two (undefined,
 * NaN, where the denominator is not positive), a quantile of per-capita income over persons,
 * or the Gini coefficient of it.
 */
export type Computation<F extends string = string> =
  | { readonly total: Sum<F> }
  | { readonly num: Sum<F>; readonly den: Sum<F> }
  | { readonly quantile: number }
  | { readonly gini: true };

export interface MetricSpec<F extends string = string> {
  readonly name: string;
  readonly of: Computation<F>;
  readonly kind: MetricKind;
  /** Human label, sentence case: "Employment rate". */
  readonly label: string;
  /** Unit as shown in axis titles: "share of labour force" ("" for none). */
  readonly unit: string;
  /** d3-format specifier for axes and tooltips. */
  readonly format: string;
  /** What the metric is, as computed (docs/ODD.md, 4.10). */
  readonly description: string;
}

const sum = <const F extends string>(...fields: F[]): Sum<F> => ({ sum: fields });
const times = <const F extends string>(factor: number, ...fields: F[]): Sum<F> => ({ sum: fields, times: factor });
const total = <const F extends string>(field: F) => ({ total: sum(field) });
const ratio = <const N extends string, const D extends string>(num: N | Sum<N>, den: D | Sum<D>) => ({
  num: typeof num === "string" ? sum(num) : num,
  den: typeof den === "string" ? sum(den) : den,
});

const FORMAT: Record<MetricKind, string> = { share: ".0%", yuan: ",.0f", index: ".2f", count: ",.0f" };
const PER_PERSON = "yuan per person per year";
const INDEX = "index 0–1";
const SIGNED = "share of signed-up households";
const INCOME = "share of household income";
const EMPLOYED = "share of employed persons";
const sources = sum("incWage", "incBusiness", "incAgriculture", "incTransfer", "incDividend");

const table = [
  { name: "persons", of: total("persons"), kind: "count", label: "Persons", unit: "persons", description: "number of persons" },
  { name: "households", of: total("households"), kind: "count", label: "Households", unit: "households", description: "number of households" },
  { name: "labour_force", of: total("labourForce"), kind: "count", label: "Labour force", unit: "persons", description: "persons in the labour force (working age, able, not in school)" },
  { name: "employment_rate", of: ratio("employed", "labourForce"), kind: "share", label: "Employment rate", unit: "share of labour force", description: "employed persons (local, migrant, self-employed, farming) / labour force" },
  { name: "households_with_employed_share", of: ratio("hhWithLabourEmployed", "hhWithLabour"), kind: "share", label: "Households with an employed member", unit: "share of households with labour", description: "households with ≥ 1 labour-force member of whom ≥ 1 is employed / households with ≥ 1 labour-force member" },
  { name: "local_job_share", of: ratio("local", "employed"), kind: "share", label: "Local jobs", unit: EMPLOYED, description: "persons in local wage jobs / employed persons" },
  { name: "migrant_job_share", of: ratio("migrant", "employed"), kind: "share", label: "Migrant jobs", unit: EMPLOYED, description: "persons in migrant wage jobs / employed persons" },
  { name: "self_employed_share", of: ratio("self", "employed"), kind: "share", label: "Self-employed", unit: EMPLOYED, description: "self-employed persons / employed persons" },
  { name: "farming_share", of: ratio("farming", "employed"), kind: "share", label: "Farming", unit: EMPLOYED, description: "persons farming at origin / employed persons" },
  { name: "per_capita_income", of: ratio("income12", "persons"), kind: "yuan", label: "Per-capita income (mean)", unit: PER_PERSON, description: "Σ households' net income of the last 12 months / Σ persons (yuan a year; the person-weighted mean of household per-capita income)" },
  { name: "per_capita_income_median", of: { quantile: 0.5 }, kind: "yuan", label: "Per-capita income (median)", unit: PER_PERSON, description: "median of household per-capita 12-month income over persons, from the histogram (below)" },
  { name: "per_capita_income_p10", of: { quantile: 0.1 }, kind: "yuan", label: "Per-capita income (10th percentile)", unit: PER_PERSON, description: "10th percentile of household per-capita 12-month income over persons, likewise" },
  { name: "per_capita_income_p25", of: { quantile: 0.25 }, kind: "yuan", label: "Per-capita income (25th percentile)", unit: PER_PERSON, description: "25th percentile, likewise" },
  { name: "per_capita_income_p75", of: { quantile: 0.75 }, kind: "yuan", label: "Per-capita income (75th percentile)", unit: PER_PERSON, description: "75th percentile, likewise" },
  { name: "per_capita_income_p90", of: { quantile: 0.9 }, kind: "yuan", label: "Per-capita income (90th percentile)", unit: PER_PERSON, description: "90th percentile, likewise" },
  { name: "income_gini", of: { gini: true }, kind: "index", label: "Income Gini coefficient", unit: "Gini coefficient 0–1", description: "Gini coefficient of household per-capita 12-month income over persons, from the histogram" },
  { name: "wage_income_share", of: ratio("incWage", sources), kind: "share", label: "Wages", unit: INCOME, description: "Σ this month's wage income (local wages and migrants' remittances) / Σ this month's net income from all five sources" },
  { name: "business_income_share", of: ratio("incBusiness", sources), kind: "share", label: "Business", unit: INCOME, description: "household business profit net of rent, likewise" },
  { name: "agriculture_income_share", of: ratio("incAgriculture", sources), kind: "share", label: "Agriculture", unit: INCOME, description: "farming income and rent for origin land, likewise" },
  { name: "transfer_income_share", of: ratio("incTransfer", sources), kind: "share", label: "Transfers", unit: INCOME, description: "pensions, destination social security, poverty assistance and compensation, likewise" },
  { name: "dividend_income_share", of: ratio("incDividend", sources), kind: "share", label: "Dividends", unit: INCOME, description: "site collective dividends and origin collective distributions, likewise" },
  { name: "poverty_rate", of: ratio("poorPersons", "persons"), kind: "share", label: "Poverty rate", unit: "share of persons", description: "persons in households whose 12-month per-capita income is below the poverty line / persons" },
  { name: "poverty_relapse_rate", of: ratio("relapsedPersons", "exitedPersons"), kind: "share", label: "Poverty relapse rate", unit: "share of persons lifted out of poverty", description: "persons in households that have exited poverty (`everExited`) and are below the line again / persons in households that have exited" },
  { name: "integration_index", of: ratio(sum("intEcon", "intSocial", "intPsych"), times(3, "resident")), kind: "index", label: "Integration index", unit: INDEX, description: "mean over resident households of (economic + social + psychological)/3" },
  { name: "integration_economic", of: ratio("intEcon", "resident"), kind: "index", label: "Economic integration", unit: INDEX, description: "mean over resident households of economic integration" },
  { name: "integration_social", of: ratio("intSocial", "resident"), kind: "index", label: "Social integration", unit: INDEX, description: "mean over resident households of social integration" },
  { name: "integration_psychological", of: ratio("intPsych", "resident"), kind: "index", label: "Psychological integration", unit: INDEX, description: "mean over resident households of psychological integration" },
  { name: "occupancy_rate", of: ratio("resident", "signed"), kind: "share", label: "Occupancy rate", unit: SIGNED, description: "resident households / signed households" },
  { name: "transitional_share", of: ratio("transitional", "signed"), kind: "share", label: "In transitional arrangements", unit: SIGNED, description: "transitional households / signed households" },
  { name: "return_rate", of: ratio("returned", "signed"), kind: "share", label: "Returned to origin", unit: SIGNED, description: "returned households / signed households (a stock, not a hazard)" },
  { name: "give_up_rate", of: ratio("gaveUp", "signed"), kind: "share", label: "Gave up resettlement", unit: SIGNED, description: "households that gave up the home / signed households (a stock)" },
  { name: "collective_income_per_household", of: ratio("collectiveIncome", "openHouseholds"), kind: "yuan", label: "Collective income per household", unit: "yuan per household per year", description: "Σ realised net return of the last completed operating year of open sites' collective funds / Σ households of open sites (yuan a year, may be negative; 0 in a site's first year)" },
  { name: "maintenance_fund_balance", of: total("maintenanceBalance"), kind: "yuan", label: "Maintenance fund balance", unit: "yuan", description: "Σ maintenance-fund balances of open sites (yuan; a total, so it grows with scale)" },
  { name: "maintenance_fund_per_household", of: ratio("maintenanceBalance", "openHouseholds"), kind: "yuan", label: "Maintenance fund per household", unit: "yuan per household", description: "the same / Σ households of open sites" },
  { name: "housing_condition", of: ratio("housingCondition", "openHouseholds"), kind: "index", label: "Housing condition", unit: INDEX, description: "mean housing condition of open sites, weighted by their households" },
  { name: "crowded_share", of: ratio("crowded", "signed"), kind: "share", label: "Crowded housing", unit: SIGNED, description: "signed households whose size × `population.areaPerPerson` exceeds their area / signed households" },
  { name: "local_jobs_per_100_households", of: ratio(times(100, "localJobs"), "openHouseholds"), kind: "count", label: "Local jobs per 100 households", unit: "jobs per 100 households", description: "100 × Σ local jobs of open sites (market, industrial support, talent enterprises, assisted posts; fractional) / Σ households of open sites", format: ",.1f" },
  { name: "training_share", of: ratio("inTraining", "labourForce"), kind: "share", label: "In vocational training", unit: "share of labour force", description: "labour-force members in a training course / labour force" },
  { name: "savings_per_household", of: ratio("savings", "households"), kind: "yuan", label: "Savings per household", unit: "yuan per household", description: "Σ savings / households" },
] as const satisfies ReadonlyArray<Omit<MetricSpec, "format"> & { readonly format?: string }>;

/**
 * Levers with a public cost, in the order of the per-site cost columns (kernel/state.ts
 * SiteTable.publicCost; model/costs.ts): the lever's name (as in policies/levers.ts), its
 * per-site field and its metric.
 */
export const COST_LEVERS = [
  "talentIntroduction", "entrepreneurshipSupport", "vocationalTraining", "ecologicalLivability", "ruralCivilization",
  "effectiveGovernance", "transitionPeriod", "maintenanceFund", "dualRegistration", "collectiveAssets", "landRights",
  "employmentPromotion", "gridManagement", "industrialSupport", "housingAdjustment",
] as const;
export type CostLever = (typeof COST_LEVERS)[number];
const COST_UNIT = "yuan per household per year";
const cost = <const L extends CostLever>(lever: L, label: string) => ({
  name: `policy_cost_${lever.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` as `policy_cost_${string}`,
  of: ratio(times(12, `cost_${lever}` as const), "householdMonths"),
  kind: "yuan" as const, label: `Public cost: ${label}`, unit: COST_UNIT,
  description: `12 × Σ public cost of the ${label.toLowerCase()} lever since the start / Σ household-months since the start (yuan a year, current prices; model/costs.ts)`,
});
/** The public-cost metrics: the total, then one per lever (COST_LEVERS order). */
const costTable = [
  {
    name: "policy_cost_per_household", of: ratio(times(12, ...COST_LEVERS.map((l) => `cost_${l}` as const)), "householdMonths"), kind: "yuan" as const,
    label: "Public cost of the levers", unit: COST_UNIT,
    description: "12 × Σ public cost of every lever since the start / Σ household-months since the start (yuan a year, current prices; model/costs.ts)",
  },
  cost("talentIntroduction", "Talent introduction"), cost("entrepreneurshipSupport", "Entrepreneurship support"),
  cost("vocationalTraining", "Vocational training"), cost("ecologicalLivability", "Ecological livability"),
  cost("ruralCivilization", "Rural civilization"), cost("effectiveGovernance", "Effective governance"),
  cost("transitionPeriod", "Transition period"), cost("maintenanceFund", "Maintenance fund"),
  cost("dualRegistration", "Dual registration"), cost("collectiveAssets", "Collective assets"),
  cost("landRights", "Land rights"), cost("employmentPromotion", "Employment promotion"),
  cost("gridManagement", "Grid management"), cost("industrialSupport", "Industrial support"),
  cost("housingAdjustment", "Housing adjustment"),
];

type Row = (typeof table)[number] | (typeof costTable)[number];
type FieldsOf<C> = C extends { total: Sum<infer F> } ? F : C extends { num: Sum<infer N>; den: Sum<infer D> } ? N | D : never;

/** A per-site sum that collection computes: the fields the metrics name. */
export type SiteField = FieldsOf<Row["of"]>;
export type MetricName = Row["name"];
/** The per-lever public-cost metric of a lever. */
export function costMetric(lever: CostLever): string {
  return `policy_cost_${lever.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

/** The metrics, in output order. */
export const METRIC_TABLE: readonly MetricSpec<SiteField>[] = [...table, ...costTable].map((m: Omit<MetricSpec<SiteField>, "format"> & { format?: string }) => ({ ...m, format: m.format ?? FORMAT[m.kind] }));

/** Metric names in output order (stable; see docs/ODD.md, Outcomes). */
export const METRICS = METRIC_TABLE.map((m) => m.name) as readonly MetricName[];

/** The per-site sums collection computes, in order of first use by the metrics. */
export const SITE_FIELDS: readonly SiteField[] = [...new Set(METRIC_TABLE.flatMap((m) => ("total" in m.of ? m.of.total.sum : "num" in m.of ? [...m.of.num.sum, ...m.of.den.sum] : [])))];

/** How a metric is shown: label, unit, d3 format and kind. */
export type MetricInfo = Pick<MetricSpec, "label" | "unit" | "format" | "kind">;
/** What a text table needs to show a metric. */
export type MetricDisplay = Omit<MetricInfo, "format">;

/** How to show a metric: the table's entry, or a reading of its name for a metric it lacks. */
export function describeMetric(metric: string): MetricInfo {
  const known = METRIC_TABLE.find((m) => m.name === metric);
  if (known) return { label: known.label, unit: known.unit, format: known.format, kind: known.kind };
  const words = metric.replace(/_/g, " ");
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit: "", format: ",.3~g", kind: "index" };
}
