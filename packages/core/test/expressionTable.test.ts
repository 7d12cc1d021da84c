import { describe, expect, it } from "vitest";
import { compileExpression } from "../src/params/expressions.js";
import { expressionData, fromExpressionData } from "../src/params/expressionTable.js";
import { parseMonth, timeScope } from "../src/params/resolve.js";

const start = parseMonth("2016-01");

describe("expressionData(expression, start, months) and fromExpressionData(data), for worker threads", () => {
  it("give the expression's value at every step of the table and past it, through a structured clone", () => {
    const e = compileExpression("environment.demandShock", "year == 2017 ? 0.5 : 0.1 * sin(t)");
    const copy = fromExpressionData(structuredClone(expressionData(e, start, 36)));
    expect([copy.path, copy.source]).toEqual([e.path, e.source]);
    for (let step = -2; step < 40; step++) expect(copy.evaluate(timeScope(start, step)), `step ${step}`).toBe(e.evaluate(timeScope(start, step)));
  });

  it("inside the table compile nothing (a thread loads no mathjs); outside it, the source is compiled on first use", () => {
    const data = { path: "x", source: "year +", table: { start, values: [3, 4] } };
    const e = fromExpressionData(data);
    expect(e.evaluate(timeScope(start, 1))).toBe(4);
    expect(() => e.evaluate(timeScope(start, 2))).toThrow('invalid x: "year +"');
  });

  it("read a table only at its own dates: a scope from another start evaluates the source", () => {
    const e = compileExpression("p", "year");
    const copy = fromExpressionData(expressionData(e, start, 24));
    const later = parseMonth("2020-01");
    expect(copy.evaluate(timeScope(later, 0))).toBe(2020);
    expect(copy.evaluate(timeScope(start, 0))).toBe(2016);
  });
});
