/** How a metric is measured, which decides its axis format and how effects are written. */
export type MetricKind = "share" | "yuan" | "index" | "count";

export interface MetricInfo {
  /** human label, sentence case: "Employment rate" */
  label: string;
  /** unit as shown in axis titles: "share of labour force" */
  unit: string;
  /** d3-format specifier for axes and tooltips */
  format: string;
  kind: MetricKind;
}

const share = (label: string, unit: string): MetricInfo => ({ label, unit, format: ".0%", kind: "share" });
const yuan = (label: string, unit = "yuan per person per year"): MetricInfo => ({ label, unit, format: ",.0f", kind: "yuan" });
const index = (label: string, unit = "index 0–1"): MetricInfo => ({ label, unit, format: ".2f", kind: "index" });
const count = (label: string, unit: string): MetricInfo => ({ label, unit, format: ",.0f", kind: "count" });

/**
 * Label, unit and format of every metric the simulation reports (names are stable). Units
 * name the denominators core uses: residence shares are of households that signed up to move.
 */
export const metricInfo: Readonly<Record<string, MetricInfo>> = {
  employment_rate: share("Employment rate", "share of labour force"),
  households_with_employed_share: share("Households with an employed member", "share of households with labour"),
  local_job_share: share("Local jobs", "share of employed persons"),
  migrant_job_share: share("Migrant jobs", "share of employed persons"),
  self_employed_share: share("Self-employed", "share of employed persons"),
  farming_share: share("Farming", "share of employed persons"),
  per_capita_income: yuan("Per-capita income (mean)"),
  per_capita_income_median: yuan("Per-capita income (median)"),
  per_capita_income_p10: yuan("Per-capita income (10th percentile)"),
  per_capita_income_p25: yuan("Per-capita income (25th percentile)"),
  per_capita_income_p75: yuan("Per-capita income (75th percentile)"),
  per_capita_income_p90: yuan("Per-capita income (90th percentile)"),
  income_gini: index("Income Gini coefficient", "Gini coefficient 0–1"),
  wage_income_share: share("Wages", "share of household income"),
  business_income_share: share("Business", "share of household income"),
  agriculture_income_share: share("Agriculture", "share of household income"),
  transfer_income_share: share("Transfers", "share of household income"),
  dividend_income_share: share("Dividends", "share of household income"),
  poverty_rate: share("Poverty rate", "share of persons"),
  poverty_relapse_rate: share("Poverty relapse rate", "share of persons lifted out of poverty"),
  integration_index: index("Integration index"),
  integration_economic: index("Economic integration"),
  integration_social: index("Social integration"),
  integration_psychological: index("Psychological integration"),
  occupancy_rate: share("Occupancy rate", "share of signed-up households"),
  transitional_share: share("In transitional arrangements", "share of signed-up households"),
  return_rate: share("Returned to origin", "share of signed-up households"),
  give_up_rate: share("Gave up resettlement", "share of signed-up households"),
  collective_income_per_household: yuan("Collective income per household", "yuan per household per year"),
  maintenance_fund_balance: yuan("Maintenance fund balance", "yuan"),
  maintenance_fund_per_household: yuan("Maintenance fund per household", "yuan per household"),
  housing_condition: index("Housing condition"),
  crowded_share: share("Crowded housing", "share of signed-up households"),
  local_jobs_per_100_households: { label: "Local jobs per 100 households", unit: "jobs per 100 households", format: ",.1f", kind: "count" },
  training_share: share("In vocational training", "share of labour force"),
  savings_per_household: yuan("Savings per household", "yuan per household"),
  persons: count("Persons", "persons"),
  households: count("Households", "households"),
  labour_force: count("Labour force", "persons"),
};

/** The entry for a metric; an unknown metric gets a readable fallback instead of an error. */
export function infoFor(metric: string): MetricInfo {
  const known = metricInfo[metric];
  if (known) return known;
  const words = metric.replace(/_/g, " ");
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit: "", format: ",.3~g", kind: "index" };
}

/** "Employment rate (share of labour force)": the axis title of a metric. */
export function axisTitle(metric: string): string {
  const { label, unit } = infoFor(metric);
  return unit ? `${label} (${unit})` : label;
}
