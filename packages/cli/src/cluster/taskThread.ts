import type { Worker } from "node:worker_threads";
import { startTaskThread, type ExperimentTask, type TaskOutput, type TaskPlanData } from "@relocsim/core/engine";

/**
 * A worker thread of a Redis worker, running one plan's tasks one at a time with the same
 * thread module local experiments use (core's experimentWorker, through startTaskThread). The
 * task runs off the process's main thread, so the worker keeps renewing its BullMQ lock and
 * answers Ctrl-C while a task runs.
 */
export class TaskThread {
  private readonly thread: Worker;
  private waiting?: { resolve: (o: TaskOutput) => void; reject: (e: Error) => void };
  private broken?: Error;

  constructor(data: TaskPlanData) {
    this.thread = startTaskThread(data);
    this.thread.on("message", (msg: { index: number; values?: Float64Array; sites?: number; error?: string }) => {
      const w = this.waiting;
      this.waiting = undefined;
      if (!w) return;
      if (msg.error !== undefined) w.reject(new Error(msg.error));
      else w.resolve({ values: msg.values!, sites: msg.sites! });
    });
    const lost = (e: Error) => {
      this.broken = e;
      this.waiting?.reject(e);
      this.waiting = undefined;
    };
    this.thread.on("error", lost);
    this.thread.on("exit", (code) => lost(new Error(`the task thread stopped (exit code ${code})`)));
  }

  /** Run one task (one at a time). */
  run(task: ExperimentTask): Promise<TaskOutput> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.waiting) return Promise.reject(new Error("a task thread runs one task at a time"));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.thread.postMessage({ index: task.index, task });
    });
  }

  get usable(): boolean {
    return !this.broken;
  }

  async stop(): Promise<void> {
    await this.thread.terminate();
  }
}

/**
 * At most `size` task threads, kept by plan: a thread is reused for the next task of its plan
 * (its scenarios are set up once), and an idle thread of another plan is replaced when all
 * `size` are started. BullMQ's concurrency (= size) bounds the tasks under way, so a thread is
 * always free when acquire is called.
 */
export class ThreadPool {
  private readonly idle: Array<{ plan: string; thread: TaskThread }> = [];
  private count = 0;
  constructor(private readonly size: number) {}

  acquire(plan: string, data: () => TaskPlanData): TaskThread {
    const k = this.idle.findIndex((x) => x.plan === plan);
    if (k >= 0) return this.idle.splice(k, 1)[0]!.thread;
    if (this.count >= this.size) {
      const other = this.idle.shift();
      if (other) void other.thread.stop();
      else throw new Error(`more than ${this.size} tasks at once`);
    } else this.count++;
    return new TaskThread(data());
  }

  release(plan: string, thread: TaskThread): void {
    if (thread.usable) this.idle.push({ plan, thread });
    else {
      this.count--;
      void thread.stop();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((x) => x.thread.stop()));
  }
}
