import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { workerFile } from "../src/kernel/startWorker.js";

/** A package directory with src/kernel/stepWorker.ts written at `sourceTime` and, if `builtAt`, a dist/ built then. */
function fixture(sourceTime: number, builtAt?: number) {
  const root = mkdtempSync(join(tmpdir(), "relocsim-worker-file-"));
  mkdirSync(join(root, "src/kernel"), { recursive: true });
  writeFileSync(join(root, "src/kernel/stepWorker.ts"), "");
  utimesSync(join(root, "src/kernel/stepWorker.ts"), sourceTime, sourceTime);
  utimesSync(join(root, "src/kernel"), sourceTime, sourceTime);
  if (builtAt !== undefined) {
    mkdirSync(join(root, "dist/kernel"), { recursive: true });
    writeFileSync(join(root, "dist/kernel/stepWorker.js"), "");
    writeFileSync(join(root, "dist/tsconfig.tsbuildinfo"), "{}");
    utimesSync(join(root, "dist/tsconfig.tsbuildinfo"), builtAt, builtAt);
  }
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  return { dirs: { src: new URL(url("src/")), dist: new URL(url("dist/")) }, url };
}

describe("workerFile(entry): the module a worker thread starts on", () => {
  it("workerFile(src/x.js) is dist/x.js when dist was built after every source file changed", () => {
    const { dirs, url } = fixture(1_000, 2_000);
    expect(workerFile(new URL("kernel/stepWorker.js", dirs.src), dirs).href).toBe(url("dist/kernel/stepWorker.js"));
  });

  it("workerFile(src/x.js) is the source src/x.ts when a source file changed after the build", () => {
    const { dirs, url } = fixture(3_000, 2_000);
    expect(workerFile(new URL("kernel/stepWorker.js", dirs.src), dirs).href).toBe(url("src/kernel/stepWorker.ts"));
  });

  it("workerFile(src/x.js) is the source src/x.ts when dist was never built", () => {
    const { dirs, url } = fixture(1_000);
    expect(workerFile(new URL("kernel/stepWorker.js", dirs.src), dirs).href).toBe(url("src/kernel/stepWorker.ts"));
  });

  it("workerFile(dist/x.js) is dist/x.js itself when the package runs compiled", () => {
    const { dirs, url } = fixture(3_000, 2_000);
    expect(workerFile(new URL(url("dist/kernel/stepWorker.js")), dirs).href).toBe(url("dist/kernel/stepWorker.js"));
  });
});
