/**
 * The notebooks' two commands (see notebooks/README.md):
 *
 *   pnpm notebooks:kernel [--dir <jupyter data dir>]
 *       Install the "relocsim-deno" Jupyter kernelspec: the workspace's own deno (npm package
 *       `deno`, a devDependency) started as `deno jupyter --kernel`. By default into your user
 *       Jupyter data directory, where JupyterLab, Notebook and VS Code find it.
 *
 *   pnpm notebooks [name ...] [--out <dir>] [--jobs <n>]
 *       Execute notebooks headlessly with Jupyter's nbconvert on that kernel (installed into a
 *       temporary JUPYTER_PATH, so nothing of yours is touched) and write the executed copies,
 *       with their outputs, to --out (default out/notebooks). Exits 1 if any cell throws.
 *       Names select notebooks by prefix ("02" or "02-paper-strategies"); default all.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NOTEBOOK_DIR = join(ROOT, "notebooks");
export const KERNEL_NAME = "relocsim-deno";
const DISPLAY_NAME = "TypeScript (relocsim, Deno)";

/** MIME types of a chart in a notebook's outputs (notebooks/lib/display.ts writes the first two). */
export const CHART_MIME = /^(application\/vnd\.vegalite\.v\d+\+json|image\/svg\+xml|image\/png)$/;

/** The deno executable of the workspace's `deno` npm package. */
export function denoPath(): string {
  const exeName = process.platform === "win32" ? "deno.exe" : "deno";
  // The workspace's node_modules/deno (a stable path across reinstalls of the same version).
  const local = join(ROOT, "node_modules", "deno", exeName);
  if (existsSync(local)) return local;
  const require = createRequire(join(ROOT, "package.json"));
  let pkg: string;
  try {
    pkg = dirname(require.resolve("deno/package.json"));
  } catch {
    throw new Error("the npm package deno is not installed: run pnpm install at the repository root");
  }
  const exe = join(pkg, exeName);
  if (existsSync(exe)) return exe;
  // deno's postinstall copies the platform binary into the package; when build scripts were
  // skipped, its own installer API finds the binary in the platform package (@deno/<platform>).
  const api = require(join(pkg, "install_api.cjs")) as { runInstall(): string };
  return api.runInstall();
}

function kernelJson(deno: string): string {
  return JSON.stringify({
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: DISPLAY_NAME,
    language: "typescript",
  }, null, 2) + "\n";
}

/** Write the kernelspec into <dataDir>/kernels/relocsim-deno; returns its directory. */
export function installKernel(dataDir: string): string {
  const dir = join(dataDir, "kernels", KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kernel.json"), kernelJson(denoPath()));
  return dir;
}

/** Debian's jupyter (on /usr/bin/python3) when present: a pyenv or venv python first on PATH may lack nbconvert. */
export function jupyterCommand(): string {
  if (process.env.RELOCSIM_JUPYTER) return process.env.RELOCSIM_JUPYTER;
  return existsSync("/usr/bin/jupyter") ? "/usr/bin/jupyter" : "jupyter";
}

function userDataDir(): string {
  const r = spawnSync(jupyterCommand(), ["--data-dir"], { encoding: "utf8" });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  if (process.platform === "darwin") return join(homedir(), "Library", "Jupyter");
  if (process.platform === "win32") return join(process.env.APPDATA ?? homedir(), "jupyter");
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "jupyter");
}

/** The tutorial notebooks, in order (file names without .ipynb). */
export function notebookNames(dir = NOTEBOOK_DIR): string[] {
  return readdirSync(dir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).map((f) => f.slice(0, -6)).sort();
}

export interface NotebookRun {
  name: string;
  ok: boolean;
  seconds: number;
  /** Display outputs carrying a chart (Vega-Lite, SVG or PNG). */
  charts: number;
  /** Outputs of type "error". */
  errors: number;
  /** The executed notebook (with outputs). */
  output: string;
  /** nbconvert's log (on failure it holds the failing cell and its error). */
  log: string;
}

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
}

/** Count the chart displays and error outputs of an executed notebook. */
export function inspectNotebook(file: string): { charts: number; errors: number } {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { outputs?: Output[] }[] };
  let charts = 0;
  let errors = 0;
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error") errors++;
      if ((o.output_type === "display_data" || o.output_type === "execute_result") && Object.keys(o.data ?? {}).some((m) => CHART_MIME.test(m))) charts++;
    }
  }
  return { charts, errors };
}

function execute(dir: string, name: string, outDir: string, env: NodeJS.ProcessEnv): Promise<NotebookRun> {
  const started = performance.now();
  // nbconvert's --execute, with its preprocessor swapped for one that keeps the outputs the
  // Deno kernel publishes after a cell's idle status (see scripts/deno_outputs.py).
  const args = [
    "nbconvert", "--to", "notebook",
    "--NotebookExporter.preprocessors=deno_outputs.DenoExecutePreprocessor",
    `--DenoExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    "--DenoExecutePreprocessor.timeout=1800",
    "--output-dir", outDir, "--output", `${name}.ipynb`,
    join(dir, `${name}.ipynb`),
  ];
  return new Promise((done) => {
    const child = spawn(jupyterCommand(), args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    const finish = (code: number | null, spawnError?: Error) => {
      const output = join(outDir, `${name}.ipynb`);
      const seen = code === 0 && existsSync(output) ? inspectNotebook(output) : { charts: 0, errors: 0 };
      if (spawnError) log += `\ncould not start ${jupyterCommand()}: ${spawnError.message} (install Jupyter's nbconvert: see notebooks/README.md)`;
      done({ name, ok: code === 0 && seen.errors === 0, seconds: (performance.now() - started) / 1000, ...seen, output, log });
    };
    child.on("error", (e) => finish(null, e));
    child.on("close", (code) => finish(code));
  });
}

export interface RunOptions {
  names?: readonly string[];
  /** Folder of the notebooks (the kernel starts there). @default notebooks/ */
  dir?: string;
  outDir?: string;
  jobs?: number;
  onDone?: (run: NotebookRun) => void;
}

/** Execute notebooks headlessly (a private kernelspec in a temporary JUPYTER_PATH). */
export async function runNotebooks(options: RunOptions = {}): Promise<NotebookRun[]> {
  const dir = resolve(options.dir ?? NOTEBOOK_DIR);
  const all = notebookNames(dir);
  const wanted = options.names?.length ? options.names : all;
  const names: string[] = [];
  for (const w of wanted) {
    const key = basename(w).replace(/\.ipynb$/, "");
    const hit = all.filter((n) => n.startsWith(key));
    if (hit.length !== 1) throw new Error(`invalid notebook: "${w}" (expected one of ${all.join(", ")}, or a prefix of exactly one)`);
    if (!names.includes(hit[0]!)) names.push(hit[0]!);
  }
  const outDir = resolve(options.outDir ?? join(ROOT, "out", "notebooks"));
  mkdirSync(outDir, { recursive: true });
  const jupyterPath = mkdtempSync(join(tmpdir(), "relocsim-jupyter-"));
  try {
    installKernel(jupyterPath);
    const env = {
      ...process.env,
      JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(delimiter),
      PYTHONPATH: [join(ROOT, "scripts"), process.env.PYTHONPATH].filter(Boolean).join(delimiter),
      // Plain text results (deno colours its inspected values otherwise).
      NO_COLOR: "1",
    };
    const runs: NotebookRun[] = new Array(names.length);
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        runs[i] = await execute(dir, names[i]!, outDir, env);
        options.onDone?.(runs[i]!);
      }
    };
    const jobs = Math.max(1, Math.min(options.jobs ?? 1, names.length));
    await Promise.all(Array.from({ length: jobs }, worker));
    return runs;
  } finally {
    rmSync(jupyterPath, { recursive: true, force: true });
  }
}

/** nbconvert's log without Python's traceback: the failing cell and the error it raised. */
export function failureText(log: string): string {
  const i = log.indexOf("An error occurred while executing the following cell");
  return (i >= 0 ? log.slice(i) : log).trim();
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`invalid ${name}: missing value`);
  argv.splice(i, 2);
  return v;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "kernel") {
    const dir = option(rest, "--dir");
    if (rest.length) throw new Error(`invalid argument: ${rest[0]} (expected --dir <jupyter data dir>)`);
    const where = installKernel(dir ? resolve(dir) : userDataDir());
    process.stdout.write(`installed the Jupyter kernel "${DISPLAY_NAME}" (${KERNEL_NAME}) in ${where}\n`);
    if (dir) process.stdout.write(`add ${resolve(dir)} to JUPYTER_PATH so Jupyter finds it\n`);
    process.stdout.write(`open the notebooks with: jupyter lab notebooks/   (or jupyter notebook, or VS Code)\n`);
    return 0;
  }
  if (command === "run") {
    const outDir = option(rest, "--out");
    const jobsText = option(rest, "--jobs");
    const jobs = jobsText === undefined ? 1 : Number(jobsText);
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`invalid --jobs: ${jobsText} (expected a whole number from 1)`);
    const unknown = rest.find((a) => a.startsWith("--"));
    if (unknown) throw new Error(`invalid option: ${unknown} (expected --out <dir> or --jobs <n>)`);
    const started = performance.now();
    const runs = await runNotebooks({
      names: rest,
      outDir,
      jobs,
      onDone: (r) => {
        process.stdout.write(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.charts} chart${r.charts === 1 ? "" : "s"}\n`);
        if (!r.ok) process.stdout.write(failureText(r.log) + "\n");
      },
    });
    const failed = runs.filter((r) => !r.ok).length;
    process.stdout.write(`${runs.length - failed} notebooks ran, ${failed} failed, in ${((performance.now() - started) / 1000).toFixed(0)} s; executed copies in ${dirname(runs[0]!.output)}\n`);
    return failed ? 1 : 0;
  }
  process.stderr.write("usage: tsx scripts/notebooks.ts kernel [--dir <jupyter data dir>]\n       tsx scripts/notebooks.ts run [name ...] [--out <dir>] [--jobs <n>]\n");
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`notebooks: ${(e as Error).message}\n`);
      process.exit(2);
    },
  );
}
