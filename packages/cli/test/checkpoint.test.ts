import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCheckpoint } from "@relocsim/core/engine";
import { relocsimAsync, relocsimChild, relocsimHere } from "./relocsim.ts";

const dir = mkdtempSync(join(tmpdir(), "relocsim-cli-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const run = ["run", "scenarios/baseline.json", "--scale", "2000", "--seed", "5", "--no-report", "-q"];

describe("relocsim run --checkpoint FILE, then --resume FILE", () => {
  it("continues a run killed midway (SIGKILL) to a metrics.csv byte-identical to the run never interrupted", async () => {
    const ckpt = join(dir, "killed.ckpt");
    // The uninterrupted run, side by side with the one to be killed.
    const full = relocsimAsync([...run, "--out", join(dir, "full")]);
    const child = relocsimChild([...run, "--checkpoint", ckpt, "--checkpoint-every", "12", "--out", join(dir, "killed")]);
    const exited = new Promise((done) => child.on("exit", done));
    // Kill as soon as the first checkpoint is in place (the rename makes it appear whole).
    while (!existsSync(ckpt)) await new Promise((r) => setTimeout(r, 5));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    const stepsDone = readCheckpoint(ckpt).snapshot.stepsDone;
    expect(stepsDone).toBeGreaterThan(0);
    expect(stepsDone).toBeLessThan(120);
    expect(existsSync(join(dir, "killed", "metrics.csv"))).toBe(false);

    const r = await relocsimHere("run", "--resume", ckpt, "--threads", "2", "--out", join(dir, "resumed"), "--no-report");
    expect(r.code, r.stderr).toBe(0);
    const f = await full;
    expect(f.code, f.stderr).toBe(0);
    expect(r.stdout).toContain(`(resumed from ${ckpt})`);
    expect(sha(join(dir, "resumed", "metrics.csv"))).toBe(sha(join(dir, "full", "metrics.csv")));
    // The resumed run kept checkpointing: the file now holds the horizon.
    expect(readCheckpoint(ckpt).snapshot.stepsDone).toBe(120);
    const manifest = JSON.parse(readFileSync(join(dir, "resumed", "manifest.json"), "utf8"));
    expect(manifest.continuedFrom).toMatchObject({ how: "resume", checkpoint: ckpt, scenario: "baseline", step: stepsDone });
    expect(manifest.timedSteps).toEqual({ first: stepsDone + 1, last: 120 });
    expect(JSON.parse(readFileSync(join(dir, "full", "manifest.json"), "utf8"))).not.toHaveProperty("continuedFrom");
  }, 60_000);
});

describe("relocsim run refuses, with exit code 2 and the reason", () => {
  const ckpt = join(dir, "short.ckpt");
  const short = join(dir, "short.json");
  const write = async () => {
    writeFileSync(short, JSON.stringify({ name: "short", params: { horizon: { months: 12 } } }));
    const r = await relocsimHere("run", short, "--scale", "300", "--checkpoint", ckpt, "--out", join(dir, "short"), "--no-report", "-q");
    expect(r.code, r.stderr).toBe(0);
    return readFileSync(ckpt);
  };
  const refused = async (args: string[], message: RegExp, out = join(dir, "refused")) => {
    const r = await relocsimHere(...args, "--out", out, "--no-report");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  };

  it("a truncated, a corrupt and an incompatible checkpoint", async () => {
    const bytes = await write();
    const cut = join(dir, "cut.ckpt");
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    await refused(["run", "--resume", cut], /invalid --resume: ".*cut.ckpt" \(expected a relocsim checkpoint\); it is truncated \(\d+ of \d+ bytes\)/);
    const corrupt = join(dir, "corrupt.ckpt");
    const flipped = Buffer.from(bytes);
    flipped[flipped.length >> 1]! ^= 0xff;
    writeFileSync(corrupt, flipped);
    await refused(["run", "--resume", corrupt], /invalid --resume: .* it is corrupt \(its sha256 checksum does not match\)/);
    const other = join(dir, "other.ckpt");
    writeFileSync(other, "scenario,replicate\n");
    await refused(["run", "--resume", other], /it is not a relocsim checkpoint file/);
  });

  it("a checkpoint file that relocsim did not write, before running", async () => {
    const notes = join(dir, "notes.txt");
    writeFileSync(notes, "mine\n");
    await refused([...run, "--checkpoint", notes], /invalid --checkpoint: ".*notes.txt" \(expected a new file or a relocsim checkpoint\); relocsim replaces only files it wrote/);
    expect(readFileSync(notes, "utf8")).toBe("mine\n");
  });

  it("--resume with a scenario file or a seed, and --checkpoint-every without --checkpoint", async () => {
    await write();
    await refused(["run", "scenarios/baseline.json", "--resume", ckpt], /invalid --resume: .*\(expected no scenario file with it/);
    await refused(["run", "--resume", ckpt, "--seed", "3"], /invalid --resume: .*\(expected no --seed with it \(the checkpoint holds the scenario, seed, scale and groups\)\)/);
    await refused([...run, "--checkpoint-every", "6"], /invalid --checkpoint-every: "6" \(expected a --checkpoint FILE to write to\)/);
  });

  it("--from a checkpoint of a scenario with another population or scale", async () => {
    await write();
    const bigger = join(dir, "bigger.json");
    writeFileSync(bigger, JSON.stringify({ name: "bigger", params: { horizon: { months: 24 }, population: { sitesNational: 20000 } } }));
    await refused(["run", bigger, "--from", ckpt], /invalid --from: ".*short.ckpt" \(expected a checkpoint of a scenario with the population of 'bigger'\); it is of 'short', whose population.sitesNational is 35000, not 20000/);
    const longer = join(dir, "longer.json");
    writeFileSync(longer, JSON.stringify({ name: "longer", params: { horizon: { months: 24 }, policies: { landRights: { enabled: true } } } }));
    await refused(["run", longer, "--from", ckpt, "--scale", "400"], /invalid --scale: "400" \(expected the checkpoint's scale, 300, or none/);
  });

  it("--from a compatible checkpoint continues the new scenario (a what-if branch)", async () => {
    await write();
    const longer = join(dir, "branch.json");
    writeFileSync(longer, JSON.stringify({ name: "branch", params: { horizon: { months: 24 }, policies: { landRights: { enabled: true } } } }));
    const r = await relocsimHere("run", longer, "--from", ckpt, "--out", join(dir, "branch"), "--no-report");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`(from ${ckpt})`);
    const rows = readFileSync(join(dir, "branch", "metrics.csv"), "utf8").trim().split("\n");
    expect(rows.at(-1)).toMatch(/^branch,0,1,24,2017-12,/);
    // The manifest records what it continued from, and that its timings cover steps 13 to 24 only.
    const short = readCheckpoint(ckpt).scenario;
    const manifest = JSON.parse(readFileSync(join(dir, "branch", "manifest.json"), "utf8"));
    expect(manifest.continuedFrom).toEqual({ how: "from", checkpoint: ckpt, scenario: "short", scenarioHash: short.hash, step: 12 });
    expect(manifest.timedSteps).toEqual({ first: 13, last: 24 });
  });
});
