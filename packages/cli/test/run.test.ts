import { describe, it, expect, beforeAll } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, existsSync, writeFileSync, readdirSync, copyFileSync, truncateSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relocsim, root } from "./relocsim.ts";

describe("relocsim run", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-cli-"));
  });

  it("relocsim run <scenario> writes metrics.csv, summary.json, manifest.json and the report", () => {
    const out = join(dir, "a");
    const r = relocsim("run", "scenarios/baseline.json", "--scale", "400", "--seed", "3", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["charts", "manifest.json", "metrics.csv", "metrics.parquet", "report.html", "summary.json"]);
    expect(readdirSync(join(out, "charts"))).toContain("trajectories.png");
    const csv = readFileSync(join(out, "metrics.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("scenario,replicate,seed,step,date,group,metric,value");
    expect(csv[1]).toMatch(/^baseline,0,3,1,2016-01,all,persons,\d+$/);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ scenario: "baseline", seed: 3, scale: 400 });
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.outcomes.all.employment_rate).toBeGreaterThan(0);
    expect(r.stdout).toContain("employment rate");
  });

  it("relocsim run twice with one seed gives byte-identical metrics.csv, also with --threads 2", () => {
    const a = join(dir, "d1"), b = join(dir, "d2"), c = join(dir, "d3");
    expect(relocsim("run", "scenarios/baseline.json", "--scale", "600", "--seed", "9", "--out", a, "-q", "--no-report").code).toBe(0);
    expect(relocsim("run", "scenarios/baseline.json", "--scale", "600", "--seed", "9", "--out", b, "-q", "--no-report").code).toBe(0);
    expect(relocsim("run", "scenarios/baseline.json", "--scale", "600", "--seed", "9", "--threads", "2", "--out", c, "-q", "--no-report").code).toBe(0);
    const csv = readFileSync(join(a, "metrics.csv"));
    expect(csv.equals(readFileSync(join(b, "metrics.csv")))).toBe(true);
    expect(csv.equals(readFileSync(join(c, "metrics.csv")))).toBe(true);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ["an unknown scale", ["--scale", "cuonty"], /invalid --scale: "cuonty" \(expected county, province, national or a whole number \(in \[1, 50000000\] households\)\); did you mean 'county'\?/],
    ["a misspelt flag", ["--sede", "3"], /invalid flag: "--sede" .*did you mean '--seed'\?/],
    ["a seed that is not a number", ["--seed", "x"], /invalid --seed: "x" \(expected a whole number/],
  ];
  for (const [what, args, message] of bad) {
    it(`relocsim run with ${what} exits 2 with a clear message and writes nothing`, () => {
      const out = join(dir, "bad-" + what.replace(/\W+/g, "-"));
      const r = relocsim("run", "scenarios/baseline.json", ...args, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }

  it("relocsim run with a bad scenario file names the file, the JSON path, the value and what was expected", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ name: "bad", params: { policies: { landRights: { enabeld: true } }, labour: { separationRate: 3 } } }));
    const out = join(dir, "bad-file");
    const r = relocsim("run", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: 2 problems`);
    expect(r.stderr).toContain("invalid params.policies.landRights.enabeld: true");
    expect(r.stderr).toContain("did you mean 'enabled'?");
    expect(r.stderr).toContain("invalid params.labour.separationRate: 3 (expected a number in [0, 1] per year)");
    expect(existsSync(out)).toBe(false);
  });

  it("relocsim run with malformed JSON names the file", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ \"name\": \"x\", ");
    const r = relocsim("run", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid scenario file: "${file}"`);
    expect(r.stderr).toContain("expected valid JSON");
  });

  it("relocsim --help lists every command and run --help documents every flag", () => {
    const top = relocsim("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("run");
    const help = relocsim("run", "--help");
    for (const flag of ["--seed", "--scale", "--threads", "--out", "--no-report", "--quiet", "--help"]) expect(help.stdout).toContain(flag);
  });

  it("relocsim with an unknown command suggests the nearest", () => {
    const r = relocsim("rnu");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'run'?");
  });
});

describe("relocsim run --out DIR", () => {
  const dir = mkdtempSync(join(tmpdir(), "relocsim-out-"));
  const run = (out: string, ...more: string[]) => relocsim("run", "scenarios/baseline.json", "--scale", "300", "--no-report", "-q", "--out", out, ...more);
  const noStack = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/\n\s+at /);

  it("refuses a directory it did not write (the issue's case: notes, a folder and the input file itself), exit 2, before any work, deleting nothing", () => {
    const v = join(dir, "v");
    mkdirSync(join(v, "sub"), { recursive: true });
    writeFileSync(join(v, "notes.txt"), "x\n");
    copyFileSync(join(root, "scenarios/baseline.json"), join(v, "s.json"));
    const r = relocsim("run", join(v, "s.json"), "--scale", "500", "--out", v);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --out: ".*v" \(expected a results directory apart from the input\); .*s\.json is inside it and would be deleted/);
    expect(r.stdout).toBe(""); // no progress: nothing ran
    noStack(r);
    expect(readdirSync(v).sort()).toEqual(["notes.txt", "s.json", "sub"]);
    const without = relocsim("run", "scenarios/baseline.json", "--scale", "500", "--out", v);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/it holds notes\.txt, s\.json, sub and no relocsim manifest\.json; relocsim replaces only a directory it wrote itself/);
    expect(readdirSync(v).sort()).toEqual(["notes.txt", "s.json", "sub"]);
  });

  it("checks --out before building the population (a refusal at national scale used to come after a minute of work)", () => {
    const f = join(dir, "not-a-dir.txt");
    writeFileSync(f, "mine\n");
    // A scale and thread count this machine refuses at createSimulation: the --out error comes first.
    const r = relocsim("run", "scenarios/baseline.json", "--scale", "50000000", "--threads", "64", "-q", "--out", f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --out: ".*not-a-dir\.txt"/);
    expect(readFileSync(f, "utf8")).toBe("mine\n");
  });

  it("relocsim report refuses results too large for a report (above 256 MB) with the size, exit 2, writing nothing", () => {
    const out = join(dir, "huge");
    expect(run(out).code).toBe(0);
    truncateSync(join(out, "metrics.csv"), 300 * 2 ** 20); // sparse: no disk used
    const r = relocsim("report", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid report: ".*metrics\.csv" \(expected results of at most 256 MB \(metrics\.csv and effects\.csv\) for a report\); they have 300 MB: use --no-report/);
    noStack(r);
    expect(existsSync(join(out, "report.html"))).toBe(false);
  });

  it("refuses a regular file and leaves it as it was", () => {
    const f = join(dir, "file.txt");
    writeFileSync(f, "mine\n");
    const r = run(f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --out: ".*file\.txt" \(expected a new or empty directory, or results written by relocsim\); it is a file/);
    expect(readFileSync(f, "utf8")).toBe("mine\n");
  });

  it("uses an empty directory, and replaces a directory it wrote (report included) without leaving anything beside it", () => {
    const out = join(dir, "mine");
    mkdirSync(out);
    expect(run(out).code).toBe(0);
    const first = readFileSync(join(out, "manifest.json"), "utf8");
    const again = relocsim("run", "scenarios/baseline.json", "--scale", "300", "--seed", "2", "-q", "--out", out);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(out, "manifest.json"), "utf8")).not.toBe(first);
    expect(readdirSync(out)).toContain("report.html");
    expect(run(out).code).toBe(0); // report.html and charts/ are relocsim's too
    expect(readdirSync(dir).filter((e) => e.startsWith(".mine."))).toEqual([]);
  });

  for (const place of ["/proc/relocsim-x", "/sys/relocsim-x"]) {
    it(`refuses ${place} before running, with a clear error (it used to hang or fail with a stack after the runs)`, () => {
      const r = run(place);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/invalid --out: ".*" \(expected a location relocsim can write: writing in \/(proc|sys) failed/);
      noStack(r);
    });
  }

  // A tiny file system of our own: unprivileged user and mount namespaces (skipped where not allowed).
  const sandbox = spawnSync("unshare", ["-rm", "true"]).status === 0;
  const inTmpfs = (script: string) => {
    const mnt = mkdtempSync(join(tmpdir(), "relocsim-tmpfs-"));
    const cli = `${join(root, "node_modules/.bin/tsx")} ${join(root, "packages/cli/src/main.ts")} run scenarios/baseline.json --scale 300 --no-report -q --out`;
    // RELOCSIM x: relocsim run … --out <mount>/x, from the repository.
    const body = script.replace(/RELOCSIM (\w+)/g, (_, out: string) => `(cd ${root} && ${cli} ${join(mnt, out)})`);
    return spawnSync("unshare", ["-rm", "sh", "-c", `mount -t tmpfs -o size=64k tmpfs ${mnt} && cd ${mnt} && ${body}`], { encoding: "utf8" });
  };

  it.skipIf(!sandbox)("a full disk is a clear error, exit 2, with the earlier results intact: at the check (ENOSPC) and while writing", () => {
    const r = inTmpfs(
      `mkdir old && echo '{"relocsim":"0","command":"run"}' > old/manifest.json && echo old > old/metrics.csv && ` +
        `RELOCSIM old; echo "code $?"; cat old/metrics.csv; ls -A; ` +
        `head -c 100000 /dev/zero > fill 2>/dev/null; RELOCSIM new; echo "code $?"`,
    );
    expect(r.stdout.split("\n").filter((l) => l.startsWith("code"))).toEqual(["code 2", "code 2"]);
    expect(r.stderr).toMatch(/writing metrics\.csv failed, no space left on the device \(ENOSPC\)\); earlier results there are left as they were/);
    expect(r.stderr).toMatch(/invalid --out: ".*new" \(expected a location relocsim can write: writing in .* failed, no space left on the device \(ENOSPC\)\)/);
    expect(r.stdout).toMatch(/^old\nold\n/m); // old results intact, nothing beside them
    noStack(r);
  });

  it.skipIf(!sandbox)("a read-only file system is a clear error before running", () => {
    const r = inTmpfs(`mount -o remount,ro . && RELOCSIM out; echo "code $?"`);
    expect(r.stdout).toContain("code 2");
    expect(r.stderr).toMatch(/writing in .* failed, the file system is read-only \(EROFS\)/);
    noStack(r);
  });
});
