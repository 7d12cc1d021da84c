/** Which index: Morris's mean |elementary effect| and its standard deviation, Sobol's first and total order. */
export type IndexName = "mu" | "mu_star" | "sigma" | "S1" | "ST";

/** One index of one parameter with its bootstrap interval. */
export interface SensitivityIndex {
  /** Position of the parameter in the design. */
  parameter: number;
  index: IndexName;
  value: number;
  lo: number;
  hi: number;
}
