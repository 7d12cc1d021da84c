import { defineConfig } from "vitest/config";

// With RELOCSIM_TEST_JSON set (as .ci/run does), a JSON report is written beside the
// default one, so CI can print its plain closing line "N passed, N failed".
const json = process.env.RELOCSIM_TEST_JSON;

// One vitest run covers every package and the cross-package tests in test/.
export default defineConfig({
  test: {
    projects: ["packages/*", "test"],
    // Scratch files of every test under one directory, removed at the end (test/scratchTmp.ts).
    globalSetup: ["./test/scratchTmp.ts"],
    reporters: json ? ["default", ["json", { outputFile: json }]] : ["default"],
  },
});
