/**
 * One catalogue for the errors a user can cause (bad scenario files, flags, API arguments).
 * Every message reads `invalid <name>: <value> (expected …)` so tests and users can rely on it.
 * Anything else thrown inside relocsim is a bug and keeps its stack trace.
 */
export class InputError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
  constructor(field: string, value: unknown, expected: string, hint?: string) {
    super(`invalid ${field}: ${show(value)} (expected ${expected})${hint ? `; ${hint}` : ""}`);
    this.name = "InputError";
    this.field = field;
    this.value = value;
    this.expected = expected;
  }
}

/** How many problems a message lists; the rest are counted (a file can hold millions of mistakes). */
export const MAX_LISTED_ERRORS = 20;

/** Several input errors found in one pass (a scenario file with more than one mistake). */
export class InputErrors extends Error {
  readonly errors: InputError[];
  constructor(errors: InputError[], source?: string) {
    const head = source ? `${source}: ` : "";
    const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => "  - " + e.message);
    if (errors.length > MAX_LISTED_ERRORS) listed.push(`  ... and ${errors.length - MAX_LISTED_ERRORS} more`);
    super(errors.length === 1 ? head + errors[0]!.message : `${head}${errors.length} problems\n` + listed.join("\n"));
    this.name = "InputErrors";
    this.errors = errors;
  }
}

export function isInputError(e: unknown): e is InputError | InputErrors {
  return e instanceof InputError || e instanceof InputErrors;
}

/**
 * A short, unambiguous rendering of a user's value for an error message. Non-finite numbers
 * show as themselves (JSON would say null); long strings are cut, with their length.
 */
export function show(value: unknown): string {
  if (typeof value === "string") return value.length > 100 ? `${JSON.stringify(value.slice(0, 60))}... (${value.length} characters)` : JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  try {
    const s = JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
    if (s === undefined) return String(value);
    return s.length > 60 ? s.slice(0, 57) + "..." : s;
  } catch {
    // Too deep for JSON.stringify (or a cycle, from code).
    return Array.isArray(value) ? "[...]" : "{...}";
  }
}

/** `where.key`, or `where["key"]` when the key is not a plain name (an empty key, a space, a dot). */
export function keyPath(where: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${where}.${key}` : `${where}[${JSON.stringify(key)}]`;
}

/** The closest candidate within edit distance 2 (or a third of the length), for "did you mean". */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
