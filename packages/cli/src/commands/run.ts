import { createSimulation, InputError, InputErrors, isInputError, type Simulation } from "@relocsim/core";
import { experimentSpec } from "@relocsim/core/engine";
import { openResultsDir, writeRunResults } from "@relocsim/core/results";
import { parse, intFlag, specFlag, specValue, helpText, type Flags } from "../args.js";
import { progressBar, formatSeconds } from "../progress.js";
import { readScenarioFile } from "../scenarioFile.js";
import { VERSION } from "../version.js";
import { writeReport } from "@relocsim/report";

const { seed: seedSpec, scale: scaleSpec } = experimentSpec.fields;
const flags: Flags = {
  seed: specFlag(seedSpec, "seed of the run", "N"),
  scale: specFlag(scaleSpec, "households simulated", "S"),
  threads: { type: "string", value: "N", help: "threads stepping the simulation (same results for any N; helps from province scale)", default: "1" },
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim (then replaced)", default: "results/<scenario>" },
  "no-report": { type: "boolean", help: "skip report.html and charts/ (faster)" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const runCommand = {
  name: "run",
  summary: "run one scenario with one seed; write metrics.csv, summary.json, manifest.json",
  help: () =>
    helpText(
      "relocsim run <scenario.json> [--seed N] [--scale county|province|national|<households>] [--threads N] [--out DIR]",
      "Run one scenario with one seed to its horizon (monthly steps) and write:\n  metrics.csv    tidy rows: scenario,replicate,seed,step,date,group,metric,value\n  summary.json   every metric at the horizon, by group\n  manifest.json  scenario hash, seed, version, scale, timings\n  report.html    charts of the run (opens offline), with charts/*.svg and *.png",
      flags,
      "Example:\n  pnpm relocsim run scenarios/baseline.json --seed 7 --scale county --out results/baseline",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 1, max: 1, names: "exactly one scenario file: relocsim run <scenario.json>" });
    if (values.help) return (process.stdout.write(runCommand.help()), 0);
    const file = positionals[0]!;
    const seed = specValue(values, "seed", seedSpec) ?? seedSpec.default;
    const households = specValue(values, "scale", scaleSpec) ?? scaleSpec.default;
    const scenario = withFile(file, () => readScenarioFile(file));
    const out = (values.out as string | undefined) ?? `results/${scenario.name}`;
    const threads = intFlag(values, "threads", 1, 1, 64);
    const sim = withFile(file, () => createSimulation(scenario, { seed, scale: households, threads }));
    const quiet = Boolean(values.quiet);
    const results = openResultsDir(out, { field: "--out", keep: [file] });
    const started = performance.now();
    const bar = progressBar(`${scenario.name} seed ${seed}`, sim.horizon, "months");
    sim.run((done) => bar.update(done));
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    const report = values["no-report"] ? undefined : (tmp: string) => writeReport(tmp, { title: `relocsim run: ${scenario.name}, seed ${seed}` });
    const dir = await writeRunResults(results, sim, { version: VERSION, seconds }, { beforeCommit: report });
    if (!quiet) {
      const s = sim.summary().all ?? {};
      const fmt = (m: string, d = 3) => (s[m] === undefined ? "n/a" : s[m]!.toFixed(d));
      process.stdout.write(
        `${scenario.name}: ${households.toLocaleString("en")} households in ${sim.state.sites.count.toLocaleString("en")} sites, ${sim.horizon} months, seed ${seed}, ${formatSeconds(seconds)}\n` +
          `  at ${lastDate(sim)}: employment rate ${fmt("employment_rate")}, per-capita income ${fmt("per_capita_income", 0)} yuan/yr, poverty rate ${fmt("poverty_rate")}, integration ${fmt("integration_index")}, occupancy ${fmt("occupancy_rate")}\n` +
          `  wrote ${dir}/{metrics.csv,summary.json,manifest.json${values["no-report"] ? "" : ",report.html,charts/"}}\n`,
      );
    }
    return 0;
  },
};

function lastDate(sim: Simulation): string {
  const rows = sim.results();
  return rows.length ? rows[rows.length - 1]!.date : "start";
}

/** Errors found in a scenario file are reported with the file's name. */
export function withFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputErrors) throw new InputErrors(e.errors, file);
    if (e instanceof InputError) throw new InputErrors([e], file);
    throw e;
  }
}

export { isInputError };
