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

/** Label, unit and format of every metric the simulation reports (names are stable). */
export const metricInfo: Readonly<Record<string, MetricInfo>> = {
  employment_rate: share("Employment rate", "share of labour force"),
  households_with_employed_share: share("Households with an employed member", "share of households"),
  local_job_share: share("Local jobs", "share of employed workers"),
  migrant_job_share: share("Migrant jobs", "share of employed workers"),
  self_employed_share: share("Self-employed", "share of employed workers"),
  farming_share: share("Farming", "share of employed workers"),
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
  poverty_relapse_rate: share("Poverty relapse rate", "share of households"),
  integration_index: index("Integration index"),
  integration_economic: index("Economic integration"),
  integration_social: index("Social integration"),
  integration_psychological: index("Psychological integration"),
  occupancy_rate: share("Occupancy rate", "share of housing units"),
  transitional_share: share("In transitional arrangements", "share of households"),
  return_rate: share("Returned to origin", "share of households"),
  give_up_rate: share("Gave up resettlement", "share of households"),
  collective_income_per_household: yuan("Collective income per household", "yuan per household"),
  maintenance_fund_balance: yuan("Maintenance fund balance", "yuan"),
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
