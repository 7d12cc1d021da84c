import { readFileSync, statSync } from "node:fs";
import { relative, isAbsolute } from "node:path";
import { InputError } from "@relocsim/core";
import { MAX_NESTING } from "@relocsim/core/engine";

/** A path as messages show it: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/**
 * Scenario and comparison files are a few kilobytes; a larger file is a mistake (or an
 * attack), and parsing and checking millions of keys takes minutes and gigabytes.
 */
export const MAX_JSON_BYTES = 1 << 20;
/** Files nest as deep as values from code may (core's MAX_NESTING): deeper values overflow the stack of the checks. */
export const MAX_JSON_DEPTH = MAX_NESTING;

/**
 * Read a JSON file. Every way it can be unusable (unreadable, too large, not UTF-8, nested
 * too deep, a syntax error) is an InputError at `field` naming the file, and where the text
 * is at fault, the line and column.
 */
export function readJsonFile(file: string, field = "file"): unknown {
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new Error("a directory");
    if (st.size > MAX_JSON_BYTES) throw new InputError(field, shown, `a JSON file of at most ${MAX_JSON_BYTES / (1 << 20)} MB`, `it has ${(st.size / (1 << 20)).toFixed(1)} MB`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(field, shown, "a readable JSON file");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    const at = loose.indexOf("\uFFFD");
    throw new InputError(field, shown, "a JSON file in UTF-8", `${at >= 0 ? lineColumn(loose, at) + ": " : ""}bytes that are not UTF-8`);
  }
  const depth = nestingDepth(text);
  if (depth.max > MAX_JSON_DEPTH) throw new InputError(field, shown, `JSON nested at most ${MAX_JSON_DEPTH} deep`, `${lineColumn(text, depth.at)}: nested deeper`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(field, shown, "valid JSON", syntaxError(text, (e as Error).message));
  }
}

/** V8's message without the echo of the file's text, with a line and column when it gives a position. */
function syntaxError(text: string, message: string): string {
  const clean = message
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/, .* is not valid JSON$/s, "")
    .replace(/^JSON\.parse: /, "");
  const m = /at position (\d+)/.exec(message);
  if (m) return `${lineColumn(text, Number(m[1]))}: ${clean}`;
  if (/end of JSON input/.test(message)) return `${lineColumn(text, text.length)}: ${clean}`;
  return clean;
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/** Deepest nesting of arrays and objects (outside strings), and where it first goes past the limit. */
function nestingDepth(text: string): { max: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max === MAX_JSON_DEPTH + 1) at = i;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return { max, at };
}
