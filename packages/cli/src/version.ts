import { readFileSync } from "node:fs";

/** relocsim's version, from the CLI package's package.json. */
export const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
