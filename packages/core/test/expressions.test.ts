import { describe, expect, it } from "vitest";
import { InputError } from "../src/index.js";
import { compileExpression } from "../src/params/expressions.js";

const path = "params.labour.separationRate";
const at2016 = { year: 2016, month: 1, step: 0, t: 0 };

/** The InputError compileExpression (or, with `evaluate`, its first evaluation) throws. */
function refusal(source: string, evaluate = false): InputError {
  try {
    const ex = compileExpression(path, source);
    if (evaluate) ex.evaluate(at2016);
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(InputError);
    expect((e as InputError).field).toBe(path);
    return e as InputError;
  }
  throw new Error(`${source} was accepted`);
}

describe("compileExpression(path, source)", () => {
  it("accepts arithmetic, comparisons, ?: and whitelisted functions of year, month, step, t", () => {
    const ex = compileExpression(path, "year == 2020 and month <= 3 ? max(0.1, min(0.4, t)) : round(abs(sin(pi * t)), 2) + e * 0");
    expect(ex.evaluate({ year: 2020, month: 2, step: 49, t: 49 / 12 })).toBe(0.4);
    expect(ex.evaluate(at2016)).toBe(0);
  });

  it("refuses random() and other impure or unknown functions, so one seed always gives one run", () => {
    expect(refusal("random() * 0.3").message).toMatch(/'random' is not one of the allowed functions/);
    expect(refusal("random() < 0.995 ? 0.2 : 1e6").message).toMatch(/'random' is not one of the allowed functions/);
    expect(refusal("mn(0.1, t)").message).toMatch(/'mn' is not one of the allowed functions \(did you mean 'min'\?\)/);
  });

  it.each([
    ["import({x:1})", /'import' is not one of the allowed functions; an object/],
    ["createUnit('foo')*0+0.1", /'createUnit' is not one of the allowed functions; the string "foo" is not a number/],
    ["evaluate('x + 1')", /'evaluate' is not one of the allowed functions/],
    ["config({number:'BigNumber'})", /'config' is not one of the allowed functions/],
    ["f(t)=f(t); f(t)", /a block of several expressions .* is not allowed; a function definition/],
    ["sum(1:3000000)", /'sum' is not one of the allowed functions.*a range/],
    ["[0.1, 0.2]", /a matrix \('\[0.1, 0.2\]'\) is not allowed/],
    ["t[1]", /a property or index access/],
    ["a = 0.1", /an assignment \('a = 0.1'\) is not allowed; unknown symbol 'a'/],
    ["'abc'", /the string "abc" is not a number/],
    ["t!", /operator '!' is not allowed/],
    ["t'", /operator ''' is not allowed/],
    ["3 & 1", /operator '&' is not allowed/],
    ["2 to cm", /unknown symbol 'cm'/],
    ["Infinity", /Infinity is not a finite number/],
    ["max()", /max\(\) takes at least 1 argument, not 0/],
    ["pow(t)", /pow\(\) takes 2 arguments, not 1/],
    ["sqrt(t, 2)", /sqrt\(\) takes 1 argument, not 2/],
    ["f(t)(t)", /'f' is not one of the allowed functions/],
    ["0.1 +", /Unexpected end of expression/],
  ])("refuses %s naming the field and the problem", (source, pattern) => {
    const e = refusal(source);
    expect(e.message).toMatch(new RegExp(`^invalid ${path.replace(/\./g, "\\.")}: `));
    expect(e.message).toMatch(pattern);
  });

  it("reports a value that is not a number as what it is (boolean, complex), with the month", () => {
    expect(refusal("year > 2020", true).message).toMatch(/expected an expression whose value is a number\); it gives the boolean false at 2016-01/);
    expect(refusal("sqrt(-1)", true).message).toMatch(/it gives a complex number \(i\) at 2016-01/);
  });

  it("turns a function's own failure at run time into an InputError", () => {
    expect(refusal("round(t, 100)", true).message).toMatch(/it fails at 2016-01: Number of decimals/);
  });

  it("refuses a 150,000-term expression and deep nesting before parsing, without echoing them", () => {
    const long = Array.from({ length: 150_000 }, () => "t").join(" + ");
    const e = refusal(long);
    expect(e.message).toMatch(/at most 1000 characters\); it has 599997/);
    expect(e.message.length).toBeLessThan(400);
    const deep = "(".repeat(400) + "t" + ")".repeat(400);
    const d = refusal(deep);
    expect(d.message).toMatch(/brackets nested at most 30 deep\); they nest 400 deep/);
    expect(d.message.length).toBeLessThan(400);
  });
});
