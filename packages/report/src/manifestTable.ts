import { escapeHtml } from "./escapeHtml.ts";

/** A run manifest (version, seed, scale, scenario hashes, time) as a small key/value table. */
export function manifestTable(manifest: Record<string, unknown>): string {
  const rows = Object.entries(manifest).map(
    ([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${cell(value, 0)}</td></tr>`,
  );
  if (rows.length === 0) return "";
  return `<table class="manifest">\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

function cell(value: unknown, depth: number): string {
  if (value === null || value === undefined) return "–";
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) {
    return escapeHtml(value.join(", "));
  }
  if (typeof value === "object" && depth < 2) {
    const inner = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${cell(v, depth + 1)}</td></tr>`,
    );
    return `<table class="nested"><tbody>${inner.join("")}</tbody></table>`;
  }
  if (typeof value === "object") return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
  return escapeHtml(value);
}
