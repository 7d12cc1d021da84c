export { morrisIndices } from "./morrisIndices.js";
export { sobolIndices } from "./sobolIndices.js";
export { bootstrapIntervals, type BootstrapOptions } from "./bootstrap.js";
export type { SensitivityIndex, IndexName } from "./sensitivityIndex.js";
