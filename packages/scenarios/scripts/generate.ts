// Regenerate the files derived from the TypeScript sources:
//   npx tsx packages/scenarios/scripts/generate.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generatedFiles } from "../src/generatedFiles.ts";

const root = resolve(import.meta.dirname, "../../..");
for (const [path, content] of Object.entries(generatedFiles(root))) {
  const file = join(root, path);
  let old = "";
  try {
    old = readFileSync(file, "utf8");
  } catch {}
  if (old === content) continue;
  writeFileSync(file, content);
  console.log(`wrote ${path}`);
}
