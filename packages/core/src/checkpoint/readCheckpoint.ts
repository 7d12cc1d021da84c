import { InputError } from "../errors.js";
import { resolveScenario, type ResolvedScenario } from "../resolvedScenario.js";
import type { SimulationSnapshot } from "../simulation.js";
import { GROUPS, SITE_GROUPS, collectedGroups } from "../model/collect.js";
import { METRICS } from "../model/metricTable.js";
import type { State } from "../kernel/state.js";
import { readCheckpointFile } from "./checkpointFile.js";
import { allocState, stateColumns } from "./stateColumns.js";
import { CORE_VERSION } from "./coreVersion.js";

export interface Checkpoint {
  /** The scenario of the run that wrote it, resolved again from the parameters it recorded. */
  readonly scenario: ResolvedScenario;
  readonly snapshot: SimulationSnapshot;
  /** Months between checkpoints of that run, if recorded. */
  readonly every?: number;
}

/**
 * Read a checkpoint written by saveCheckpoint. Refused with an InputError (naming `field`, the
 * file and the reason): a file that is not a checkpoint, one cut short or corrupted, and one
 * this relocsim cannot continue identically (another version, another state layout).
 */
export function readCheckpoint(file: string, options: { field?: string } = {}): Checkpoint {
  const field = options.field ?? "checkpoint";
  const refuse = (why: string): never => {
    throw new InputError(field, file, "a checkpoint this relocsim can continue", why);
  };
  let state: State | undefined;
  let values = new Float64Array(0);
  let reported: string[] = [];
  const h = readCheckpointFile(file, field, (h) => {
    if (h.relocsim !== CORE_VERSION) refuse(`it was written by relocsim ${h.relocsim}, this is ${CORE_VERSION}: the model may differ`);
    state = allocState(h.shape);
    const columns = stateColumns(state);
    const layout = (cs: ReadonlyArray<{ name: string; type: string; length: number }>) => cs.map((c) => `${c.name}:${c.type}:${c.length}`).join(",");
    if (layout(columns) !== layout(h.columns)) refuse("its state columns differ from this relocsim's");
    reported = h.values.reported ?? [...SITE_GROUPS];
    const unknown = reported.find((g) => !(GROUPS as readonly string[]).includes(g));
    if (unknown !== undefined) refuse(`it reports group '${unknown}', which this relocsim does not know`);
    const kept = collectedGroups(reported);
    if (h.values.groups.join(",") !== kept.join(",") || h.values.metrics.join(",") !== METRICS.join(",") || h.values.length !== h.stepsDone * kept.length * METRICS.length) {
      refuse("its groups or metrics differ from this relocsim's");
    }
    values = new Float64Array(h.values.length);
    return [...columns.map((c) => c.array), values].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  });
  const s = h.scenario;
  const scenario = resolveScenario({ name: s.name, title: s.title, description: s.description, paperSections: s.paperSections, params: s.input } as Record<string, unknown>);
  if (scenario.hash !== s.hash) refuse(`its scenario '${s.name}' resolves to hash ${scenario.hash}, not the recorded ${s.hash}`);
  const snapshot: SimulationSnapshot = { seed: h.seed, replicate: h.replicate, households: h.households, stepsDone: h.stepsDone, groups: reported, state: state!, values };
  return { scenario, snapshot, ...(h.every === undefined ? {} : { every: h.every }) };
}
