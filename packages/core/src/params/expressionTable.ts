import { compileExpression, type CompiledExpression } from "./expressions.js";
import { timeScope } from "./resolve.js";

/**
 * A time expression as data for another thread: its source, and its value at every step of a
 * horizon, computed by the thread that compiled it.
 */
export interface ExpressionData {
  path: string;
  source: string;
  /** The horizon's first month (months since year 0) and the value at each of its steps. */
  table?: { start: number; values: number[] };
}

/**
 * The expression with its values over `months` steps from `start` (an expression is a pure
 * function of the date: the same value at the same step of every run).
 */
export function expressionData(e: CompiledExpression, start: number, months: number): ExpressionData {
  const values = Array.from({ length: months }, (_, step) => e.evaluate(timeScope(start, step)));
  return { path: e.path, source: e.source, table: { start, values } };
}

/**
 * The expression again from its data, in a worker thread. Inside its table it looks values up,
 * so the thread never loads mathjs (about a tenth of a second of every worker's start-up, and
 * the main thread has compiled and checked the expression already); elsewhere (another start,
 * a step past the table) it compiles the source on first use and evaluates it as compiled.
 */
export function fromExpressionData(d: ExpressionData): CompiledExpression {
  const { path, source, table } = d;
  let compiled: CompiledExpression | undefined;
  return {
    path,
    source,
    evaluate(scope) {
      const { step } = scope;
      if (table && Number.isInteger(step) && step >= 0 && step < table.values.length && scope.year * 12 + scope.month - 1 === table.start + step) return table.values[step]!;
      return (compiled ??= compileExpression(path, source)).evaluate(scope);
    },
  };
}
