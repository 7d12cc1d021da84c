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
      "Read a results directory written by `relocsim run` or `relocsim compare` (metrics.csv,\nsummary.json, manifest.json and, for comparisons, effects.csv) and write into it a\nself-contained report.html (opens offline; charts are interactive) and charts/<name>.svg\nand .png (for papers).",
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
