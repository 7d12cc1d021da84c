import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isResultsDir, openResultsDir } from "../src/results/index.js";

const root = resolve(import.meta.dirname, "../../..");
const scratch = () => mkdtempSync(join(tmpdir(), "relocsim-resultsdir-"));
const manifest = (run: string) => JSON.stringify({ relocsim: "0.1.0", command: "run", run });
const result = (run: string) => ({ "manifest.json": manifest(run), "metrics.csv": `${run}\n` });
/** Which complete result a directory holds ("old", "new"), or what is wrong with it. */
function held(dir: string): string {
  if (!existsSync(dir)) return "absent";
  const names = readdirSync(dir).sort().join(",");
  if (names !== "manifest.json,metrics.csv") return `incomplete: ${names}`;
  const run = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).run;
  return readFileSync(join(dir, "metrics.csv"), "utf8") === `${run}\n` ? run : "mixed";
}
function oldResults(): { parent: string; dir: string } {
  const parent = scratch();
  const dir = join(parent, "out");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(result("old"))) writeFileSync(join(dir, name), text);
  return { parent, dir };
}

describe("openResultsDir(dir): what relocsim may replace", () => {
  it("accepts a new path, an empty directory and a directory relocsim wrote, and replaces the last", async () => {
    const parent = scratch();
    await openResultsDir(join(parent, "a", "b")).commit(result("new"));
    expect(held(join(parent, "a", "b"))).toBe("new");
    mkdirSync(join(parent, "empty"));
    await openResultsDir(join(parent, "empty")).commit(result("new"));
    expect(held(join(parent, "empty"))).toBe("new");
    const { dir, parent: p2 } = oldResults();
    await openResultsDir(dir).commit(result("new"));
    expect(held(dir)).toBe("new");
    expect(readdirSync(p2)).toEqual(["out"]);
  });

  const refused: Array<[string, (dir: string) => void, RegExp]> = [
    ["a directory with other files and no manifest", (d) => (mkdirSync(join(d, "sub"), { recursive: true }), writeFileSync(join(d, "notes.txt"), "x")), /it holds notes\.txt, sub and no relocsim manifest\.json; relocsim replaces only a directory it wrote itself/],
    ["a relocsim directory with a file relocsim did not write", (d) => (mkdirSync(d), writeFileSync(join(d, "manifest.json"), manifest("old")), writeFileSync(join(d, "mine.json"), "{}")), /it holds mine\.json, which relocsim did not write/],
    ["a regular file", (d) => writeFileSync(d, "x"), /it is a file/],
    ["a symbolic link", (d) => symlinkSync(tmpdir(), d), /it is a symbolic link/],
  ];
  for (const [what, make, message] of refused) {
    it(`refuses ${what} with an InputError and leaves it alone`, () => {
      const dir = join(scratch(), "out");
      make(dir);
      const before = readdirSync(join(dir, ".."));
      expect(() => openResultsDir(dir, { field: "--out" })).toThrow(message);
      expect(() => openResultsDir(dir, { field: "--out" })).toThrow(/^invalid --out: /);
      expect(readdirSync(join(dir, ".."))).toEqual(before);
    });
  }

  it("refuses a directory that holds a file to keep (the input of the run)", () => {
    const { dir } = oldResults();
    expect(() => openResultsDir(dir, { keep: [join(dir, "metrics.csv")] })).toThrow(/metrics\.csv is inside it and would be deleted/);
  });

  it("isResultsDir(dir) recognises relocsim's manifest only", () => {
    const { dir } = oldResults();
    expect(isResultsDir(dir)).toBe(true);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ name: "someone else's" }));
    expect(isResultsDir(dir)).toBe(false);
  });

  it("refuses an unwritable location before any work: /proc/x (where mkdir -p never returns) and a path under a file", () => {
    expect(() => openResultsDir("/proc/relocsim-x", { field: "--out" })).toThrow(/^invalid --out: "\/proc\/relocsim-x" \(expected a location relocsim can write: writing in \/proc failed/);
    const file = join(scratch(), "file");
    writeFileSync(file, "x");
    expect(() => openResultsDir(join(file, "out"), { field: "--out" })).toThrow(/a part of the path is a file, not a directory \(ENOTDIR\)/);
  });

  it("a failure while writing leaves the earlier results as they were and no temporary directory", async () => {
    const { parent, dir } = oldResults();
    const out = openResultsDir(dir);
    await expect(out.commit(result("new"), { beforeCommit: () => Promise.reject(Object.assign(new Error("full"), { code: "ENOSPC" })) })).rejects.toThrow(
      /writing the report failed, no space left on the device \(ENOSPC\)\); earlier results there are left as they were/,
    );
    expect(held(dir)).toBe("old");
    expect(readdirSync(parent)).toEqual(["out"]);
  });
});

describe("openResultsDir(dir).commit(files): the swap", () => {
  // A child process commits new results over old ones and is killed at a stage of the commit.
  const child = join(scratch(), "commit.mts");
  writeFileSync(
    child,
    `import { openResultsDir } from ${JSON.stringify(join(root, "packages/core/src/results/index.ts"))};
const [dir, stage] = process.argv.slice(2);
const kill = (at: string) => { if (at === stage) process.kill(process.pid, "SIGKILL"); };
await openResultsDir(dir).commit(${JSON.stringify(result("new"))}, { beforeCommit: async () => kill("write"), onSwap: kill });
`,
  );

  for (const stage of ["write", "aside", "in"]) {
    it(`a kill ${stage === "write" ? "while writing" : `after the ${stage} rename`} leaves either the old or the new result complete, and the next open puts the directory right`, () => {
      const { parent, dir } = oldResults();
      // node --import tsx: one process, so the pid killed is the pid in the directory names.
      const r = spawnSync(process.execPath, ["--import", "tsx", child, dir, stage], { cwd: root, encoding: "utf8" });
      expect(r.signal, r.stderr).toBe("SIGKILL");
      // Right after the kill: one complete result in place, or (between the renames) both complete beside it.
      const aside = join(parent, `.out.old-${r.pid}`), tmp = join(parent, `.out.tmp-${r.pid}`);
      if (stage === "write") expect(held(dir)).toBe("old");
      if (stage === "aside") expect([held(dir), held(aside), held(tmp)]).toEqual(["absent", "old", "new"]);
      if (stage === "in") expect([held(dir), held(aside)]).toEqual(["new", "old"]);
      // The next run's check cleans up after the dead process.
      openResultsDir(dir);
      expect(held(dir)).toBe(stage === "in" ? "new" : "old");
      expect(readdirSync(parent)).toEqual(["out"]);
    });
  }

  it("leaves temporary directories of live processes alone", () => {
    const { parent, dir } = oldResults();
    mkdirSync(join(parent, `.out.tmp-${process.ppid}`));
    openResultsDir(dir);
    expect(readdirSync(parent).sort()).toEqual([`.out.tmp-${process.ppid}`, "out"]);
  });
});
