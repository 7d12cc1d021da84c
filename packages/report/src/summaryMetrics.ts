/** The outcomes listed in the report's tables, in reading order (those present are shown). */
export const summaryMetrics: readonly string[] = [
  "employment_rate",
  "households_with_employed_share",
  "per_capita_income",
  "per_capita_income_median",
  "income_gini",
  "poverty_rate",
  "poverty_relapse_rate",
  "integration_index",
  "integration_economic",
  "integration_social",
  "integration_psychological",
  "occupancy_rate",
  "transitional_share",
  "return_rate",
  "give_up_rate",
  "collective_income_per_household",
];
