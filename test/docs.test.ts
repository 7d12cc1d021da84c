import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRICS } from "../packages/core/src/index.ts";
import { SCHEDULE, leaves, modelSpec, type GroupSpec, type Spec } from "../packages/core/src/engine.ts";
import { PARAMETERS_MD, formatNumber, renderMetrics, renderParameters, sourceKind, withMetricTable } from "../scripts/gen-docs.ts";

const ODD = readFileSync(new URL("../docs/ODD.md", import.meta.url), "utf8");

/** Sections of the source paper (Liang 2025) that a parameter or lever may cite. */
const PAPER_SECTIONS = ["3.1", "3.2", "3.3", "4.1(1)", "4.1(2)", "4.1(3)", "4.2(1)", "4.2(2)", "4.2(3)", "4.2(4)", "4.3(1)", "4.3(2)", "4.3(3)"];

/**
 * A citation names where a published figure comes from: a statistical office or ministry, a
 * plan, a news agency, or an author-year reference ("Petrongolo and Pissarides 2001"). A
 * description such as "standard estimate" is not one, nor a document outside the repository.
 */
const CITATION = /^(NDRC|NBS|National Bureau of Statistics|State Council|Ministry of|MOHRSS|13th Five-Year Plan|Xinhua)\b|^[A-Z][\p{L}'-]+( (and|&) [A-Z][\p{L}'-]+| et al\.)?,? \(?(19|20)\d{2}\b/u;

function sourceProblem(source: string): string | undefined {
  const s = source.trim();
  if (s === "") return "is empty";
  if (/^assumption\b/.test(s)) return undefined;
  const paper = /^paper (\d\.\d(\(\d\))?)/.exec(s);
  if (paper) return PAPER_SECTIONS.includes(paper[1]!) ? undefined : `cites paper section ${paper[1]}, which the paper does not have`;
  return CITATION.test(s) ? undefined : `is neither "assumption…", "paper <section>…" nor a citation`;
}

const levers = Object.entries((modelSpec.fields.policies as GroupSpec).fields) as Array<[string, GroupSpec]>;

describe("docs/parameters.md", () => {
  it("renderParameters() equals the committed file (regenerate with npx tsx scripts/gen-docs.ts)", () => {
    expect(readFileSync(PARAMETERS_MD, "utf8")).toBe(renderParameters());
  });

  it("renderParameters() lists every parameter leaf by its dotted path", () => {
    const md = renderParameters();
    for (const { path } of leaves(modelSpec)) expect(md).toContain(`| \`${path}\` |`);
  });
});

describe("parameter sources", () => {
  it("every leaf of modelSpec has a source: assumption, a paper section or a citation", () => {
    const problems = leaves(modelSpec)
      .map(({ path, spec }) => [path, spec.source, sourceProblem(spec.source)] as const)
      .filter(([, , problem]) => problem !== undefined)
      .map(([path, source, problem]) => `${path}: source ${JSON.stringify(source)} ${problem}`);
    expect(problems).toEqual([]);
  });

  it("sourceProblem(source) rejects a design note as a source: it is not in the repository", () => {
    expect(sourceProblem("DESIGN.md: default horizon 2016-01 to 2025-12")).toBe(`is neither "assumption…", "paper <section>…" nor a citation`);
    expect(sourceProblem("13th Five-Year Plan for poverty-alleviation relocation, NDRC, 2016")).toBeUndefined();
  });

  it("every lever group under policies names paper sections that exist", () => {
    for (const [key, g] of levers) {
      expect(g.paper, `policies.${key}.paper`).toBeTruthy();
      for (const section of g.paper!.split(/,\s*/)) expect(PAPER_SECTIONS, `policies.${key}`).toContain(section);
    }
  });
});

describe("docs/ODD.md", () => {
  it("defines every metric of METRICS", () => {
    const missing = METRICS.filter((m) => !ODD.includes(`\`${m}\``));
    expect(missing).toEqual([]);
  });

  it("has the metric table generated from METRIC_TABLE (regenerate with npx tsx scripts/gen-docs.ts)", () => {
    expect(ODD).toContain(renderMetrics());
    expect(withMetricTable(ODD)).toBe(ODD);
  });

  it("renderMetrics() has one row per metric, in METRICS order", () => {
    const names = [...renderMetrics().matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(names).toEqual([...METRICS]);
  });

  it("has a heading for every lever of the policies group with its paper section", () => {
    const headings = ODD.split("\n").filter((l) => l.startsWith("#"));
    const missing = levers
      .filter(([key, g]) => !headings.some((h) => h.includes(`\`policies.${key}\``) && h.includes(`paper ${g.paper}`)))
      .map(([key, g]) => `policies.${key} (paper ${g.paper})`);
    expect(missing).toEqual([]);
  });

  it("states the schedule of Simulation.step() in its order", () => {
    const start = ODD.indexOf("## 3 Process overview and scheduling");
    const end = ODD.indexOf("\n## 4 ", start);
    expect(start).toBeGreaterThanOrEqual(0);
    const section = ODD.slice(start, end);
    let at = 0;
    for (const phase of SCHEDULE) {
      const i = section.indexOf(`\`${phase}\``, at);
      expect(i, `phase ${phase} after position ${at} of section 3`).toBeGreaterThan(at - 1);
      at = i;
    }
  });

  it("states defaults (`path` = value) as the spec has them, with the right source tag", () => {
    const byPath = new Map(leaves(modelSpec).map(({ path, spec }) => [path, spec]));
    const problems: string[] = [];
    const stated = /`([a-z][A-Za-z0-9.]*)` = (≈?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|true|false|"[^"]*")( \(([ACP])\b)?/g;
    for (const m of ODD.matchAll(stated)) {
      const [, path, value, , tag] = m;
      const spec = byPath.get(path!);
      if (!spec) continue; // unknown paths are reported by the next test
      const expected = spec.kind === "number" ? formatNumber(spec.default) : spec.kind === "boolean" ? String(spec.default) : `"${spec.default}"`;
      if (value !== expected) problems.push(`${path}: ODD says ${value}, the spec's default is ${expected}`);
      const kind = { A: "assumption", P: "paper", C: "cited" }[tag ?? ""];
      if (kind && kind !== sourceKind(spec.source)) problems.push(`${path}: tagged (${tag}) but its source is ${JSON.stringify(spec.source)}`);
    }
    expect(problems).toEqual([]);
  });

  it("names every parameter leaf (where each acts is part of the description)", () => {
    const missing = leaves(modelSpec).map(({ path }) => path).filter((p) => !ODD.includes(`\`${p}\``));
    expect(missing).toEqual([]);
  });

  it("names only parameters that exist in modelSpec", () => {
    const groups = Object.keys(modelSpec.fields);
    const known = new Set<string>();
    const visit = (s: Spec, p: string) => {
      known.add(p);
      if (s.kind === "group") for (const [k, v] of Object.entries(s.fields)) visit(v as Spec, p ? `${p}.${k}` : k);
    };
    visit(modelSpec, "");
    const named = [...ODD.matchAll(/`([a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)`/g)].map((m) => m[1]!);
    const unknown = [...new Set(named.filter((p) => groups.includes(p.split(".")[0]!) && !known.has(p)))];
    expect(unknown).toEqual([]);
  });
});
