import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "@relocsim/core";
import { checkLeaf, defaultText, rangeText, suggest, type LeafSpec } from "@relocsim/core/engine";

export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  /** Shown in --help, e.g. "N" for --seed N. */
  value?: string;
  help: string;
  default?: string;
}
export type Flags = Record<string, FlagSpec>;

/**
 * Parse a command's arguments strictly: unknown flags get a "did you mean" and the usage
 * error is an InputError (exit code 2, no stack trace).
 */
export function parse(argv: string[], flags: Flags, positionals: { min: number; max: number; names: string }) {
  const options: ParseArgsConfig["options"] = {};
  for (const [name, f] of Object.entries(flags)) options[name] = { type: f.type, ...(f.short ? { short: f.short } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const m = /Unknown option '(-{1,2}[^']+)'/.exec(msg);
    if (m) {
      const s = suggest(m[1]!.replace(/^-+/, ""), Object.keys(flags));
      throw new InputError("flag", m[1], `one of ${Object.keys(flags).map((f) => "--" + f).join(", ")}`, s ? `did you mean '--${s}'?` : undefined);
    }
    const missing = /Option '(-[^']+)' argument missing/.exec(msg) ?? /Option '(--[^ ']+)[^']*' argument missing/.exec(msg);
    if (missing) throw new InputError(missing[1]!, "", "a value after the flag");
    const ambiguous = /Option '(--[^ ']+)[^']*' argument is ambiguous/.exec(msg);
    if (ambiguous) {
      const i = argv.indexOf(ambiguous[1]!);
      throw new InputError(ambiguous[1]!, argv[i + 1] ?? "", "a value that does not start with '-' (write --flag=-value if you mean it)");
    }
    throw new InputError("arguments", argv.join(" "), msg.split("\n")[0]!);
  }
  const { values, positionals: pos } = parsed;
  if (!values.help && (pos.length < positionals.min || pos.length > positionals.max)) {
    throw new InputError("arguments", pos.join(" ") || "(none)", positionals.names);
  }
  return { values: values as Record<string, string | boolean | undefined>, positionals: pos };
}

/**
 * A flag declared by a spec leaf (an experiment option such as --seed): --help gives the
 * leaf's range and default, unless `defaultText` says otherwise ("the file's, else 10").
 */
export function specFlag(spec: LeafSpec, help: string, value: string, shownDefault = defaultText(spec)): FlagSpec {
  return { type: "string", value, help: `${help}: ${rangeText(spec)}`, default: shownDefault };
}

/**
 * The value of a flag declared by a spec leaf, checked by the same rules as in files (a list
 * is comma-separated); undefined when the flag is not given.
 */
export function specValue<T = number>(values: Record<string, unknown>, name: string, spec: LeafSpec): T | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const text = String(v);
  const given = spec.kind === "list" ? text.split(",").map((x) => x.trim()).filter(Boolean) : spec.kind === "number" && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  const r = checkLeaf(spec, given, `--${name}`);
  // Show the value as typed ("0", not 0): it is text on a command line.
  if (r instanceof InputError) throw typeof given === "number" ? new InputError(r.field, text, r.expected) : r;
  return r as T;
}

/** A whole number flag that is no experiment option, e.g. --threads 4. */
export function intFlag(values: Record<string, unknown>, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== "string" || !/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError(`--${name}`, v, `a whole number from ${min} to ${max}`);
  }
  return n;
}

export function helpText(usage: string, summary: string, flags: Flags, more = ""): string {
  const rows = Object.entries(flags).map(([name, f]) => {
    const left = `  ${f.short ? `-${f.short}, ` : "    "}--${name}${f.value ? ` ${f.value}` : ""}`;
    return `${left.padEnd(30)} ${f.help}${f.default ? ` (default: ${f.default})` : ""}`;
  });
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.join("\n")}\n${more ? "\n" + more + "\n" : ""}`;
}
