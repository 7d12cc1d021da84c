import { InputError, keyPath } from "./errors.js";

/**
 * Values nest at most this deep (as scenario files do, MAX_JSON_DEPTH of @relocsim/scenarios):
 * shipped scenarios nest about six deep, and the checks, merges and copies of deeper values
 * recurse and can overflow the stack (a scenario built in code 3,000 deep did).
 */
export const MAX_NESTING = 64;

/**
 * The error for a value nested deeper than MAX_NESTING (or a cycle), naming the path of the
 * first too-deep value, or undefined. Walks with its own stack: it must not overflow on what
 * it refuses.
 */
export function checkNesting(value: unknown, where: string): InputError | undefined {
  const todo: Array<[unknown, string, number]> = [[value, where, 0]];
  while (todo.length) {
    const [v, path, depth] = todo.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= MAX_NESTING) return new InputError(path, v, `a value nested at most ${MAX_NESTING} deep`, "it is nested deeper (or refers to itself)");
    if (Array.isArray(v)) v.forEach((x, i) => todo.push([x, `${path}[${i}]`, depth + 1]));
    else for (const [k, x] of Object.entries(v)) todo.push([x, keyPath(path, k), depth + 1]);
  }
  return undefined;
}
