import { InputError } from "./errors.js";

/**
 * Named scales. `national` is the whole programme (2.66 million households, NDRC 2020);
 * `province` is about a fifth of it, the size of the largest provincial programmes
 * (assumption); `county` is a large county's programme (assumption).
 */
export const SCALES = { county: 10_000, province: 500_000, national: 2_660_000 } as const;
export type ScaleName = keyof typeof SCALES;
export type Scale = ScaleName | number;

/** Households for a scale name or count; errors name the flag or field given as `field`. */
export function resolveScale(scale: Scale | string | undefined, field = "scale"): number {
  if (scale === undefined) return SCALES.county;
  if (typeof scale === "number") {
    if (!Number.isInteger(scale) || scale < 1 || scale > 50_000_000) throw new InputError(field, scale, "county, province, national or a whole number of households from 1 to 50000000");
    return scale;
  }
  if (scale in SCALES) return SCALES[scale as ScaleName];
  if (/^\d+$/.test(scale)) return resolveScale(Number(scale), field);
  throw new InputError(field, scale, "county, province, national or a whole number of households");
}
