import { createRequire } from "node:module";
import type { MathNode } from "mathjs";

let math: typeof import("mathjs") | undefined;

/**
 * mathjs's `parse`, from the package's single-file build, loaded on first use. Importing
 * "mathjs" loads about 1,500 ES modules, about a second in every thread that does it (each worker
 * of an experiment paid it before its first run); the single file loads in a fifth of that, and
 * a thread whose scenarios have no expression loads none of it.
 */
export function parse(source: string): MathNode {
  return load().parse(source);
}

/** mathjs's `typeOf` (what kind of value an expression gave), from the same build. */
export function typeOf(value: unknown): string {
  return load().typeOf(value);
}

function load(): typeof import("mathjs") {
  return (math ??= createRequire(import.meta.url)("mathjs/lib/browser/math.js") as typeof import("mathjs"));
}
