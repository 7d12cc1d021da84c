/**
 * Small directories as relocsim sweep, sensitivity, calibrate and validate-model write them
 * (the files a report reads and their manifest.json), with made-up but plausible numbers.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StudyKind } from "../src/index.ts";

const parameters = [
  { path: "labour.separationRate", lo: 0.1, hi: 0.35, log: false, integer: false, from: "file" },
  { path: "environment.migrantWageFactor", lo: 0.45, hi: 0.75, log: false, integer: false, from: "documented" },
];
const outcomes = ["per_capita_income", "employment_rate"];
const design = { relocsim: "0.1.0", design: "fixture", title: "Fixture design", scenario: { name: "historical", source: "historical", hash: "0123456789abcdef" }, parameters, seed: 1, replicates: 2, scale: 300, outcomes, group: "all", horizon: "2017-12" };

export function writeFixtureStudy(dir: string, kind: StudyKind): void {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const manifest = (m: Record<string, unknown>) => write("manifest.json", JSON.stringify(m, null, 2) + "\n");
  switch (kind) {
    case "sweep": {
      // A 3 × 2 factorial, two replicates a point.
      manifest({ ...design, command: "sweep", method: { type: "factorial", levels: [3, 2] }, points: 6 });
      const points = ["point,labour.separationRate,environment.migrantWageFactor,u_labour.separationRate,u_environment.migrantWageFactor"];
      const rows = ["point,replicate,seed,group,date,metric,value"];
      let p = 0;
      for (const u of [0, 0.5, 1]) {
        for (const v of [0, 1]) {
          points.push(`${p},${0.1 + 0.25 * u},${0.45 + 0.3 * v},${u},${v}`);
          for (let r = 0; r < 2; r++) {
            rows.push(`${p},${r},${100 + r},all,2017-12,per_capita_income,${5000 + 2000 * v - 100 * u + 10 * r}`);
            rows.push(`${p},${r},${100 + r},all,2017-12,employment_rate,${0.9 + 0.01 * u - 0.005 * v + 0.001 * r}`);
          }
          p++;
        }
      }
      write("points.csv", points.join("\n") + "\n");
      write("outcomes.csv", rows.join("\n") + "\n");
      return;
    }
    case "sensitivity": {
      manifest({ ...design, command: "sensitivity", method: { type: "sobol", samples: 4, base: "sobol" }, points: 16 });
      write(
        "indices.csv",
        [
          "method,metric,parameter,index,value,lo,hi",
          "sobol,per_capita_income,labour.separationRate,S1,0.02,-0.1,0.1",
          "sobol,per_capita_income,labour.separationRate,ST,0.05,0.01,0.09",
          "sobol,per_capita_income,environment.migrantWageFactor,S1,0.9,0.8,1",
          "sobol,per_capita_income,environment.migrantWageFactor,ST,0.97,0.9,1.05",
          "sobol,employment_rate,labour.separationRate,S1,0.4,0.2,0.6",
          "sobol,employment_rate,labour.separationRate,ST,0.5,0.3,0.7",
          "sobol,employment_rate,environment.migrantWageFactor,S1,0.45,0.3,0.6",
          "sobol,employment_rate,environment.migrantWageFactor,ST,0.55,0.4,0.7",
        ].join("\n") + "\n",
      );
      return;
    }
    case "calibrate": {
      manifest({
        relocsim: "0.1.0", command: "calibrate", name: "fixture", scenario: "historical",
        parameters: [{ path: "labour.migrateIntercept", lo: -1, hi: 2, prior: "uniform" }, { path: "labour.migrateIntegrationPull", lo: 0.3, hi: 2, prior: "log-uniform" }, { path: "labour.farmingIncome", lo: 150, hi: 500, prior: "uniform" }],
        targets: 2, settings: { particles: 4, generations: 2, replications: 1, seed: 1, scale: 500 }, status: "finished", stopped: "generations",
      });
      const post = ["generation,particle,weight,labour.migrateIntercept,labour.migrateIntegrationPull,labour.farmingIncome,distance"];
      for (let g = 0; g < 2; g++) for (let i = 0; i < 4; i++) post.push(`${g},${i},${g ? [0.1, 0.2, 0.3, 0.4][i] : 0.25},${-0.5 + i * 0.6 - g * 0.2},${0.4 + 0.3 * i},${200 + 70 * i},${3 - g - 0.1 * i}`);
      write("posterior.csv", post.join("\n") + "\n");
      write("fit.csv", [
        "target,metric,group,date,published,tolerance,model_mean,lo,hi,source",
        'per_capita_income 2016-12,per_capita_income,all,2016-12,4221,420,4097,3697,4581,"NDRC, SCIO press conference 2020-12-03"',
        "cohort 2016 share of persons,persons,cohort:2016,2016-12,0.259,0.03,0.301,0.28,0.33,NDRC 2017",
      ].join("\n") + "\n");
      write("generations.csv", "generation,tolerance,proposed,acceptance,ess\n0,,4,1,4\n1,2.5,9,0.4444444444444444,3.33\n");
      return;
    }
    case "validate-model": {
      manifest({
        relocsim: "0.1.0", command: "validate-model", calibration: "fixture", lastFittedMonth: "2021-12",
        posterior: { dir: "packages/core/data/posterior/historical", generation: 2, particles: 200, commit: "cc8fd8f69136551658f6760e9d4caf8f3b1842da" },
        settings: { draws: 2, replicatesPerDraw: 2, point: 2, seed: 2, households: 300, workers: 1 },
      });
      write("validation.csv", [
        "kind,name,metric,group,date,published,tolerance,within_interval,posterior_mean,lo,hi,parameter_share,point_mean,point_ci_low,point_ci_high,source",
        "target,per_capita_income 2016-12,per_capita_income,all,2016-12,4221,420,true,4190,3555,4770,0.94,4091,4039,4142,NDRC",
        "target,poverty_rate 2020-12,poverty_rate,all,2020-12,0,0.03,false,0.013,0.01,0.017,0.62,0.013,0.012,0.014,same press conference",
        "prediction,per_capita_income 2022-12,per_capita_income,all,2022-12,,,,12215,10351,13533,0.99,12100,11900,12300,",
        "prediction,employment_rate 2022-12,employment_rate,all,2022-12,,,,0.93,0.912,0.942,0.5,0.931,0.929,0.933,",
      ].join("\n") + "\n");
      return;
    }
  }
}
