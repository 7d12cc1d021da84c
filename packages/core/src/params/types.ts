import type { Resolved, Input } from "./spec.js";
import type { ModelSpec } from "./model.js";

/** Complete, validated parameters with every default filled in. */
export type Params = Resolved<ModelSpec>;
/** What a scenario may give: any subset; numbers may be mathjs expressions of time. */
export type ParamsInput = Input<ModelSpec>;
