import { join } from "node:path";
import { writeFailure } from "@relocsim/core/results";
import { writeReport } from "../writeReport.js";
import { parse, helpText, type Flags } from "../args.js";

const flags: Flags = {
  "no-png": { type: "boolean", help: "write SVG charts only (no PNG)" },
  title: { type: "string", value: "TEXT", help: "title of report.html", default: "relocsim report: <directory name>" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const reportCommand = {
  name: "report",
  summary: "write report.html and charts/*.svg|png for a results directory",
  help: () =>
    helpText(
      "relocsim report <results-dir> [--no-png] [--title TEXT]",
      "Read a results directory and write into it a self-contained report.html (opens offline;\n" +
        "charts are interactive) and charts/<name>.svg and .png (for papers). The directory of:\n" +
        "  run, compare     metrics.csv, summary.json, manifest.json, effects.csv (comparisons; with\n" +
        "                   --posterior both intervals and the parameter share of each effect)\n" +
        "  sweep            points.csv, outcomes.csv: tornado and heatmap charts, outcomes over the points\n" +
        "  sensitivity      indices.csv: each outcome's indices, as a chart and a table\n" +
        "  calibrate        posterior.csv, fit.csv, generations.csv: marginals, pairs and fit charts,\n" +
        "                   the fit and generations tables\n" +
        "  validate-model   validation.csv: targets and predictions, as charts and tables\n" +
        "(each of those commands writes it itself; this writes it again, e.g. with another --title\n" +
        "or after --no-report).",
      flags,
      "Example:\n  pnpm relocsim report results/paper-strategies",
    ),
  async main(argv: string[]): Promise<number> {
    const { values, positionals } = parse(argv, flags, { min: 1, max: 1, names: "exactly one results directory: relocsim report <results-dir>" });
    if (values.help) return (process.stdout.write(reportCommand.help()), 0);
    const dir = positionals[0]!;
    // writeReport reads the directory first (clear errors for a wrong one); a disk that is full
    // or read-only is the user's problem too, and each file is written atomically.
    const written = await writeReport(dir, { png: !values["no-png"], title: values.title as string | undefined }).catch((e: unknown) => {
      throw writeFailure(e, "results directory", dir, "writing the report") ?? e;
    });
    if (!values.quiet) process.stdout.write(`wrote ${written.html} and ${written.charts.length} charts in ${join(dir, "charts")}\n`);
    return 0;
  },
};
