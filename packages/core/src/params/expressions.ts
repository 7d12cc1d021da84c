import type { EvalFunction, MathNode } from "mathjs";
import { parse, typeOf } from "./mathParse.js";
import { InputError, suggest } from "../errors.js";

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
  /** Dotted path of the parameter inside params, e.g. "environment.demandShock". */
  path: string;
  source: string;
  evaluate(scope: TimeScope): number;
}

/**
 * The functions an expression may call, with how many arguments each takes. A whitelist, not
 * a blacklist: an expression must be a pure function of time (same value for the same step
 * on every run), cheap, and a number, so `random()`, `import`, `evaluate`, `createUnit`,
 * ranges, matrices, strings and assignments are all out.
 */
const FUNCTIONS: Readonly<Record<string, readonly [min: number, max: number]>> = {
  abs: [1, 1], sign: [1, 1], floor: [1, 1], ceil: [1, 1], fix: [1, 1], round: [1, 2],
  min: [1, Infinity], max: [1, Infinity], mod: [2, 2],
  exp: [1, 1], log: [1, 2], log10: [1, 1], log2: [1, 1], sqrt: [1, 1], cbrt: [1, 1], pow: [2, 2],
  sin: [1, 1], cos: [1, 1], tan: [1, 1], asin: [1, 1], acos: [1, 1], atan: [1, 1], atan2: [2, 2],
};
/** Operators by mathjs function name: arithmetic, comparisons and logic (no units, bits or matrices). */
const OPERATORS = new Set([
  "add", "subtract", "multiply", "divide", "pow", "mod", "unaryMinus", "unaryPlus",
  "equal", "unequal", "smaller", "larger", "smallerEq", "largerEq", "and", "or", "xor", "not",
]);
const CONSTANTS = ["pi", "e"];
/** Longer or deeper sources are refused before parsing: mathjs parses and compiles recursively. */
const MAX_LENGTH = 1000;
const MAX_DEPTH = 30;

const functionList = Object.keys(FUNCTIONS).join(", ");
const expected = `a number or a mathjs expression of ${TIME_SYMBOLS.join(", ")}`;

/**
 * Compile a scenario's expression once. Everything a user can get wrong (syntax, unknown
 * symbols and functions, argument counts, size, a value that is not a number) is an
 * InputError naming the field (`field`: its full JSON path, e.g.
 * "scenarios[2].params.environment.demandShock"; `path` is the path inside params).
 */
export function compileExpression(path: string, source: string, field = path): CompiledExpression {
  if (source.length > MAX_LENGTH) throw new InputError(field, source, `${expected}, at most ${MAX_LENGTH} characters`, `it has ${source.length}`);
  const depth = bracketDepth(source);
  if (depth > MAX_DEPTH) throw new InputError(field, source, `${expected}, with brackets nested at most ${MAX_DEPTH} deep`, `they nest ${depth} deep`);
  let node: MathNode;
  try {
    node = parse(source);
  } catch (e) {
    throw new InputError(field, source, expected, (e as Error).message);
  }
  const problems = check(node);
  const unknown = problems.unknown.size > 0 ? `unknown symbol ${[...problems.unknown].map((s) => `'${s}'`).join(", ")}` : undefined;
  if (problems.other.length > 0) throw new InputError(field, source, `${expected} using numbers, arithmetic, comparisons, ?: and the functions ${functionList}`, [...problems.other, ...(unknown ? [unknown] : [])].join("; "));
  if (unknown) throw new InputError(field, source, `an expression of ${TIME_SYMBOLS.join(", ")} only`, unknown);
  const code: EvalFunction = node.compile();
  return {
    path,
    source,
    evaluate(scope) {
      let v: unknown;
      try {
        v = code.evaluate({ ...scope });
      } catch (e) {
        throw new InputError(field, source, expected, `it fails at ${when(scope)}: ${(e as Error).message}`);
      }
      if (typeof v === "number") return v;
      throw new InputError(field, source, "an expression whose value is a number", `it gives ${describe(v)} at ${when(scope)}`);
    },
  };
}

/** Every unknown symbol, and every other construct outside the whitelist, in source order. */
function check(root: MathNode): { unknown: Set<string>; other: string[] } {
  const unknown = new Set<string>();
  const other: string[] = [];
  root.traverse((n, _path, parent) => {
    const node = n as any;
    switch (n.type) {
      case "ConstantNode":
        if (typeof node.value !== "number") other.push(`${describe(node.value)} is not a number`);
        else if (!Number.isFinite(node.value)) other.push(`${n.toString()} is not a finite number`);
        return;
      case "SymbolNode": {
        // A function's name is checked with its call.
        if (parent && parent.type === "FunctionNode" && (parent as any).fn === n) return;
        if (!(TIME_SYMBOLS as readonly string[]).includes(node.name) && !CONSTANTS.includes(node.name)) unknown.add(node.name);
        return;
      }
      case "FunctionNode": {
        const name = node.fn?.type === "SymbolNode" ? (node.fn.name as string) : undefined;
        const arity = name !== undefined && Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name]! : undefined;
        if (!arity) {
          const near = name === undefined ? undefined : suggest(name, Object.keys(FUNCTIONS));
          other.push(name === undefined ? `'${n.toString()}' calls something that is not a function name` : `'${name}' is not one of the allowed functions${near ? ` (did you mean '${near}'?)` : ""}`);
        }
        else if (node.args.length < arity[0] || node.args.length > arity[1]) {
          const takes = arity[0] === arity[1] ? `${arity[0]}` : arity[1] === Infinity ? `at least ${arity[0]}` : `${arity[0]} or ${arity[1]}`;
          other.push(`${name}() takes ${takes} argument${arity[1] === 1 || (arity[0] === 1 && arity[1] === Infinity) ? "" : "s"}, not ${node.args.length}`);
        }
        return;
      }
      case "OperatorNode":
        if (!OPERATORS.has(node.fn)) other.push(`operator '${node.op}' is not allowed`);
        return;
      case "ParenthesisNode":
      case "ConditionalNode":
        return;
      default:
        other.push(`${nodeName(n.type)} ('${n.toString()}') is not allowed`);
    }
  });
  return { unknown, other: [...new Set(other.map((s) => s.replace(/\s+/g, " ")).map((s) => (s.length > 120 ? s.slice(0, 117) + "..." : s)))] };
}

const NODE_NAMES: Record<string, string> = {
  AccessorNode: "a property or index access", ArrayNode: "a matrix", AssignmentNode: "an assignment",
  BlockNode: "a block of several expressions", FunctionAssignmentNode: "a function definition",
  IndexNode: "an index", ObjectNode: "an object", RangeNode: "a range", RelationalNode: "a chained comparison",
};
function nodeName(type: string): string {
  return NODE_NAMES[type] ?? type;
}

/** Deepest nesting of (), [] and {} outside string literals. */
function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  let quote = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === ")" || c === "]" || c === "}") depth--;
  }
  return max;
}

/** "the boolean true", "a complex number (0 + 1i)": what a non-number value is. */
function describe(v: unknown): string {
  const type = typeOf(v);
  const article = /^[aeiou]/i.test(type) ? "an" : "a";
  const text = v === null || v === undefined ? String(v) : typeof v === "string" ? JSON.stringify(v) : String((v as { toString(): string }).toString());
  const shown = text.length > 40 ? text.slice(0, 37) + "..." : text;
  switch (type) {
    case "boolean": return `the boolean ${shown}`;
    case "string": return `the string ${shown}`;
    case "null": case "undefined": return shown;
    case "Complex": return `a complex number (${shown})`;
    case "Unit": return `a unit (${shown})`;
    case "DenseMatrix": case "SparseMatrix": case "Array": return `a matrix (${shown})`;
    default: return `${article} ${type} (${shown})`;
  }
}

function when(scope: TimeScope): string {
  return `${scope.year}-${scope.month < 10 ? "0" : ""}${scope.month}`;
}
