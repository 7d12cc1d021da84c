import { InputError } from "../../errors.js";
import type { AbcGeneration } from "./abcSmc.js";

/** The first columns of posterior.csv; one column per parameter follows, then `distance`. */
export const POSTERIOR_COLUMNS = ["generation", "particle", "weight"] as const;

/** posterior.csv: every generation's particles (generation, particle, weight, one column per parameter, distance). */
export function posteriorToCsv(generations: readonly AbcGeneration[], parameters: readonly string[]): string {
  const lines = [[...POSTERIOR_COLUMNS, ...parameters, "distance"].join(",")];
  for (const g of generations) {
    g.particles.forEach((p, i) => lines.push([g.generation, i, g.weights[i], ...p, g.distances[i]].map(String).join(",")));
  }
  return lines.join("\n") + "\n";
}

/** A posterior's last generation, as compare --posterior draws from it. */
export interface Posterior {
  readonly parameters: string[];
  readonly generation: number;
  /** One array of values per particle, in `parameters` order. */
  readonly particles: number[][];
  /** Normalised weights. */
  readonly weights: number[];
}

/**
 * The last generation of a posterior.csv (as relocsim calibrate writes it). `field` names the
 * file in errors (e.g. "--posterior").
 */
export function readPosterior(text: string, field: string): Posterior {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length < 2) throw new InputError(field, `${lines.length} line(s)`, "a posterior.csv with a header and at least one particle (written by relocsim calibrate)");
  const header = lines[0]!.split(",");
  const ok = POSTERIOR_COLUMNS.every((c, i) => header[i] === c) && header[header.length - 1] === "distance" && header.length > POSTERIOR_COLUMNS.length + 1;
  if (!ok) throw new InputError(`${field} header`, lines[0], `${POSTERIOR_COLUMNS.join(",")},<parameter paths>,distance`);
  const parameters = header.slice(POSTERIOR_COLUMNS.length, -1);
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(",").map(Number);
    if (cells.length !== header.length || cells.some((x, k) => !Number.isFinite(x) && k !== header.length - 1)) throw new InputError(`${field} line ${i + 2}`, l, `${header.length} numbers`);
    return cells;
  });
  const generation = Math.max(...rows.map((r) => r[0]!));
  const last = rows.filter((r) => r[0] === generation);
  const weights = last.map((r) => r[2]!);
  if (weights.some((w) => !(w >= 0))) throw new InputError(`${field} weight`, weights.find((w) => !(w >= 0)), "weights ≥ 0");
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) throw new InputError(`${field} weight`, sum, "weights of the last generation with a positive sum");
  return { parameters, generation, particles: last.map((r) => r.slice(POSTERIOR_COLUMNS.length, -1)), weights: weights.map((w) => w / sum) };
}
