import type { EvalFunction, MathNode } from "mathjs";
import { parse } from "./mathParse.js";
import { InputError } from "../errors.js";

/** Names a time expression may use. `year` and `month` are the calendar date of the step. */
export const TIME_SYMBOLS = ["year", "month", "step", "t"] as const;
export interface TimeScope {
  /** Calendar year of the step, e.g. 2020. */
  year: number;
  /** Calendar month 1-12. */
  month: number;
  /** Step index from 0. */
  step: number;
  /** Years since the start of the horizon (step / 12). */
  t: number;
}

export interface CompiledExpression {
  path: string;
  source: string;
  evaluate(scope: TimeScope): number;
}

/** Compile a scenario's expression once; unknown symbols and syntax errors name the field. */
export function compileExpression(path: string, source: string): CompiledExpression {
  let node: MathNode;
  try {
    node = parse(source);
  } catch (e) {
    throw new InputError(path, source, `a number or a mathjs expression of ${TIME_SYMBOLS.join(", ")}`, (e as Error).message);
  }
  const unknown = new Set<string>();
  node.traverse((n, _path, parent) => {
    if ((n as any).isSymbolNode && !(parent && (parent as any).isFunctionNode && (parent as any).fn === n)) {
      const name = (n as any).name as string;
      if (!(TIME_SYMBOLS as readonly string[]).includes(name) && !["pi", "e"].includes(name)) unknown.add(name);
    }
  });
  if (unknown.size > 0) {
    throw new InputError(path, source, `an expression of ${TIME_SYMBOLS.join(", ")} only`, `unknown symbol ${[...unknown].map((s) => `'${s}'`).join(", ")}`);
  }
  const code: EvalFunction = node.compile();
  return {
    path,
    source,
    evaluate(scope) {
      const v = code.evaluate({ ...scope });
      return typeof v === "number" ? v : Number.NaN;
    },
  };
}
