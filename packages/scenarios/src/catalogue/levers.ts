import type { ParamsInput } from "@relocsim/core";
import { modelSpec, type GroupSpec } from "@relocsim/core/engine";
import { defineScenario, type NamedScenario } from "./namedScenario.js";

/**
 * One lever at a time: the baseline with a single lever switched to the setting the paper's
 * strategies use, so each lever's own contribution can be measured (scenarios/levers.json).
 * Named `lever.<parameter group>`, e.g. `lever.landRights` sets params.policies.landRights.
 */
const SETTINGS: Record<string, Record<string, unknown>> = {
  vocationalTraining: { mode: "needsBased" },
  industrialSupport: { mode: "longTerm" },
};

const levers = (modelSpec.fields.policies as GroupSpec).fields as Record<string, GroupSpec>;

export const LEVER_SCENARIOS: readonly NamedScenario[] = Object.entries(levers).map(([key, spec]) => {
  const setting = SETTINGS[key] ?? { enabled: true };
  const sections = (spec.paper ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const what = Object.entries(setting).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ");
  return defineScenario({
    name: `lever.${key}`,
    kind: "lever",
    title: `One lever: ${spec.doc.split(":")[0]} (paper ${sections.join(", ")})`,
    description: `The baseline with one lever changed: params.policies.${key}.${what}, at the lever's documented default intensity. ${spec.doc}.`,
    paperSections: sections,
    params: { policies: { [key]: setting } } as ParamsInput,
    notes: { [`policies.${key}`]: `paper ${sections.join(", ")}: ${spec.doc}` },
  });
});
