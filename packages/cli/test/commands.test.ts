import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { COMMANDS } from "../src/main.ts";

describe("COMMANDS", () => {
  it("the README's command table lists every command, in the order relocsim --help does", () => {
    const readme = readFileSync(resolve(import.meta.dirname, "../../../README.md"), "utf8");
    const listed = [...readme.matchAll(/^\| `(\w[\w-]*)[ `]/gm)].map((m) => m[1]);
    expect(listed).toEqual(COMMANDS.map((c) => c.name));
  });
});
