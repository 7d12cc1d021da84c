import { isPlainObject } from "./deepMerge.js";
import { CATALOGUE } from "./catalogue.js";
import { CONTRASTS } from "./catalogue/contrasts.js";
import type { NamedScenario } from "./catalogue/namedScenario.js";

/** Every parameter a scenario sets, as [dotted path, value]. */
export function parametersSet(s: { params?: unknown }): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const visit = (v: unknown, path: string) => {
    if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) k === "$comment" ? undefined : visit(x, path ? `${path}.${k}` : k);
    else out.push([path, v]);
  };
  visit(s.params ?? {}, "");
  return out;
}

const code = (v: unknown) => "`" + JSON.stringify(v).replace(/\|/g, "\\|") + "`";

/** The catalogue as Markdown: what each named scenario encodes and exactly which parameters it sets. */
export function catalogueMarkdown(): string {
  const out: string[] = [];
  const block = (s: NamedScenario) => {
    out.push(`### \`${s.name}\`: ${s.title}`, "", s.description, "", `Paper sections: ${s.paperSections.join(", ") || "none"}.`, "");
    const set = parametersSet(s);
    if (set.length === 0) {
      out.push("Sets no parameter: every value is the model's default.", "");
      return;
    }
    out.push("| parameter (under `params`) | value | why |", "|---|---|---|");
    let previous = "";
    for (const [path, value] of set) {
      const note = s.notes[path] ?? s.notes[path.slice(0, path.lastIndexOf("."))] ?? "";
      const shown = note && note === previous ? "(as above)" : note;
      previous = note;
      out.push(`| \`${path}\` | ${code(value)} | ${shown.replace(/\|/g, "\\|")} |`);
    }
    out.push("");
  };
  for (const s of CATALOGUE.filter((x) => x.kind !== "contrast" && x.kind !== "lever")) block(s);
  out.push("### Contrasts: the paper's diagnoses", "");
  out.push("| contrast | paper | question | before (practice criticised) | after |", "|---|---|---|---|---|");
  for (const c of CONTRASTS) out.push(`| ${c.name} | ${c.paperSection} | ${c.question} | \`${c.before}\` | \`${c.after}\` |`);
  out.push("");
  for (const s of CATALOGUE.filter((x) => x.kind === "contrast")) {
    out.push(`- \`${s.name}\` (${s.paperSections.join(", ")}): sets ${parametersSet(s).map(([p, v]) => `\`${p}\` = ${code(v)}`).join(", ")}. ${s.description}`);
  }
  out.push("", "### One lever at a time", "", "Each sets one lever of the baseline (at the lever's default intensity):", "");
  out.push("| scenario | paper | sets |", "|---|---|---|");
  for (const s of CATALOGUE.filter((x) => x.kind === "lever")) {
    out.push(`| \`${s.name}\` | ${s.paperSections.join(", ")} | ${parametersSet(s).map(([p, v]) => `\`${p}\` = ${code(v)}`).join(", ")} |`);
  }
  out.push("");
  return out.join("\n");
}
