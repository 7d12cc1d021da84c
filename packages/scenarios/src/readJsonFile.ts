import { readFileSync, statSync } from "node:fs";
import { relative, isAbsolute } from "node:path";
import { InputError } from "@relocsim/core";

/** A path as messages show it: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/**
 * Read a JSON file. An unreadable file or a syntax error is an InputError naming the file,
 * and for syntax errors the line and column.
 */
export function readJsonFile(file: string, field = "file"): unknown {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new Error("a directory");
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError(field, displayPath(file), "a readable JSON file");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(displayPath(file), "(file contents)", "valid JSON", where(text, (e as Error).message));
  }
}

function where(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  const clean = message.replace(/ in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
  if (!m) return clean;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${clean}`;
}
