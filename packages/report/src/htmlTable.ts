import { escapeHtml } from "./escapeHtml.ts";

/** A cell: text (escaped here), HTML already made safe (`right`: aligned as numbers), or number-like text aligned right. */
export type Cell = string | { html: string; right?: boolean } | { num: string };

/**
 * A table in the report's style: a caption, a header row, a row per entry whose first cell
 * heads the row. Text is escaped; `{num}` cells are right-aligned with tabular figures.
 */
export function htmlTable(className: string, caption: string, head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (c: Cell, i: number) => {
    if (typeof c === "string") return i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`;
    if ("num" in c) return `<td class="num">${escapeHtml(c.num)}</td>`;
    return i === 0 ? `<th scope="row">${c.html}</th>` : `<td${c.right ? ' class="num"' : ""}>${c.html}</td>`;
  };
  return `<table class="${escapeHtml(className)}">
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}
</tbody>
</table>`;
}
