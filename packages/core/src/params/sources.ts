/**
 * Citations for published figures used as defaults. Copies of the figures, with these
 * sources, are in packages/core/data/*.json (from shared/data).
 */
export const NDRC_2020 = "NDRC, State Council Information Office press conference, 2020-12-03";
export const PLAN_2016 = "13th Five-Year Plan for poverty-alleviation relocation, NDRC, 2016";
export const XINHUA_2023 = "NDRC figures reported by Xinhua, 2023-02-28";
export const NBS_MIGRANT = "NBS Migrant Workers Monitoring Survey Reports, 2016-2022";
export const NBS_POVERTY_LINE = "NBS rural poverty standard: 2,300 yuan/year at 2010 prices, about 4,000 at 2020 prices";
export const NBS_WORKING_AGE = "NBS Statistical Communiqué on National Economic and Social Development (working-age population: ages 16-59)";
