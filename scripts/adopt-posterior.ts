/**
 * Adopt a posterior as the model's calibrated defaults (issue 11, part 5).
 *
 * Copies what `relocsim calibrate` wrote in <calibrate-out-dir> (posterior.csv, fit.csv,
 * generations.csv, manifest.json with its command line, date and commit) and the calibration
 * file it ran into packages/core/data/posterior/<name>/, and writes estimate.json there: for
 * every free parameter the weighted posterior mean of the last generation (the point estimate
 * the model's defaults read, rounded to 3 significant digits) and its weighted 5% and 95%
 * quantiles. Nothing is tuned here: the numbers come from the posterior as it was written.
 *
 * Usage: npx tsx scripts/adopt-posterior.ts <calibrate-out-dir> [calibration.json]
 * (default calibration file: scenarios/calibration.json)
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readPosterior, weightedMean, weightedQuantile, effectiveSampleSize } from "../packages/core/src/engine.js";

/** The point estimate as the defaults carry it: 3 significant digits. */
const pointEstimateOf = (x: number) => Number(x.toPrecision(3));

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: npx tsx scripts/adopt-posterior.ts <calibrate-out-dir> [calibration.json]\n");
  process.exit(2);
}
const calibrationFile = process.argv[3] ?? "scenarios/calibration.json";
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
if (manifest.command !== "calibrate" || manifest.status !== "finished") throw new Error(`${dir}: not a finished relocsim calibrate directory`);
const calibration = JSON.parse(readFileSync(calibrationFile, "utf8"));
if (calibration.name !== manifest.name) throw new Error(`${calibrationFile} is calibration "${calibration.name}", ${dir} ran "${manifest.name}"`);

const posterior = readPosterior(readFileSync(join(dir, "posterior.csv"), "utf8"), "posterior.csv");
const generations = readFileSync(join(dir, "generations.csv"), "utf8").trim().split("\n");
const lastGeneration = generations[generations.length - 1]!.split(",");
const parameters = Object.fromEntries(
  posterior.parameters.map((path, j) => {
    const x = posterior.particles.map((p) => p[j]!);
    const mean = weightedMean(x, posterior.weights);
    return [path, { estimate: pointEstimateOf(mean), mean, q05: weightedQuantile(x, posterior.weights, 0.05), q95: weightedQuantile(x, posterior.weights, 0.95) }];
  }),
);

const out = resolve("packages/core/data/posterior", manifest.name);
mkdirSync(out, { recursive: true });
for (const f of ["posterior.csv", "fit.csv", "generations.csv", "manifest.json"]) copyFileSync(join(dir, f), join(out, f));
copyFileSync(calibrationFile, join(out, "calibration.json"));
const estimate = {
  about:
    "Point estimate of the calibrated parameters: the weighted mean of the last ABC-SMC generation of posterior.csv (rounded to 3 significant digits in `estimate`), " +
    "with the weighted 5% and 95% quantiles. The model's defaults read `estimate` (packages/core/src/params/posteriorEstimate.ts); " +
    "`relocsim validate-model` checks the fit and predicts 2022-2025 from posterior draws. Written by scripts/adopt-posterior.ts.",
  calibration: manifest.name,
  command: manifest.commandLine,
  date: manifest.date,
  commit: manifest.commit,
  generation: posterior.generation,
  tolerance: Number(lastGeneration[1]),
  particles: posterior.weights.length,
  ess: effectiveSampleSize(posterior.weights),
  parameters,
};
writeFileSync(join(out, "estimate.json"), JSON.stringify(estimate, null, 2) + "\n");
process.stdout.write(`${out}: ${Object.keys(parameters).length} parameters\n`);
for (const [path, v] of Object.entries(parameters)) process.stdout.write(`  ${path.padEnd(34)} ${String(v.estimate).padStart(8)}  [${v.q05.toPrecision(3)}, ${v.q95.toPrecision(3)}]\n`);
