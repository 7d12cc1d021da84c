// `pnpm relocsim`: the relocsim command from this repository. When every package's dist/ was
// built from its current sources (`pnpm build`), it runs the compiled command as the installed
// one does, in this process: the script starts node with `--conditions=relocsim-dist`, which
// makes the workspace packages resolve to their dist/ (package.json "exports"). Otherwise it
// runs the TypeScript sources through tsx, in a child process without that condition: about
// 2 s of CPU more for every command (tsx transpiles the sources and loads esbuild).
// Plain JavaScript, so that choosing costs nothing to transpile.
import { readdirSync, statSync } from "node:fs";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const PACKAGES = ["core", "scenarios", "report", "cli"];
const argv = process.argv.slice(2);

/** tsc -b's own test (as core's startWorker makes it): no source file newer than the build info of the last build. */
function built(name) {
  const pkg = fileURLToPath(new URL(`packages/${name}/`, root));
  const info = statSync(`${pkg}dist/tsconfig.tsbuildinfo`, { throwIfNoEntry: false });
  if (!info) return false;
  return readdirSync(`${pkg}src`, { recursive: true, encoding: "utf8" }).every((f) => statSync(`${pkg}src/${f}`).mtimeMs <= info.mtimeMs);
}

if (process.execArgv.includes("--conditions=relocsim-dist") && PACKAGES.every(built)) {
  const { main } = await import("../packages/cli/dist/main.js");
  main(argv);
} else {
  const source = fileURLToPath(new URL("packages/cli/src/main.ts", root));
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), source, ...argv], { stdio: "inherit" });
  // Ctrl-C reaches the command itself (same process group), which stops cleanly and exits 130:
  // this process waits for it. A signal sent to this process alone is passed on.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}
