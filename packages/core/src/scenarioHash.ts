import { createHash } from "node:crypto";
import type { Scenario } from "./scenario.js";

/**
 * A scenario's fingerprint in manifests: the first 16 hex digits of the sha256 of
 * `{"scenario": name, "params": params}`. Keep the input exactly so: manifests written
 * earlier carry these values, and equal hashes mean equal scenarios across them.
 */
export function scenarioHash(scenario: Pick<Scenario, "name" | "params">): string {
  return createHash("sha256").update(JSON.stringify({ scenario: scenario.name, params: scenario.params ?? {} })).digest("hex").slice(0, 16);
}
