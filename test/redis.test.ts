import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { relocsimAsync, relocsimChild, relocsimHere, root } from "../packages/cli/test/relocsim.ts";

// Experiments spread over worker processes through BullMQ on a real redis-server (installed by
// scripts/install-system-deps.sh), started here on a free loopback port and stopped afterwards.

const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Whether Redis answers PING on the port. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, "127.0.0.1");
    c.once("error", () => resolve(false));
    c.once("connect", () => c.write("PING\r\n"));
    c.once("data", (d) => {
      c.destroy();
      resolve(d.toString().startsWith("+PONG"));
    });
  });
}

/** A `relocsim worker` process and the lines it printed. */
interface TestWorker {
  child: ChildProcess;
  lines: string[];
  stderr: string;
}

async function until(what: string, test: () => boolean, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await sleep(100);
  }
}

describe("relocsim worker --redis and compare --redis: an experiment on the workers of a Redis server", () => {
  let dir: string;
  let file: string;
  let local: string;
  let localPrintout: string;
  let port: number;
  let url: string;
  let redis: ChildProcess;
  const workers: TestWorker[] = [];
  const tasks = 6;

  const startWorker = async (): Promise<TestWorker> => {
    const child = relocsimChild(["worker", "--redis", url], { stdio: ["ignore", "pipe", "pipe"] });
    const w: TestWorker = { child, lines: [], stderr: "" };
    createInterface({ input: child.stdout! }).on("line", (l) => w.lines.push(l));
    child.stderr!.on("data", (d) => (w.stderr += d));
    workers.push(w);
    await until("a worker to start", () => w.lines.some((l) => l.includes("waiting for tasks")) || child.exitCode !== null, 60);
    expect(child.exitCode, w.stderr).toBe(null);
    return w;
  };
  const kill = (w: TestWorker, signal: NodeJS.Signals = "SIGKILL") => {
    try {
      process.kill(-w.child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const alive = () => workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  /** The tasks the workers ran: "done <job id> …" lines, from line `since[k]` of worker k on. */
  const ran = (since: number[] = []) => workers.flatMap((w, k) => w.lines.slice(since[k] ?? 0).filter((l) => l.startsWith("done ")).map((l) => l.split(" ")[1]!));
  const mark = () => workers.map((w) => w.lines.length);
  const identical = (out: string) => {
    expect(read(out, "metrics.csv")).toBe(read(local, "metrics.csv"));
    expect(read(out, "effects.csv")).toBe(read(local, "effects.csv"));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "relocsim-redis-"));
    file = join(dir, "two.json");
    writeFileSync(file, JSON.stringify({ name: "two", baseline: "baseline", scenarios: ["full-strategy"], replications: 3, scale: 800, seed: 5, every: 12 }));
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    redis.once("error", (e) => {
      throw new Error(`cannot start redis-server (scripts/install-system-deps.sh installs it): ${e.message}`);
    });
    for (let k = 0; k < 100 && !(await pong(port)); k++) await sleep(100);
    expect(await pong(port)).toBe(true);
    local = join(dir, "local");
    const r = await relocsimHere("compare", file, "--workers", "1", "--out", local, "--no-report");
    expect(r.code, r.stderr).toBe(0);
    localPrintout = r.stdout;
    await Promise.all([startWorker(), startWorker()]);
  }, 180_000);

  afterAll(async () => {
    for (const w of alive()) kill(w, "SIGTERM");
    await until("the workers to stop", () => alive().length === 0, 15).catch(() => alive().forEach((w) => kill(w)));
    redis?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("compare --redis gives metrics.csv and effects.csv byte-identical to --workers 1, each task run once, and the manifest without the URL", async () => {
    const out = join(dir, "redis");
    const since = mark();
    const r = await relocsimHere("compare", file, "--redis", url, "--out", out, "--no-report");
    expect(r.code, r.stderr).toBe(0);
    identical(out);
    expect(ran(since).sort()).toEqual([...new Set(ran(since))].sort());
    expect(ran(since)).toHaveLength(tasks);
    // The same printout as a local run but for where and how long it ran, and the directory.
    expect(r.stdout).toContain("on the workers of redis://127.0.0.1");
    const tables = (s: string) => s.split("\n").filter((l) => !/^(two: |finished in |Every outcome)/.test(l)).join("\n");
    expect(tables(r.stdout)).toBe(tables(localPrintout));
    expect(tables(r.stdout)).toContain("Effects at 2025-12 (the horizon)");
    expect(read(out, "manifest.json")).not.toContain(String(port));
  }, 180_000);

  it("sweep --redis writes points.csv and outcomes.csv byte-identical to a local sweep (design points as tasks of the same kind)", async () => {
    const design = join(dir, "lhs.json");
    const SHORT = { name: "short-historical", extends: "historical", params: { horizon: { months: 24 } } };
    writeFileSync(design, JSON.stringify({ name: "lhs", scenario: SHORT, parameters: [{ path: "labour.separationRate", range: [0.1, 0.35] }], design: { type: "lhs", points: 3 }, replications: 1, scale: 300, seed: 2, outcomes: ["per_capita_income", "employment_rate"], horizon: "2017-12" }));
    const a = await relocsimHere("sweep", design, "--workers", "1", "--out", join(dir, "sweep-local"), "-q");
    expect(a.code, a.stderr).toBe(0);
    const b = await relocsimHere("sweep", design, "--redis", url, "--out", join(dir, "sweep-redis"), "-q");
    expect(b.code, b.stderr).toBe(0);
    for (const f of ["points.csv", "outcomes.csv"]) expect(read(join(dir, "sweep-redis"), f)).toBe(read(join(dir, "sweep-local"), f));
  }, 180_000);

  it("a worker killed with SIGKILL mid-task: its task runs again on another worker (BullMQ's stalled jobs) and the comparison completes, identical", async () => {
    const out = join(dir, "killed");
    const since = mark();
    const run = relocsimHere("compare", file, "--redis", url, "--out", out, "--no-report", "-q");
    // Kill the first worker that has finished a task and started its next one: mid-task.
    const lines = (w: TestWorker) => w.lines.slice(since[workers.indexOf(w)]);
    const onSecond = (w: TestWorker) => lines(w).filter((l) => l.startsWith("start ")).length >= 2;
    let victim: TestWorker | undefined;
    await until("a worker to start its second task", () => (victim = alive().find(onSecond)) !== undefined, 120);
    kill(victim!);
    const lost = lines(victim!).filter((l) => l.startsWith("start ")).pop()!.split(" ")[1]!;
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    identical(out);
    // The task it was running was not returned by it, but by another worker.
    expect(lines(victim!).some((l) => l.startsWith(`done ${lost} `))).toBe(false);
    expect(workers.filter((w) => w !== victim).some((w) => lines(w).some((l) => l.startsWith(`done ${lost} `)))).toBe(true);
    expect(new Set(ran(since)).size).toBe(tasks);
    await startWorker();
  }, 180_000);

  it("the coordinator killed and restarted with the same --out finishes without running finished tasks again", async () => {
    const out = join(dir, "restarted");
    const since = mark();
    const first = relocsimChild(["compare", file, "--redis", url, "--out", out, "--no-report", "-q"]);
    const stored = () => (existsSync(join(out, "runs")) ? readdirSync(join(out, "runs")).filter((f) => /^\d+\.f64$/.test(f)).length : 0);
    await until("the first coordinator to store 2 runs", () => stored() >= 2, 120);
    process.kill(-first.pid!, "SIGKILL");
    const kept = stored();
    const r = await relocsimHere("compare", file, "--redis", url, "--out", out, "--no-report");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/resumed: [2-6] of 6 runs already done/);
    expect(Number(/resumed: (\d)/.exec(r.stdout)![1])).toBeGreaterThanOrEqual(kept);
    identical(out);
    // Count them: the workers ran each of the 6 tasks exactly once over both coordinators.
    const done = ran(since);
    expect(done).toHaveLength(tasks);
    expect(new Set(done).size).toBe(tasks);
  }, 180_000);

  it("--shard 1/2 on Redis and --shard 2/2 on a local thread, merged, equal the local run", async () => {
    const a = join(dir, "shard-1"), b = join(dir, "shard-2"), merged = join(dir, "merged");
    const [r1, r2] = await Promise.all([
      relocsimHere("compare", file, "--shard", "1/2", "--redis", url, "--out", a, "-q"),
      relocsimAsync(["compare", file, "--shard", "2/2", "--workers", "1", "--out", b, "-q"]),
    ]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    const m = await relocsimHere("merge", a, b, "--out", merged, "--no-report", "-q");
    expect(m.code, m.stderr).toBe(0);
    identical(merged);
  }, 180_000);

  it("SIGTERM (as Ctrl-C) to a worker mid-task: it finishes that task, then exits 0; the comparison completes, identical", async () => {
    const out = join(dir, "stopped");
    const since = mark();
    const run = relocsimHere("compare", file, "--redis", url, "--out", out, "--no-report", "-q");
    let w: TestWorker | undefined;
    const started = (x: TestWorker) => x.lines.slice(since[workers.indexOf(x)]).some((l) => l.startsWith("start "));
    await until("a worker to start a task", () => (w = alive().find(started)) !== undefined, 120);
    const task = w!.lines.slice(since[workers.indexOf(w!)]).find((l) => l.startsWith("start "))!.split(" ")[1]!;
    kill(w!, "SIGTERM");
    await until("the worker to exit", () => w!.child.exitCode !== null || w!.child.signalCode !== null, 60);
    expect(w!.child.exitCode, w!.stderr).toBe(0);
    expect(w!.lines.some((l) => l.startsWith(`done ${task} `))).toBe(true);
    expect(w!.lines.at(-1)).toMatch(/^worker stopped after \d+ tasks?$/);
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    identical(out);
    await startWorker();
  }, 180_000);

  it("a worker refuses a task planned by another relocsim version, with a message naming both; the job fails with it", async () => {
    const require = createRequire(join(root, "packages/cli/package.json"));
    const { Queue, QueueEvents } = (await import(pathToFileURL(require.resolve("bullmq")).href)) as typeof import("bullmq");
    const queue = new Queue("tasks", { connection: { host: "127.0.0.1", port }, prefix: "relocsim" });
    const events = new QueueEvents("tasks", { connection: { host: "127.0.0.1", port }, prefix: "relocsim" });
    try {
      await events.waitUntilReady();
      const failed = new Promise<string>((resolve) => events.on("failed", ({ jobId, failedReason }) => jobId === "other-0" && resolve(failedReason)));
      await queue.add("baseline", { plan: "other", index: 0, name: "baseline", task: { index: 0, scenario: 0, name: "baseline", replicate: 0, seed: 1 }, version: "0.0.1-other", model: "0123456789abcdef" }, { jobId: "other-0", attempts: 1 });
      const reason = await failed;
      expect(reason).toContain("refused task 0 (baseline, replicate 0): it was planned by relocsim 0.0.1-other (model hash 0123456789abcdef), and this worker runs relocsim 0.1.0");
      await until("the worker's message", () => workers.some((w) => w.stderr.includes("refused task 0 (baseline, replicate 0)")), 10);
      await queue.remove("other-0");
    } finally {
      await events.close();
      await queue.close();
    }
  }, 60_000);

  it("a task that throws on a worker stops the run with the task's identity and error, not a hang", async () => {
    const { planExperiment, memoryRunStore } = await import("../packages/core/src/engine.ts");
    const { parseRedisUrl } = await import("../packages/cli/src/cluster/redisUrl.ts");
    const { connectRedis } = await import("../packages/cli/src/cluster/redis.ts");
    const { runTasksOnRedis } = await import("../packages/cli/src/cluster/runTasksOnRedis.ts");
    const plan = planExperiment({ scenarios: [{ name: "baseline" }], replications: 1, scale: 200, seed: 99, workers: 1 });
    const target = parseRedisUrl(url);
    const redis = await connectRedis(target, "test");
    try {
      // Scenario 7 of a plan of one: runTask fails on the worker (as a model error would).
      const bad = { index: 0, scenario: 7, name: "nowhere", replicate: 0, seed: 1 };
      const started = Date.now();
      await expect(runTasksOnRedis(redis, target, plan, [bad], memoryRunStore())).rejects.toThrow(/^task 0 \(nowhere, replicate 0\) failed on a worker: InputErrors: invalid scenario: undefined/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      redis.disconnect();
    }
  }, 60_000);

  it("Redis down: exit 1 within a few seconds with a clear message, nothing written, no password shown", async () => {
    const closed = await freePort();
    const out = join(dir, "down");
    const started = Date.now();
    const r = await relocsimHere("compare", file, "--redis", `redis://:hunter2@127.0.0.1:${closed}`, "--out", out, "-q");
    const seconds = (Date.now() - started) / 1000;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`relocsim compare: cannot reach Redis at redis://***@127.0.0.1:${closed} within 3 s: connect ECONNREFUSED`);
    expect(r.stderr).not.toContain("hunter2");
    // It gives up after its 3 s connect timeout rather than retrying forever (ioredis's default);
    // the bound is loose so that a loaded machine's slow start-up cannot fail it.
    expect(seconds).toBeLessThan(20);
    expect(existsSync(out)).toBe(false);
    const w = await relocsimHere("worker", "--redis", `redis://127.0.0.1:${closed}`);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain(`relocsim worker: cannot reach Redis at redis://127.0.0.1:${closed}`);
    // A bad URL is bad input (exit 2), shown without its password.
    const bad = await relocsimHere("compare", file, "--redis", "http://user:hunter2@host", "--out", out, "-q");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --redis: "http://***@host"');
    expect(bad.stderr).not.toContain("hunter2");
  }, 60_000);
});
