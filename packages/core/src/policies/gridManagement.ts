import { group, num, bool, paper } from "../params/spec.js";

/**
 * Grid management of social governance (paper 4.3(3)): party members and volunteers cover the
 * site in grids. Raises safety and responsiveness (psychological integration) and detects
 * households at risk of relapse sooner, so monitoring reacts faster.
 */
export const gridManagement = group(
  "Grid management of social governance",
  {
    enabled: bool(false, paper("4.3(3)"), "Switch the lever on"),
    coverage: num(0.9, { min: 0, max: 1, unit: "share of households" }, "assumption", "Share of households inside a staffed grid"),
    detectionSpeedup: num(2, { min: 0, max: 20 }, "assumption", "Relative rise of the monthly detection probability for covered households"),
    safetyGain: num(0.15, { min: 0, max: 1, unit: "safety points" }, "assumption", "Rise of safety and responsiveness (0-1) at full coverage"),
  },
  "4.3(3)",
);
