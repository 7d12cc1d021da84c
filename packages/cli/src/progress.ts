export interface ProgressOptions {
  /** Units done before this invocation (a resumed run or comparison). @default 0 */
  from?: number;
  /** @default process.stderr */
  stream?: Pick<NodeJS.WriteStream, "isTTY" | "write">;
  /** `-q`: show nothing. @default false */
  quiet?: boolean;
}

/** How often a log (standard error not a terminal) gets a progress line: once a minute. */
export const LOG_EVERY_MS = 60_000;

/**
 * Progress on standard error, with done/total, the rate and the time left. The rate counts only
 * units done since it started: after a resume, the units done earlier took no time here.
 * - On a terminal: a bar redrawn in place.
 * - Otherwise (a log file, a pipe): a plain line once a minute, the first after a minute, so
 *   that work shorter than that prints nothing, and a last line (units done, time taken) at the
 *   end if any was printed.
 * - Nothing under CI (CI set) or with `quiet`.
 */
export function progressBar(label: string, total: number, unit: string, { from = 0, stream = process.stderr, quiet = false }: ProgressOptions = {}) {
  const mode = quiet || process.env.CI ? "off" : stream.isTTY ? "bar" : "lines";
  const started = performance.now();
  let last = 0;
  let lastLine = started;
  let lines = 0;
  let note = "";
  let latest = from;
  const left = (now: number, done: number) => {
    const s = done > from ? ((now - started) / 1000 / (done - from)) * (total - done) : NaN;
    return Number.isFinite(s) ? `${formatSeconds(s)} left` : "";
  };
  const draw = (done: number, force = false) => {
    if (mode === "off") return;
    const now = performance.now();
    if (mode === "lines") {
      if (now - lastLine < LOG_EVERY_MS || done >= total) return;
      lastLine = now;
      lines++;
      const rate = (done - from) / ((now - started) / 1000);
      stream.write(`${label}: ${done}/${total} ${unit} (${Math.floor((100 * done) / total)}%)${note ? `, ${note}` : ""}, ${rate.toFixed(2)} ${unit}/s, ${left(now, done) || "time left unknown"}\n`);
      return;
    }
    if (!force && now - last < 80 && done < total) return;
    last = now;
    const width = 28;
    const filled = Math.round((done / total) * width);
    const eta = left(now, done);
    stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${unit}${note ? `, ${note}` : ""} ${eta}\x1b[K`);
  };
  return {
    /** `detail`, when given, is shown after the count until replaced (e.g. "3 workers seen"). */
    update: (done: number, detail?: string) => {
      if (detail !== undefined) note = detail;
      latest = done;
      draw(done);
    },
    done: () => {
      if (mode === "bar") {
        draw(total, true);
        stream.write(`\r\x1b[K`);
      } else if (mode === "lines" && lines > 0) {
        stream.write(`${label}: ${latest}/${total} ${unit} after ${formatSeconds((performance.now() - started) / 1000)}\n`);
      }
    },
  };
}

export function formatSeconds(s: number): string {
  if (s < 59.5) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
}
