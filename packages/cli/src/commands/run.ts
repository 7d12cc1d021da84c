import { createSimulation, InputError, InputErrors, isInputError, type Simulation } from "@relocsim/core";
import { experimentSpec, SITE_GROUPS, saveCheckpoint, checkCheckpointTarget, readCheckpoint, continueSimulation, branchSimulation } from "@relocsim/core/engine";
import { openResultsDir, writeRunResults, type ContinuedFrom } from "@relocsim/core/results";
import { parse, intFlag, specFlag, specValue, helpText, type Flags } from "../args.js";
import { progressBar, formatSeconds } from "../progress.js";
import { readScenarioFile } from "../scenarioFile.js";
import { VERSION } from "../version.js";
import { writeReport } from "../writeReport.js";

const { seed: seedSpec, scale: scaleSpec, groups: groupsSpec } = experimentSpec.fields;
const flags: Flags = {
  seed: specFlag(seedSpec, "seed of the run", "N"),
  scale: specFlag(scaleSpec, "households simulated", "S"),
  groups: specFlag(groupsSpec, "groups written, in this order (household: and residence: groups are collected only when listed: a second pass over the households)", "LIST", SITE_GROUPS.join(",")),
  threads: { type: "string", value: "N", help: "threads stepping the simulation (same results for any N; helps from province scale)", default: "1" },
  checkpoint: { type: "string", value: "FILE", help: "save the whole simulation state to FILE (atomically) every --checkpoint-every months" },
  "checkpoint-every": { type: "string", value: "N", help: "months between checkpoints (with --checkpoint)", default: "12" },
  resume: { type: "string", value: "FILE", help: "continue the run a checkpoint was saved of (no scenario file; same results as never interrupted)" },
  from: { type: "string", value: "FILE", help: "start the scenario from another scenario's checkpoint (a what-if branch; same population needed)" },
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim (then replaced)", default: "results/<scenario>" },
  "no-report": { type: "boolean", help: "skip report.html and charts/ (faster)" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const runCommand = {
  name: "run",
  summary: "run one scenario with one seed; write metrics.csv, metrics.parquet, summary.json, manifest.json",
  help: () =>
    helpText(
      "relocsim run <scenario.json> [--seed N] [--scale county|province|national|<households>] [--threads N] [--out DIR]\n" +
        "       [--checkpoint FILE [--checkpoint-every N]] [--from FILE]\n       relocsim run --resume FILE [--threads N] [--out DIR]",
      "Run one scenario with one seed to its horizon (monthly steps) and write:\n  metrics.csv    tidy rows: scenario,replicate,seed,step,date,group,metric,value\n  metrics.parquet the same rows, typed columns (DuckDB, pandas, polars)\n  summary.json   every metric at the horizon, by group\n  manifest.json  scenario hash, seed, version, scale, timings\n  report.html    charts of the run (opens offline), with charts/*.svg and *.png",
      flags,
      "Checkpoints:\n" +
        "  --checkpoint FILE writes the whole state (every column, the rows so far, the scenario, seed and scale;\n" +
        "  draws are keyed by month and entity, so there are no stream positions to keep) every N months and at\n" +
        "  the horizon, replacing the last checkpoint.\n" +
        "  --resume FILE continues that run (and keeps checkpointing to FILE); its metrics.csv is byte for byte\n" +
        "  that of the run never interrupted, with any --threads. A truncated, corrupt or incompatible\n" +
        "  checkpoint is refused.\n" +
        "  --from FILE is a what-if branch: the scenario continues from the checkpoint's month with its own\n" +
        "  parameters and time expressions (the checkpoint's seed and scale). Rows up to that month are the\n" +
        "  checkpoint's history. Refused unless both scenarios have the same population (every population.*\n" +
        "  parameter and horizon.start). To branch in 2021-01, checkpoint a run whose horizon ends in 2020-12.\n\n" +
        "Example:\n  pnpm relocsim run scenarios/baseline.json --seed 7 --scale county --out results/baseline\n" +
        "  pnpm relocsim run scenarios/baseline.json --checkpoint base.ckpt --checkpoint-every 12\n  pnpm relocsim run --resume base.ckpt",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 0, max: 1, names: "exactly one scenario file: relocsim run <scenario.json> (or relocsim run --resume FILE)" });
    if (values.help) return (process.stdout.write(runCommand.help()), 0);
    const threads = intFlag(values, "threads", 1, 1, 64);
    const resume = values.resume as string | undefined;
    const started = performance.now();
    // Every flag and file is checked (the out directory too) before the population is built:
    // at national scale that takes a minute, too long to wait for a refusal.
    let name: string;
    let start: () => Simulation;
    let inputs: string[];
    let continuedFrom: ContinuedFrom | undefined;
    let every = values["checkpoint-every"] === undefined ? undefined : intFlag(values, "checkpoint-every", 12, 1, 100_000);
    let checkpoint = values.checkpoint as string | undefined;
    if (resume !== undefined) {
      const flag = ["seed", "scale", "groups", "from"].find((f) => values[f] !== undefined);
      const clash = positionals.length ? "scenario file" : flag && `--${flag}`;
      if (clash) throw new InputError("--resume", resume, `no ${clash} with it (the checkpoint holds the scenario, seed, scale and groups)`);
      const saved = readCheckpoint(resume, { field: "--resume" });
      name = saved.scenario.name;
      continuedFrom = { how: "resume", checkpoint: resume, scenario: saved.scenario.name, scenarioHash: saved.scenario.hash, step: saved.snapshot.stepsDone };
      start = () => continueSimulation(saved.scenario, saved.snapshot, { threads });
      // A resumed run keeps checkpointing where and as often as the interrupted one did.
      checkpoint ??= resume;
      every ??= saved.every;
      inputs = [resume];
    } else {
      if (!positionals.length) throw new InputError("arguments", "(none)", "exactly one scenario file: relocsim run <scenario.json> (or relocsim run --resume FILE)");
      const file = positionals[0]!;
      const scenario = withFile(file, () => readScenarioFile(file));
      name = scenario.name;
      const from = values.from as string | undefined;
      if (from !== undefined) {
        const saved = readCheckpoint(from, { field: "--from" });
        continuedFrom = { how: "from", checkpoint: from, scenario: saved.scenario.name, scenarioHash: saved.scenario.hash, step: saved.snapshot.stepsDone };
        start = () => {
          const sim = branchSimulation(from, scenario, { threads, field: "--from", read: saved });
          for (const [flag, mine] of [["seed", sim.seed], ["scale", sim.households]] as const) {
            const given = flag === "seed" ? specValue(values, "seed", seedSpec) : specValue(values, "scale", scaleSpec);
            if (given !== undefined && given !== mine) throw new InputError(`--${flag}`, values[flag], `the checkpoint's ${flag}, ${mine}, or none (--from continues its state)`);
          }
          const groups = specValue<string[]>(values, "groups", groupsSpec);
          if (groups !== undefined && groups.join(",") !== sim.groups.join(",")) throw new InputError("--groups", values.groups, `the checkpoint's groups, ${sim.groups.join(",")}, or none (--from continues its rows)`);
          return sim;
        };
        inputs = [file, from];
      } else {
        const seed = specValue(values, "seed", seedSpec) ?? seedSpec.default;
        const households = specValue(values, "scale", scaleSpec) ?? scaleSpec.default;
        const groups = specValue<string[]>(values, "groups", groupsSpec);
        start = () => withFile(file, () => createSimulation(scenario, { seed, scale: households, threads, ...(groups && { groups }) }));
        inputs = [file];
      }
    }
    if (every !== undefined && checkpoint === undefined) throw new InputError("--checkpoint-every", values["checkpoint-every"], "a --checkpoint FILE to write to");
    if (checkpoint !== undefined) {
      checkCheckpointTarget(checkpoint, "--checkpoint");
      every ??= 12;
    }
    const out = (values.out as string | undefined) ?? `results/${name}`;
    const quiet = Boolean(values.quiet);
    const results = openResultsDir(out, { field: "--out", keep: [...inputs, ...(checkpoint === undefined ? [] : [checkpoint])] });
    const sim = start();
    const bar = progressBar(`${name} seed ${sim.seed}`, sim.horizon, "months", { from: sim.stepsDone, quiet });
    const save = (done: number) => {
      if (checkpoint !== undefined && (done % every! === 0 || done === sim.horizon)) saveCheckpoint(sim, checkpoint, { field: "--checkpoint", every });
    };
    sim.run((done) => {
      save(done);
      bar.update(done);
    });
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    const report = values["no-report"] ? undefined : (tmp: string) => writeReport(tmp, { title: `relocsim run: ${name}, seed ${sim.seed}` });
    const dir = await writeRunResults(results, sim, { version: VERSION, seconds, ...(continuedFrom && { continuedFrom }) }, { beforeCommit: report });
    if (!quiet) {
      const s = sim.summary().all ?? {};
      const fmt = (m: string, d = 3) => (s[m] === undefined ? "n/a" : s[m]!.toFixed(d));
      const how = resume !== undefined ? ` (resumed from ${resume})` : values.from !== undefined ? ` (from ${values.from as string})` : "";
      process.stdout.write(
        `${name}: ${sim.households.toLocaleString("en")} households in ${sim.state.sites.count.toLocaleString("en")} sites, ${sim.horizon} months, seed ${sim.seed}${how}, ${formatSeconds(seconds)}\n` +
          `  at ${lastDate(sim)}: employment rate ${fmt("employment_rate")}, per-capita income ${fmt("per_capita_income", 0)} yuan/yr, poverty rate ${fmt("poverty_rate")}, integration ${fmt("integration_index")}, occupancy ${fmt("occupancy_rate")}\n` +
          `  wrote ${dir}/{metrics.csv,metrics.parquet,summary.json,manifest.json${values["no-report"] ? "" : ",report.html,charts/"}}${checkpoint === undefined ? "" : ` and checkpoint ${checkpoint}`}\n`,
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
