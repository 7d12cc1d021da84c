import { resolve } from "node:path";
import { InputError, HEADLINE_METRICS } from "@relocsim/core";
import { assembleExperiment, experimentSpec, experimentTasks, planExperiment } from "@relocsim/core/engine";
import { describePlan, openResultsDir, openRunFiles, readRunFile, readShards } from "@relocsim/core/results";
import { loadComparison, displayPath } from "@relocsim/scenarios";
import { parse, specValue, helpText, type Flags } from "../args.js";
import { VERSION } from "../version.js";
import { withFile } from "./run.js";
import { writeComparison } from "./compare.js";

const flags: Flags = {
  out: { type: "string", value: "DIR", help: "results directory: new, empty, or written by relocsim (then replaced)", default: "results/<comparison name>" },
  show: { type: "string", value: "LIST", help: "outcomes printed, comma-separated (effects.csv has every one)", default: HEADLINE_METRICS.join(",") },
  "no-report": { type: "boolean", help: "do not write report.html and charts/" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const mergeCommand = {
  name: "merge",
  summary: "put the shards of a compare run on a batch cluster (--shard K/N) together into its results",
  help: () =>
    helpText(
      "relocsim merge <shard-dir>... [--out DIR] [--no-report]",
      "Read the directories written by `relocsim compare --shard K/N` (one per machine of a batch\n" +
        "cluster), check that they are finished shards of one experiment (same comparison file,\n" +
        "scenarios, seed, replications, scale and kept outcomes) holding every run exactly once,\n" +
        "and write the comparison's results as compare does: effects.csv, metrics.csv, metrics.parquet,\n" +
        "summary.json, manifest.json and report.html, identical to those of one compare run on one machine.\n" +
        "The comparison file the shards ran must be where they recorded it, unchanged.",
      flags,
      "Example (a Slurm array of N jobs, then one merge):\n" +
        "  relocsim compare x.json --shard $((SLURM_ARRAY_TASK_ID+1))/$N --out shards/$SLURM_ARRAY_TASK_ID\n" +
        "  relocsim merge shards/* --out results/x",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 1, max: Infinity, names: "the shards' directories: relocsim merge <shard-dir>..." });
    if (values.help) return (process.stdout.write(mergeCommand.help()), 0);
    const quiet = Boolean(values.quiet);
    const show = specValue<string[]>(values, "show", experimentSpec.fields.metrics) ?? [...HEADLINE_METRICS];

    // 1. The shards fit together, and the comparison they ran plans to the same experiment.
    const shards = readShards(positionals);
    const file = shards.manifest.comparisonFile as string;
    const comparison = loadComparison(file);
    const options = { ...comparison.options, ...(shards.manifest.settings as object) };
    const plan = withFile(displayPath(file), () => planExperiment({ ...options, baseline: comparison.baseline, scenarios: comparison.scenarios }));
    const now = describePlan(plan, { version: VERSION, command: "compare" });
    const differ = Object.keys(now).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(shards.plan[k]));
    if (differ.length) throw new InputError("comparison file", displayPath(file), "the comparison the shards ran", `it plans runs that differ from theirs in ${differ.join(", ")}`);
    const out = (values.out as string | undefined) ?? `results/${comparison.name}`;
    const results = openResultsDir(out, { field: "--out", keep: [file, ...positionals.map((d) => resolve(d))] });

    // 2. Every shard's runs into one store, then the results as a local run assembles them.
    const started = performance.now();
    const store = openRunFiles(results, plan, { version: VERSION, command: "merge", field: "--out" });
    for (const t of experimentTasks(plan)) if (!store.has(t.index)) store.save(t.index, readRunFile(shards.owner[t.index]!, t.index, plan, "shard directory"));
    const experiment = assembleExperiment(plan, store, { workers: plan.workers, seconds: (performance.now() - started) / 1000 });
    if (!quiet) process.stdout.write(`${comparison.name}: ${positionals.length} shards, ${store.total} runs merged\n`);
    await writeComparison(results, experiment, comparison, file, { report: !values["no-report"], quiet, show });
    return 0;
  },
};
