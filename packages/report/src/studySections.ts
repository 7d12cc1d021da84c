import type { ReportSection } from "./reportPage.ts";
import type { CalibrationStudy, SensitivityStudy, Study, SweepStudy, ValidationStudy } from "./readStudy.ts";
import { designSwings } from "./designSwings.ts";
import { escapeHtml } from "./escapeHtml.ts";
import { formatPlain, formatValue } from "./formatValue.ts";
import { htmlTable, type Cell } from "./htmlTable.ts";
import { infoFor } from "./metricInfo.ts";

const METHODS: Record<string, string> = {
  factorial: "A full factorial design",
  lhs: "A Latin hypercube",
  morris: "Morris trajectories (elementary effects)",
  sobol: "Saltelli's sample for Sobol indices",
};
const INDEX_NAMES: Record<string, string> = { mu_star: "μ*", sigma: "σ", S1: "S1", ST: "ST" };

const num = (x: number): Cell => ({ num: formatPlain(x) });
const range = (lo: number, hi: number): Cell => ({ num: `${formatPlain(lo)} – ${formatPlain(hi)}` });
const pct = (x: number): Cell => ({ num: Number.isFinite(x) ? `${Math.round(x * 100)}%` : "–" });
const code = (s: unknown) => `<code>${escapeHtml(s)}</code>`;
const outcomeLabel = (metric: string) => {
  const info = infoFor(metric);
  return { html: `${escapeHtml(info.label)}${info.unit ? ` <span class="unit">(${escapeHtml(info.unit)})</span>` : ""}` };
};

/**
 * The sections of a study's report before its charts: what was run, then its tables (a
 * design's parameters and outcomes, sensitivity indices, a calibration's fit and generations,
 * a validation's targets and predictions).
 */
export function studySections(study: Study): ReportSection[] {
  switch (study.kind) {
    case "sweep":
      return [designSection(study), { id: "outcomes", heading: "Outcomes over the design's points", nav: "Outcomes", html: outcomesTable(study) }];
    case "sensitivity":
      return [designSection(study), { id: "indices", heading: "Sensitivity indices", nav: "Indices", html: indicesTables(study) }];
    case "calibrate":
      return calibrationSections(study);
    case "validate-model":
      return validationSections(study);
  }
}

function designSection(s: SweepStudy | SensitivityStudy): ReportSection {
  const k = s.parameters.length;
  const runs = s.points * s.replicates;
  const intro = `<p>${escapeHtml(METHODS[s.method] ?? s.method)} over ${k} parameter${k === 1 ? "" : "s"} of the scenario ${code(s.scenario)}: ${s.points.toLocaleString("en")} points × ${s.replicates} replication${s.replicates === 1 ? "" : "s"} = ${runs.toLocaleString("en")} runs of ${s.households.toLocaleString("en")} households. Replicate r of every point runs with the same seed (common random numbers), so points differ by their parameters, not by chance. Outcomes: ${s.outcomes.map(code).join(", ")} for the group ${code(s.group)} at ${escapeHtml(s.horizon)}.</p>`;
  const froms = (s.manifest.parameters as Array<{ from?: unknown }>).map((p) => (p.from === "file" ? "the design file" : p.from === "documented" ? "documented plausible range" : String(p.from ?? "")));
  const table = htmlTable(
    "parameters",
    "The parameters varied, each over its range (sampled uniformly, or log-uniformly where marked).",
    ["Parameter", "Low", "High", "Sampled", "Range from"],
    s.parameters.map((p, j) => [{ html: code(p.path) }, num(p.lo), num(p.hi), p.log ? "log-uniform" : "uniform", froms[j]!]),
  );
  return { id: "design", heading: "Design", html: `${intro}\n${table}` };
}

function outcomesTable(s: SweepStudy): string {
  return htmlTable(
    "outcomes",
    `Each outcome at ${s.horizon} over the design's points (each point the mean of its replications), and the parameter with the widest one-at-a-time swing (mean outcome with it low vs high; the tornado charts show every parameter).`,
    ["Outcome", "Lowest", "Mean", "Highest", "Widest swing", "Low → high"],
    s.outcomes.map((metric, o) => {
      const m = s.mean[o]!.filter(Number.isFinite);
      const widest = designSwings(s.method, s.parameters, s.units, s.mean[o]!)
        .filter((t) => Number.isFinite(t.high - t.low))
        .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))[0];
      const f = (x: number) => formatValue(metric, x);
      return [
        outcomeLabel(metric),
        { num: m.length ? f(Math.min(...m)) : "–" },
        { num: m.length ? f(m.reduce((a, b) => a + b, 0) / m.length) : "–" },
        { num: m.length ? f(Math.max(...m)) : "–" },
        widest ? widest.parameter : "–",
        { num: widest ? `${f(widest.low)} → ${f(widest.high)}` : "–" },
      ];
    }),
  );
}

function indicesTables(s: SensitivityStudy): string {
  return s.outcomes
    .map((metric) => {
      const rows = s.indices.filter((x) => x.metric === metric);
      if (!rows.length) return "";
      const indices = [...new Set(rows.map((x) => x.index))];
      const by = new Map(rows.map((x) => [`${x.parameter}\u0000${x.index}`, x]));
      const key = indices[0]!;
      const params = [...new Set(rows.map((x) => x.parameter))].sort((a, b) => {
        const va = by.get(`${a}\u0000${key}`)?.value ?? NaN;
        const vb = by.get(`${b}\u0000${key}`)?.value ?? NaN;
        return (Number.isNaN(va) ? 1 : Number.isNaN(vb) ? -1 : vb - va) || a.localeCompare(b);
      });
      const morris = rows[0]!.method === "morris";
      const info = infoFor(metric);
      const caption = morris
        ? `${info.label} at ${s.horizon}: Morris μ* (mean absolute elementary effect, ${info.unit || "outcome units"} per full range of the parameter) and σ (their spread), with 95% bootstrap intervals; parameters by μ*, largest first.`
        : `${info.label} at ${s.horizon}: first-order (S1) and total-order (ST) Sobol indices, shares of the outcome's variance, with 95% bootstrap intervals; parameters by ${INDEX_NAMES[key] ?? key}, largest first.`;
      return htmlTable(
        "indices",
        caption,
        ["Parameter", ...indices.map((i) => INDEX_NAMES[i] ?? i)],
        params.map((p) => [
          { html: code(p) },
          ...indices.map((i): Cell => {
            const x = by.get(`${p}\u0000${i}`);
            if (!x || !Number.isFinite(x.value)) return { num: "–" };
            return { html: `${escapeHtml(formatPlain(x.value))} <span class="ci">[${escapeHtml(formatPlain(x.lo))}, ${escapeHtml(formatPlain(x.hi))}]</span>`, right: true };
          }),
        ]),
      );
    })
    .filter(Boolean)
    .join("\n");
}

function calibrationSections(s: CalibrationStudy): ReportSection[] {
  const settings = (s.manifest.settings ?? {}) as Record<string, unknown>;
  const last = s.generations[s.generations.length - 1];
  const stopped = { generations: "the generations asked for", tolerance: "the minimum tolerance", acceptance: "a next generation's acceptance below the minimum" }[String(s.manifest.stopped)];
  const intro =
    `<p>Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC) of ${s.parameters.length} free parameters of the scenario ${code(s.manifest.scenario ?? "")} to ${s.fit.length} published figures` +
    (typeof settings.particles === "number" ? `: ${settings.particles} particles, ${settings.replications} replication${settings.replications === 1 ? "" : "s"} per particle, ${Number(settings.scale).toLocaleString("en")} households, seed ${settings.seed}` : "") +
    `. The posterior is the last generation, ${s.generation}` +
    (last ? ` (tolerance ${Number.isFinite(last.tolerance) ? formatPlain(last.tolerance) : "∞"}, effective sample size ${formatPlain(last.ess)} of ${s.particles.length})` : "") +
    (stopped ? `; the calibration stopped at ${stopped}` : "") +
    ".</p>";
  const priors = htmlTable(
    "priors",
    "The free parameters and their priors.",
    ["Parameter", "Prior", "Low", "High"],
    s.parameters.map((p) => [{ html: code(p.path) }, p.prior, num(p.lo), num(p.hi)]),
  );
  const fit = htmlTable(
    "fit",
    "Each target against the model: the weighted mean and 5%–95% weighted quantiles of the last generation's accepted runs (the posterior predictive of those runs, conditioned on their distance ≤ the last tolerance); miss: (model − published) / tolerance.",
    ["Target", "Published", "Model mean", "90% interval", "Miss (tolerances)", "Tolerance", "Source"],
    s.fit.map((f) => [f.target, num(f.published), num(f.mean), range(f.lo, f.hi), { num: formatPlain((f.mean - f.published) / f.tolerance) }, num(f.tolerance), f.source]),
  );
  const generations = htmlTable(
    "generations",
    "Each generation: its tolerance (generation 0 is the prior), the proposals simulated to accept the particles, the acceptance rate and the effective sample size of its weights.",
    ["Generation", "Tolerance", "Proposed", "Acceptance", "Effective sample size"],
    s.generations.map((g) => [String(g.generation), { num: Number.isFinite(g.tolerance) ? formatPlain(g.tolerance) : "∞ (the prior)" }, num(g.proposed), pct(g.acceptance), num(g.ess)]),
  );
  return [
    { id: "calibration", heading: "Calibration", html: `${intro}\n${priors}` },
    { id: "fit", heading: "Fit to the targets", nav: "Fit", html: fit },
    { id: "generations", heading: "Generations", html: generations },
  ];
}

function validationSections(s: ValidationStudy): ReportSection[] {
  const post = (s.manifest.posterior ?? {}) as Record<string, unknown>;
  const settings = (s.manifest.settings ?? {}) as Record<string, unknown>;
  const intro =
    `<p>The calibration ${code(s.name)} checked with fresh runs` +
    (post.dir ? `: the posterior in ${code(post.dir)} (generation ${escapeHtml(post.generation)}${post.commit ? `, fitted at commit ${code(String(post.commit).slice(0, 7))}` : ""})` : "") +
    (typeof settings.draws === "number" ? `, ${settings.draws} draws × ${settings.replicatesPerDraw} replicates and ${settings.point} runs at the point estimate (the shipped defaults), ${Number(settings.households).toLocaleString("en")} households, seed ${settings.seed}` : "") +
    `. Every target is dated up to ${escapeHtml(s.lastFitted)}, the last month ever fitted; the predictions after it were never fitted, for figures published later to test. Intervals: 5% and 95% quantiles over all posterior runs; parameter share: the part of their variance between draws rather than within (chance).</p>`;
  const targets = s.rows.filter((r) => r.kind === "target");
  const predictions = s.rows.filter((r) => r.kind === "prediction");
  const point = (r: ValidationStudy["rows"][number], f: (x: number) => string): Cell => ({ num: Number.isFinite(r.point) ? `${f(r.point)} [${f(r.pointLow)}, ${f(r.pointHigh)}]` : "–" });
  const targetTable = htmlTable(
    "targets",
    "Each fitted target: the published figure against the posterior-predictive mean and 90% interval, whether the figure lies inside it, the parameter share of the variance, and the point estimate's mean with its 95% CI.",
    ["Target", "Published", "Posterior mean", "90% interval", "Inside", "Parameter share", "Point estimate"],
    targets.map((r) => [r.name, num(r.published), num(r.mean), range(r.lo, r.hi), r.within === undefined ? "–" : r.within ? "yes" : "no", pct(r.share), point(r, formatPlain)]),
  );
  const predictionTable = htmlTable(
    "predictions",
    `Predictions at each year end after ${s.lastFitted} (group: all): posterior-predictive mean and 90% interval, the parameter share of the variance, and the point estimate's mean with its 95% CI.`,
    ["Outcome", "Date", "Posterior mean", "90% interval", "Parameter share", "Point estimate"],
    predictions.map((r) => {
      const f = (x: number) => formatValue(r.metric, x);
      return [outcomeLabel(r.metric), { num: r.date }, { num: f(r.mean) }, { num: `${f(r.lo)} – ${f(r.hi)}` }, pct(r.share), point(r, f)];
    }),
  );
  return [
    { id: "validation", heading: "Validation", html: intro },
    { id: "targets", heading: "Targets", html: targets.length ? targetTable : "" },
    { id: "predictions", heading: "Predictions", html: predictions.length ? predictionTable : "" },
  ];
}
