import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  cpuModel: string;
  /** Logical CPUs this process may use (what `nproc` prints). */
  nproc: number;
  ramBytes: number;
  node: string;
  v8: string;
  platform: string;
  /** 1-minute load average when the bench started: other work on the machine skews every figure. */
  loadAverage1m: number;
}

/** The machine a bench ran on: CPU model from /proc/cpuinfo, nproc, RAM, Node and V8. */
export function machine(): Machine {
  let cpuModel = cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpuModel = m[1]!.trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return { cpuModel, nproc: availableParallelism(), ramBytes: totalmem(), node: process.version, v8: process.versions.v8, platform: `${process.platform}-${process.arch}`, loadAverage1m: loadavg()[0]! };
}

/** Peak resident set size of this process so far, in bytes (VmHWM; resourceUsage elsewhere). */
export function peakRss(): number {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}
