import { InputError } from "@relocsim/core";
import { parse, helpText, intFlag, type Flags } from "../args.js";
import { parseRedisUrl } from "../cluster/redisUrl.js";

const flags: Flags = {
  redis: { type: "string", value: "URL", help: "the Redis server of the cluster: redis://[[user]:password@]host[:port][/db], rediss:// for TLS (never printed with its credentials)" },
  concurrency: { type: "string", value: "N", help: "tasks run at once, each on its own thread (one per core is usual)", default: "1" },
  quiet: { type: "boolean", short: "q", help: "print nothing but errors" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export const workerCommand = {
  name: "worker",
  summary: "run experiment tasks from a Redis queue for compare --redis (one per machine or more), until stopped",
  help: () =>
    helpText(
      "relocsim worker --redis <url> [--concurrency N]",
      "Take the tasks of experiments started with --redis <url> (e.g. relocsim compare x.json --redis\n" +
        "<url>) from the Redis queue, run each on a worker thread and return its outputs, until\n" +
        "stopped: Ctrl-C (or SIGTERM) finishes the tasks under way, then exits; a second Ctrl-C exits\n" +
        "at once (the tasks under way are run again by another worker). A task planned by another\n" +
        "relocsim version or model code is refused, with a message saying so. A worker that dies\n" +
        "mid-task loses nothing: its task runs again on another worker. See docs/cluster.md.",
      flags,
      "Examples:\n  relocsim worker --redis redis://10.0.0.5:6379 --concurrency 8\n  REDIS_URL=redis://:secret@10.0.0.5:6379; relocsim worker --redis \"$REDIS_URL\"",
    ),
  async main(argv: string[]): Promise<number> {
    const { values } = parse(argv, flags, { min: 0, max: 0, names: "no positional arguments: relocsim worker --redis <url>" });
    if (values.help) return (process.stdout.write(workerCommand.help()), 0);
    if (values.redis === undefined) throw new InputError("--redis", "(none)", "the URL of the cluster's Redis server, e.g. --redis redis://127.0.0.1:6379");
    const target = parseRedisUrl(values.redis as string);
    const concurrency = intFlag(values, "concurrency", 1, 1, 1024);
    const quiet = Boolean(values.quiet);
    const stop = new AbortController();
    // A signal within a second of the first is the same one delivered twice (a terminal's Ctrl-C
    // reaches both tsx and this process, and tsx may relay it again): only a later one ends at once.
    let first = 0;
    const onSignal = () => {
      if (stop.signal.aborted) {
        if (performance.now() - first > 1000) process.exit(130);
        return;
      }
      first = performance.now();
      stop.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      // Loaded only here: BullMQ and ioredis cost start-up time to every command otherwise.
      const { runRedisWorker } = await import("../cluster/redisWorker.js");
      const r = await runRedisWorker(target, {
        concurrency,
        signal: stop.signal,
        log: quiet ? undefined : (line) => process.stdout.write(line + "\n"),
        warn: (line) => process.stderr.write(line + "\n"),
      });
      if (!quiet) process.stdout.write(`worker stopped after ${r.tasks} task${r.tasks === 1 ? "" : "s"}\n`);
      return 0;
    } finally {
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    }
  },
};
