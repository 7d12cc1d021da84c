import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulation } from "../src/index.js";
import { branchSimulation, readCheckpoint, resumeSimulation, rowsToCsv, saveCheckpoint } from "../src/engine.js";

const dir = mkdtempSync(join(tmpdir(), "relocsim-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Time expressions and policies with their own random sources, so a resumed run depends on all of them.
const scenario = {
  name: "ckpt",
  params: {
    horizon: { months: 30 },
    policies: { collectiveAssets: { enabled: true }, vocationalTraining: { mode: "needsBased" }, talentIntroduction: { enabled: true } },
    environment: { demandShock: "year >= 2017 ? 0.1 : 0" },
  },
};
const csv = (s: { results(): Parameters<typeof rowsToCsv>[0] }) => rowsToCsv(s.results());
const uninterrupted = csv(createSimulation(scenario, { seed: 4, scale: 600 }).run());

/** A checkpoint of `scenario` after `steps` steps, stepped by `threads` threads. */
function checkpointAt(steps: number, threads = 1, name = `at-${steps}-${threads}.ckpt`): string {
  const file = join(dir, name);
  const s = createSimulation(scenario, { seed: 4, scale: 600, threads });
  for (let k = 0; k < steps; k++) s.step();
  saveCheckpoint(s, file);
  s.close();
  return file;
}

/** A checkpoint file rewritten with a changed header (and a valid checksum, so only the change is refused). */
function withHeader(file: string, change: (h: Record<string, unknown>) => void): string {
  const bytes = readFileSync(file);
  const magic = "relocsim checkpoint\n".length;
  const len = bytes.readUInt32LE(magic);
  const header = JSON.parse(bytes.toString("utf8", magic + 4, magic + 4 + len));
  change(header);
  const json = Buffer.from(JSON.stringify(header));
  const lenBytes = Buffer.alloc(4);
  lenBytes.writeUInt32LE(json.length);
  const rest = bytes.subarray(magic + 4 + len, bytes.length - 32);
  const framed = Buffer.concat([bytes.subarray(0, magic), lenBytes, json, rest]);
  const out = file + ".changed";
  writeFileSync(out, Buffer.concat([framed, createHash("sha256").update(framed).digest()]));
  return out;
}

describe("saveCheckpoint(sim, file) and resumeSimulation(file)", () => {
  it("continue a run to results identical to the run never interrupted", () => {
    const file = checkpointAt(13);
    const resumed = resumeSimulation(file);
    expect(resumed.stepsDone).toBe(13);
    expect(csv(resumed.run())).toBe(uninterrupted);
  });

  it("give the same results whatever the threads before and after the checkpoint", () => {
    // Two threads at most: checkFits allows no more threads than the machine has CPUs.
    expect(csv(resumeSimulation(checkpointAt(11, 2)).run())).toBe(uninterrupted);
    expect(csv(resumeSimulation(checkpointAt(11, 1, "one.ckpt"), { threads: 2 }).run())).toBe(uninterrupted);
  });

  it("resume from a checkpoint at step 0 and at the horizon", () => {
    expect(csv(resumeSimulation(checkpointAt(0)).run())).toBe(uninterrupted);
    const done = resumeSimulation(checkpointAt(30));
    expect(done.done).toBe(true);
    expect(csv(done)).toBe(uninterrupted);
  });

  it("record the scenario, so resuming needs no scenario file", () => {
    const { scenario: sc, snapshot } = readCheckpoint(checkpointAt(5));
    expect(sc.name).toBe("ckpt");
    expect(sc.hash).toBe(createSimulation(scenario, { scale: 100 }).scenario.hash);
    expect([snapshot.seed, snapshot.stepsDone, snapshot.households]).toEqual([4, 5, 600]);
  });

  it("replace an earlier checkpoint but never a file relocsim did not write", () => {
    const file = checkpointAt(3, 1, "again.ckpt");
    const s = createSimulation(scenario, { seed: 4, scale: 600 });
    s.step();
    saveCheckpoint(s, file);
    expect(readCheckpoint(file).snapshot.stepsDone).toBe(1);
    const mine = join(dir, "notes.txt");
    writeFileSync(mine, "my notes\n");
    expect(() => saveCheckpoint(s, mine, { field: "--checkpoint" })).toThrow(/invalid --checkpoint: ".*notes.txt" \(expected a new file or a relocsim checkpoint\); relocsim replaces only files it wrote/);
    expect(readFileSync(mine, "utf8")).toBe("my notes\n");
  });
});

describe("readCheckpoint(file) refuses", () => {
  const good = () => checkpointAt(6, 1, "good.ckpt");

  it("a truncated checkpoint", () => {
    const bytes = readFileSync(good());
    const cut = join(dir, "cut.ckpt");
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    expect(() => readCheckpoint(cut, { field: "--resume" })).toThrow(/invalid --resume: ".*cut.ckpt" \(expected a relocsim checkpoint\); it is truncated \(\d+ of \d+ bytes\)/);
    writeFileSync(cut, bytes.subarray(0, 30));
    expect(() => readCheckpoint(cut)).toThrow(/it is truncated/);
  });

  it("a corrupt checkpoint", () => {
    const bytes = Buffer.from(readFileSync(good()));
    bytes[bytes.length - 5000]! ^= 1;
    const bad = join(dir, "bad.ckpt");
    writeFileSync(bad, bytes);
    expect(() => readCheckpoint(bad)).toThrow(/\(expected a relocsim checkpoint\); it is corrupt \(its sha256 checksum does not match\)/);
  });

  it("a file that is not a checkpoint, an empty one and a missing one", () => {
    const other = join(dir, "other.json");
    writeFileSync(other, "{}");
    expect(() => readCheckpoint(other)).toThrow(/it is not a relocsim checkpoint file/);
    writeFileSync(other, "");
    expect(() => readCheckpoint(other)).toThrow(/it is empty/);
    expect(() => readCheckpoint(join(dir, "missing.ckpt"))).toThrow(/no such file/);
  });

  it("an incompatible checkpoint: another format, another relocsim, another state layout", () => {
    const file = good();
    expect(() => readCheckpoint(withHeader(file, (h) => (h.format = 99)))).toThrow(/it has format 99; this relocsim reads format 3$/);
    expect(() => readCheckpoint(withHeader(file, (h) => (h.format = 1)))).toThrow(/it has format 1; this relocsim reads format 3: it was written before random draws were keyed by entity .* run the scenario again from the start/);
    expect(() => readCheckpoint(withHeader(file, (h) => (h.relocsim = "0.0.1")))).toThrow(/expected a checkpoint this relocsim can continue\); it was written by relocsim 0.0.1/);
    expect(() => readCheckpoint(withHeader(file, (h) => ((h.columns as Array<{ name: string }>)[0]!.name = "sites.old")))).toThrow(/its state columns differ/);
  });
});

describe("branchSimulation(file, scenario)", () => {
  const policy = { name: "policy", params: { ...scenario.params, policies: { ...scenario.params.policies, landRights: { enabled: true } } } };

  it("continues another scenario's state under new parameters from the next step on", () => {
    const file = checkpointAt(12, 1, "branch.ckpt");
    const branch = branchSimulation(file, policy).run();
    const rows = branch.results();
    const full = createSimulation(policy, { seed: 4, scale: 600 }).run().results();
    expect(rows.every((r) => r.scenario === "policy")).toBe(true);
    const upTo = (rs: typeof rows, step: number) => rowsToCsv(rs.filter((r) => r.step <= step).map((r) => ({ ...r, scenario: "x" })));
    // The first 12 months are the checkpoint's (the other scenario's history); later ones are the policy's own.
    expect(upTo(rows, 12)).toBe(upTo(createSimulation(scenario, { seed: 4, scale: 600 }).run().results(), 12));
    expect(rowsToCsv(rows)).not.toBe(rowsToCsv(full));
    expect(rows.length).toBe(full.length);
  });

  it("refuses a scenario with another population", () => {
    const file = checkpointAt(12, 1, "branch2.ckpt");
    const other = { name: "bigger", params: { ...scenario.params, population: { sitesNational: 20_000 } } };
    expect(() => branchSimulation(file, other, { field: "--from" })).toThrow(/invalid --from: ".*branch2.ckpt" \(expected a checkpoint of a scenario with the population of 'bigger'\); it is of 'ckpt', whose population.sitesNational is 35000, not 20000/);
    const later = { name: "later", params: { ...scenario.params, horizon: { start: "2017-01", months: 30 } } };
    expect(() => branchSimulation(file, later)).toThrow(/whose horizon.start is 2016-01, not 2017-01/);
  });
});
