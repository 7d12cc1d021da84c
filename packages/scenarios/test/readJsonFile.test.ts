import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError, InputErrors } from "@relocsim/core";
import { deepMerge, loadScenarioFile, readJsonFile } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "relocsim-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e instanceof InputError || e instanceof InputErrors, String(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected an input error");
}

describe("readJsonFile(file, field)", () => {
  it("refuses 3,000 nested arrays with the depth limit, before any recursion", () => {
    const f = file("deep.json", `{"name":"x","params":{"labour":{"separationRate":${"[".repeat(3000)}0${"]".repeat(3000)}}}}`);
    expect(messageOf(() => readJsonFile(f, "scenario file"))).toMatch(/^invalid scenario file: ".*deep\.json" \(expected JSON nested at most 64 deep\); line 1, column 111: nested deeper$/);
    expect(messageOf(() => loadScenarioFile(f))).toMatch(/deep\.json: invalid scenario file: /);
  });

  it("refuses a file over 1 MB (millions of keys) before parsing it", () => {
    const f = file("big.json", `{"name":"x",${Array.from({ length: 120_000 }, (_, i) => `"k${i}":1`).join(",")}}`);
    expect(messageOf(() => readJsonFile(f, "scenario file"))).toMatch(/\(expected a JSON file of at most 1 MB\); it has 1\.\d MB$/);
  });

  it("refuses bytes that are not UTF-8, with their line and column", () => {
    const f = file("latin1.json", Buffer.concat([Buffer.from('{"name":"x",\n"title":"ab'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
    expect(messageOf(() => readJsonFile(f, "scenario file"))).toMatch(/\(expected a JSON file in UTF-8\); line 2, column 12: bytes that are not UTF-8$/);
  });

  it("does not echo the file's text in a syntax error", () => {
    const f = file("text.txt", "hello world, this is not JSON");
    const m = messageOf(() => readJsonFile(f, "extends"));
    expect(m).toMatch(/^invalid extends: ".*text\.txt" \(expected valid JSON\); Unexpected token 'h'$/);
    expect(m).not.toContain("hello");
  });

  it("an extends pointing at a non-JSON file says extends", () => {
    file("not-json.txt", "hello world");
    const f = file("child.json", JSON.stringify({ name: "child", extends: "./not-json.txt" }));
    expect(messageOf(() => loadScenarioFile(f))).toMatch(/child\.json: invalid extends: ".*not-json\.txt" \(expected valid JSON\); Unexpected token 'h'$/);
  });
});

describe("deepMerge(parent, child)", () => {
  it("keeps __proto__ and constructor as own keys (so validation refuses them) and never changes a prototype", () => {
    const child = JSON.parse('{"__proto__": {"polluted": 1}, "labour": {"constructor": {"a": 1}}}');
    const merged = deepMerge({ labour: { separationRate: 0.1 } }, child) as Record<string, any>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, "__proto__")).toBe(true);
    expect(merged.labour).toEqual(JSON.parse('{"separationRate": 0.1, "constructor": {"a": 1}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a child's __proto__ over a named parent is refused as an unknown key", () => {
    const f = file("proto.json", '{"name":"x","extends":"baseline","params":{"__proto__":{"labour":{"separationRate":3}},"labour":{"toString":1}}}');
    const m = messageOf(() => loadScenarioFile(f));
    expect(m).toContain('invalid params.__proto__: {"labour":{"separationRate":3}} (expected one of the keys of params: ');
    expect(m).toContain("invalid params.labour.toString: 1 (expected one of the keys of params.labour: ");
  });
});
