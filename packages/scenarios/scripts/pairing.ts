// The variance reduction pairing buys, measured on a compare results directory:
//   npx tsx packages/scenarios/scripts/pairing.ts results/paper-strategies
// Paired CI width (common random numbers) against the unpaired (Welch) width for the same runs.
// "both vary": without the outcomes one arm has the same value in every replicate (a lever's
// cost where the baseline has none of it): their ratio is 1 whatever the draws, as a difference
// from a constant has the variance of the other arm.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "results/paper-strategies";
const [head, ...lines] = readFileSync(join(dir, "effects.csv"), "utf8").trim().split("\n");
const cols = head!.split(",");
const at = (name: string) => cols.indexOf(name);
const rows = lines.map((l) => l.split(",")).map((f) => ({
  scenario: f[at("scenario")]!, group: f[at("group")]!, metric: f[at("metric")]!, date: f[at("date")]!,
  paired: Number(f[at("ci_high")]) - Number(f[at("ci_low")]),
  unpaired: Number(f[at("unpaired_ci_high")]) - Number(f[at("unpaired_ci_low")]),
})).filter((r) => r.group === "all" && r.paired > 0 && r.unpaired > 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}
const ratio = (rs: typeof rows) => median(rs.map((r) => r.unpaired / r.paired));
const bothVary = (rs: typeof rows) => rs.filter((r) => Math.abs(r.unpaired / r.paired - 1) > 1e-9);
const dates = [...new Set(rows.map((r) => r.date))].sort();
const scenarios = [...new Set(rows.map((r) => r.scenario))];
console.log(`Unpaired / paired 95% CI width (group all; median over outcomes) in ${dir}\n`);
console.log(["| year end", "all scenarios", "both vary", ...scenarios].join(" | ") + " |");
console.log("|" + "---|".repeat(scenarios.length + 3));
for (const d of dates) {
  const here = rows.filter((r) => r.date === d);
  console.log(`| ${d} | ${ratio(here).toFixed(2)} | ${ratio(bothVary(here)).toFixed(2)} | ${scenarios.map((s) => ratio(here.filter((r) => r.scenario === s)).toFixed(2)).join(" | ")} |`);
}
const last = dates[dates.length - 1]!;
const metrics = ["employment_rate", "per_capita_income", "poverty_rate", "integration_index", "occupancy_rate", "return_rate", "give_up_rate"];
console.log(`\nAt ${last}, median over scenarios: paired and unpaired CI width, and the replications an unpaired design needs for the paired width (n × ratio²)\n`);
console.log("| outcome | paired width | unpaired width | ratio | replications factor |\n|---|---|---|---|---|");
for (const m of metrics) {
  const rs = rows.filter((r) => r.date === last && r.metric === m);
  if (!rs.length) continue;
  const rt = ratio(rs);
  console.log(`| ${m} | ${median(rs.map((r) => r.paired)).toPrecision(3)} | ${median(rs.map((r) => r.unpaired)).toPrecision(3)} | ${rt.toFixed(2)} | ${(rt * rt).toFixed(1)} |`);
}
