export interface ProgressOptions {
  /** Units done before this invocation (a resumed run or comparison). @default 0 */
  from?: number;
  /** @default process.stderr */
  stream?: Pick<NodeJS.WriteStream, "isTTY" | "write">;
}

/**
 * A progress bar on standard error when it is a terminal; silent otherwise (logs, pipes, CI).
 * Shows done/total, the rate and the time left. The rate counts only units done since the bar
 * started: after a resume, the units done earlier took no time here.
 */
export function progressBar(label: string, total: number, unit: string, { from = 0, stream = process.stderr }: ProgressOptions = {}) {
  const enabled = Boolean(stream.isTTY) && !process.env.CI;
  const started = performance.now();
  let last = 0;
  let note = "";
  const draw = (done: number, force = false) => {
    if (!enabled) return;
    const now = performance.now();
    if (!force && now - last < 80 && done < total) return;
    last = now;
    const width = 28;
    const filled = Math.round((done / total) * width);
    const elapsed = (now - started) / 1000;
    const left = done > from ? (elapsed / (done - from)) * (total - done) : NaN;
    const eta = Number.isFinite(left) ? `${formatSeconds(left)} left` : "";
    stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${unit}${note ? `, ${note}` : ""} ${eta}\x1b[K`);
  };
  return {
    /** `detail`, when given, is shown after the count until replaced (e.g. "3 workers seen"). */
    update: (done: number, detail?: string) => {
      if (detail !== undefined) note = detail;
      draw(done);
    },
    done: () => {
      if (!enabled) return;
      draw(total, true);
      stream.write(`\r\x1b[K`);
    },
  };
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - m * 60)).padStart(2, "0")}s`;
}
