import { readFileSync } from "node:fs";

/** @relocsim/core's version (its package.json, two levels up from src/checkpoint or dist/checkpoint). */
export const CORE_VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
