/**
 * Builds the tutorial notebooks (notebooks/*.ipynb) from their readable sources
 * (notebooks/src/*.md), with outputs cleared:
 *
 *   npx tsx scripts/build-notebooks.ts          write every notebook
 *   npx tsx scripts/build-notebooks.ts --check  exit 1 if a notebook differs from its source
 *
 * A source is Markdown: each ```ts fence becomes a code cell, the text between fences a
 * Markdown cell (other fences, ```sh say, stay inside the Markdown). Sources diff and review
 * like prose; the .ipynb files are what Jupyter opens.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const NOTEBOOK_DIR = fileURLToPath(new URL("../notebooks/", import.meta.url));
const SOURCE_DIR = join(NOTEBOOK_DIR, "src");

/** The kernelspec `pnpm notebooks:kernel` installs and every notebook asks for. */
export const KERNEL = { name: "relocsim-deno", display_name: "TypeScript (relocsim, Deno)", language: "typescript" } as const;

interface Cell {
  cell_type: "markdown" | "code";
  source: string;
}

/** Split a Markdown source into cells: ```ts fences are code, the rest Markdown. */
export function parseCells(markdown: string): Cell[] {
  const cells: Cell[] = [];
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  let text: string[] = [];
  const flushText = () => {
    const source = text.join("\n").trim();
    if (source) cells.push({ cell_type: "markdown", source });
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "```ts") {
      flushText();
      const code: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) code.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unclosed \`\`\`ts fence (line ${lines.length - code.length})`);
      cells.push({ cell_type: "code", source: code.join("\n").trim() });
    } else {
      text.push(line);
    }
  }
  flushText();
  return cells;
}

/** nbformat 4.5 JSON of a notebook, outputs cleared, formatted as Jupyter writes it. */
export function buildNotebook(markdown: string): string {
  const cells = parseCells(markdown).map((c, i) => {
    const id = `cell-${String(i + 1).padStart(2, "0")}`;
    const source = splitLines(c.source);
    return c.cell_type === "code"
      ? { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source }
      : { cell_type: "markdown", id, metadata: {}, source };
  });
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: KERNEL.display_name, language: KERNEL.language, name: KERNEL.name },
      language_info: {
        codemirror_mode: "typescript",
        file_extension: ".ts",
        mimetype: "text/x.typescript",
        name: "typescript",
        nbconvert_exporter: "script",
        pygments_lexer: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(notebook, null, 1) + "\n";
}

/** Jupyter stores source as lines, each but the last ending in "\n". */
function splitLines(s: string): string[] {
  const lines = s.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l));
}

/** Source name → notebook name, e.g. 01-first-simulation. */
export function notebookSources(): string[] {
  return readdirSync(SOURCE_DIR).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3)).sort();
}

export function buildFromSource(name: string): string {
  return buildNotebook(readFileSync(join(SOURCE_DIR, `${name}.md`), "utf8"));
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  let stale = 0;
  for (const name of notebookSources()) {
    const file = join(NOTEBOOK_DIR, `${name}.ipynb`);
    const built = buildFromSource(name);
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      // not built yet
    }
    if (current === built) continue;
    if (check) {
      stale++;
      process.stderr.write(`notebooks/${name}.ipynb differs from notebooks/src/${name}.md (run: npx tsx scripts/build-notebooks.ts)\n`);
    } else {
      writeFileSync(file, built);
      process.stdout.write(`wrote notebooks/${name}.ipynb\n`);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
