/**
 * Errors a caller can cause (a missing results file, rows without the metrics a chart
 * needs). Worded like core's catalogue, `invalid <name>: <value> (expected …)`, and named
 * "InputError" so the CLI can print them as user errors rather than bugs.
 */
export class ReportError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
  constructor(field: string, value: unknown, expected: string) {
    super(`invalid ${field}: ${show(value)} (expected ${expected})`);
    this.name = "InputError";
    this.field = field;
    this.value = value;
    this.expected = expected;
  }
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? s.slice(0, 57) + "..." : s;
  } catch {
    return String(value);
  }
}
