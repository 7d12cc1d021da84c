import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface Bundle {
  name: string;
  /** the file's text, safe to place between <script> tags */
  code: string;
}

const require = createRequire(import.meta.url);

// The packages export only their ESM entry, so locate each build folder through it and
// take the UMD file beside it (the one their `unpkg` field names).
const files: [name: string, entry: string, umd: string][] = [
  ["vega", "vega", "vega.min.js"],
  ["vega-lite", "vega-lite", "vega-lite.min.js"],
  ["vega-embed", "vega-embed", "vega-embed.min.js"],
];

let cached: Bundle[] | undefined;

/**
 * The UMD builds of vega, vega-lite and vega-embed (in load order) as installed next to
 * this package, so a report carries its own renderer and opens offline.
 */
export function vegaBundles(): Bundle[] {
  cached ??= files.map(([name, entry, umd]) => ({
    name,
    code: scriptSafe(readFileSync(join(dirname(require.resolve(entry)), umd), "utf8")),
  }));
  return cached;
}

/**
 * Makes JavaScript safe inside an HTML <script> element: no "</script" or "<!--" can end
 * or confuse it (both only occur inside strings, regexes or comments, where the escaped
 * forms mean the same), and the source-map comment goes, since no map ships with a report.
 */
export function scriptSafe(js: string): string {
  return js
    .replace(/<\/(script)/gi, "<\\/$1")
    .replace(/<!--/g, "<\\!--")
    .replace(/^\/\/# sourceMappingURL=.*$/gm, "");
}
