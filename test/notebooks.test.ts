import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relocsimAsync, relocsimHere } from "../packages/cli/test/relocsim.ts";
import { buildFromSource, buildNotebook, notebookSources } from "../scripts/build-notebooks.ts";
import { CHART_MIME, KERNEL_NAME, failureText, jupyterCommand, notebookNames, runNotebooks, type NotebookRun } from "../scripts/notebooks.ts";

const root = resolve(import.meta.dirname, "..");
const TUTORIAL = ["01-first-simulation", "02-paper-strategies", "03-your-own-policy", "04-inside-the-model", "05-sensitivity-and-calibration"];

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  text?: string | string[];
}
interface Notebook {
  cells: { cell_type: string; source: string | string[]; outputs?: Output[]; execution_count?: number | null }[];
  metadata: { kernelspec?: { name: string } };
  nbformat: number;
  nbformat_minor: number;
}
const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Notebook;
const text = (x: string | string[] | undefined) => (Array.isArray(x) ? x.join("") : (x ?? ""));

describe("notebooks/ as committed", () => {
  it("are the five tutorial notebooks, in order, each built from notebooks/src", () => {
    expect(notebookNames()).toEqual(TUTORIAL);
    expect(notebookSources()).toEqual(TUTORIAL);
  });

  it.each(TUTORIAL)("%s.ipynb equals its build from notebooks/src (npx tsx scripts/build-notebooks.ts)", (name) => {
    expect(readFileSync(join(root, "notebooks", `${name}.ipynb`), "utf8")).toBe(buildFromSource(name));
  });

  it.each(TUTORIAL)("%s.ipynb is nbformat 4 on the relocsim-deno kernel, outputs cleared, no machine paths", (name) => {
    const raw = readFileSync(join(root, "notebooks", `${name}.ipynb`), "utf8");
    const nb = read(join(root, "notebooks", `${name}.ipynb`));
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec?.name).toBe(KERNEL_NAME);
    for (const cell of nb.cells.filter((c) => c.cell_type === "code")) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
    expect(raw).not.toMatch(/\/(work|home|root|tmp|Users)\/|[A-Z]:\\\\/);
  });
});

describe("05-sensitivity-and-calibration names the full-size commands", () => {
  it("each `pnpm relocsim <command> <file> --flags` of its text is a command that takes those flags, on a file that exists", async () => {
    const nb = read(join(root, "notebooks", "05-sensitivity-and-calibration.ipynb"));
    const markdown = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => text(c.source)).join("\n");
    const lines = [...markdown.matchAll(/^pnpm relocsim (\S+) (\S+)(.*)$/gm)];
    expect(lines.map((m) => m[1])).toEqual(expect.arrayContaining(["sensitivity", "calibrate", "compare"]));
    for (const [line, command, file, rest] of lines) {
      expect(existsSync(join(root, file!)) || /posterior\.csv$/.test(file!), `${line}: ${file} does not exist`).toBe(true);
      const help = await relocsimHere(command!, "--help");
      expect(help.code, `${line}: ${help.stderr}`).toBe(0);
      for (const flag of rest!.match(/--[a-z-]+/g) ?? []) expect(help.stdout, `${line}: ${command} has no ${flag}`).toContain(flag);
    }
    // calibrate writes results/calibration-historical/posterior.csv; compare reads the committed
    // posterior that an earlier such run produced (its manifest names the command), and it exists.
    expect(markdown).toContain("results/calibration-historical/posterior.csv, fit.csv");
    const committed = "packages/core/data/posterior/historical/posterior.csv";
    expect(markdown).toContain(`pnpm relocsim compare scenarios/paper-strategies.json --posterior ${committed}`);
    expect(existsSync(join(root, committed))).toBe(true);
  });
});

describe("notebooks:kernel", () => {
  it("installs a kernelspec that Jupyter lists, started by the workspace's deno", () => {
    const dir = mkdtempSync(join(tmpdir(), "relocsim-kernel-"));
    try {
      const r = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/notebooks.ts", "kernel", "--dir", dir], { cwd: root, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const jupyter = spawnSync(jupyterCommand(), ["kernelspec", "list", "--json"], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: dir } });
      expect(jupyter.status, jupyter.stderr).toBe(0);
      const spec = JSON.parse(jupyter.stdout).kernelspecs[KERNEL_NAME];
      expect(spec.resource_dir).toBe(join(dir, "kernels", KERNEL_NAME));
      expect(spec.spec.argv.slice(1)).toEqual(["jupyter", "--kernel", "--conn", "{connection_file}"]);
      const version = spawnSync(spec.spec.argv[0], ["--version"], { encoding: "utf8" });
      expect(version.stdout).toMatch(/^deno 2\.9\.6 /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("runNotebooks (pnpm notebooks)", () => {
  it("fails a notebook whose cell throws, naming the cell and the error, and stops there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relocsim-failing-"));
    try {
      const source = "# A failing notebook\n\n```ts\nconst x = 1;\n```\n\n```ts\nthrow new Error(`boom ${x}`);\n```\n\n```ts\nconsole.log(\"never\");\n```\n";
      writeFileSync(join(dir, "01-failing.ipynb"), buildNotebook(source));
      const [run] = await runNotebooks({ dir, outDir: join(dir, "out") });
      expect(run!.ok).toBe(false);
      expect(failureText(run!.log)).toContain("throw new Error(`boom ${x}`);");
      expect(failureText(run!.log)).toContain("boom 1");
      expect(run!.log).not.toContain("never");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("keeps outputs the Deno kernel publishes after a cell's idle status (each in its own cell)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relocsim-late-"));
    try {
      // Bare Deno.jupyter.display with nothing after it: the case where the kernel can report
      // the cell idle before the output is sent (several in 40 without the preprocessor).
      const cells = Array.from({ length: 40 }, (_, i) =>
        `\`\`\`ts\nawait Deno.jupyter.display({ "image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg'><!--" + "x".repeat(${(i % 4) + 1}e5) + "--></svg>", "text/plain": "chart ${i}" }, { raw: true });\nconsole.log("cell ${i}");\n\`\`\``);
      writeFileSync(join(dir, "01-late.ipynb"), buildNotebook(`# Late outputs\n\n${cells.join("\n\n")}\n`));
      const [run] = await runNotebooks({ dir, outDir: join(dir, "out") });
      expect(run!.ok, failureText(run!.log)).toBe(true);
      const code = read(run!.output).cells.filter((c) => c.cell_type === "code");
      code.forEach((c, i) => {
        expect(c.outputs!.map((o) => o.output_type).sort()).toEqual(["display_data", "stream"]);
        expect(text(c.outputs!.find((o) => o.output_type === "display_data")!.data!["text/plain"] as string)).toBe(`chart ${i}`);
        expect(text(c.outputs!.find((o) => o.output_type === "stream")!.text)).toBe(`cell ${i}\n`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Notebook 02 names the command whose numbers it shows: `pnpm relocsim compare … --replications N --seed S`. */
function compareCommandOf(nb: Notebook): string[] {
  const markdown = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => text(c.source)).join("\n");
  const m = /pnpm relocsim (compare [^\n`]+)/.exec(markdown);
  if (!m) throw new Error("notebook 02 names no `pnpm relocsim compare` command");
  return m[1]!.trim().split(/\s+/);
}

describe("pnpm notebooks (headless, nbconvert on the Deno kernel)", () => {
  const outDir = mkdtempSync(join(tmpdir(), "relocsim-notebooks-"));
  const committed02 = read(join(root, "notebooks", "02-paper-strategies.ipynb"));
  const compareArgs = compareCommandOf(committed02);
  let runs: NotebookRun[] = [];
  let compareStdout = "";
  beforeAll(async () => {
    // The command line's comparison runs beside the notebooks (it uses worker threads).
    const cli = relocsimAsync([...compareArgs, "--no-report", "--out", join(outDir, "compare")]);
    runs = await runNotebooks({ outDir });
    const done = await cli;
    if (done.code !== 0) throw new Error(`relocsim ${compareArgs.join(" ")} failed:\n${done.stderr}`);
    compareStdout = done.stdout;
  }, 900_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it.each(TUTORIAL)("%s runs top to bottom without an error", (name) => {
    const run = runs.find((r) => r.name === name);
    expect(run, `${name} was not run`).toBeDefined();
    expect(run!.ok, failureText(run!.log)).toBe(true);
    expect(run!.errors).toBe(0);
    const nb = read(run!.output);
    for (const cell of nb.cells.filter((c) => c.cell_type === "code")) expect(cell.execution_count).toBeGreaterThan(0);
  });

  it.each(TUTORIAL)("%s shows its charts (Vega-Lite with an SVG rendering)", (name) => {
    const run = runs.find((r) => r.name === name)!;
    const nb = read(run.output);
    const charts = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => Object.keys(o.data ?? {}).some((m) => CHART_MIME.test(m)));
    // One chart per `await show(...)` in the code: none may go missing.
    const shows = nb.cells.filter((c) => c.cell_type === "code").map((c) => text(c.source).match(/\bawait show\(/g)?.length ?? 0).reduce((a, b) => a + b, 0);
    expect(shows).toBeGreaterThanOrEqual(1);
    expect(charts.length).toBe(shows);
    expect(run.charts).toBe(shows);
    for (const chart of charts) {
      expect(Object.keys(chart.data!)).toEqual(expect.arrayContaining(["application/vnd.vegalite.v5+json", "image/svg+xml"]));
      expect(text(chart.data!["image/svg+xml"] as string | string[])).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    }
  });

  it("05-sensitivity-and-calibration stays sized for CI: at most 300,000 household-runs of the model in all", () => {
    // Sized by work, not by the clock: every batch of model runs prints "N runs of H households".
    // About 25 s on a loaded 2-core machine at its present size.
    const run = runs.find((r) => r.name === "05-sensitivity-and-calibration")!;
    expect(run.ok, failureText(run.log)).toBe(true);
    const printed = read(run.output).cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "stream").map((o) => text(o.text!)).join("");
    const batches = [...printed.matchAll(/(\d+) runs of (\d+) households/g)].map((m) => Number(m[1]) * Number(m[2]));
    // The calibration's runs, counted as "N model runs", are at the notebook's SCALE.
    const scale = Number(/const SCALE = (\d+);/.exec(read(run.output).cells.map((c) => text(c.source)).join("\n"))?.[1]);
    const abcRuns = [...printed.matchAll(/(\d+) model runs/g)].map((m) => Number(m[1]) * scale);
    expect(batches.length).toBeGreaterThanOrEqual(2); // the Morris and the Sobol designs
    expect(abcRuns).toHaveLength(1);
    const total = [...batches, ...abcRuns].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total, `${total} household-runs`).toBeLessThanOrEqual(300_000);
  });

  it("02-paper-strategies shows the effects `pnpm relocsim compare` prints for the same comparison, replications and seed", () => {
    const source = committed02.cells.filter((c) => c.cell_type === "code").map((c) => text(c.source)).join("\n");
    const replications = /const REPLICATIONS = (\d+);/.exec(source)?.[1];
    const seed = /const SEED = (\d+);/.exec(source)?.[1];
    expect(compareArgs.slice(0, 2)).toEqual(["compare", "scenarios/paper-strategies.json"]);
    expect(compareArgs.join(" ")).toContain(`--replications ${replications}`);
    expect(compareArgs.join(" ")).toContain(`--seed ${seed}`);
    expect(source).toContain('loadComparison("../scenarios/paper-strategies.json")');

    // Every effects table the notebook prints for all households (the by-site one is its own).
    const run = runs.find((r) => r.name === "02-paper-strategies")!;
    const printed = read(run.output).cells
      .filter((c) => c.cell_type === "code" && /effects(Table|OverTime)\(/.test(text(c.source)) && !/group:/.test(text(c.source)))
      .flatMap((c) => c.outputs ?? [])
      .filter((o) => o.output_type === "stream")
      .map((o) => text(o.text).trimEnd());
    expect(printed.length).toBeGreaterThanOrEqual(2);
    for (const name of ["baseline", "historical", "livelihood-linkage", "policy-supplements", "development-policies", "full-strategy"]) {
      expect(printed.join("\n")).toContain(`  ${name} `);
    }
    for (const block of printed) expect(compareStdout).toContain(block);
  });
});

