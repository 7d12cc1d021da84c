/**
 * Errors a caller can cause (a missing results file, rows without the metrics a chart
 * needs): core's InputError, from its light `errors` entry point (no simulation code), so
 * every package words user errors from one catalogue, `invalid <name>: <value> (expected …)`,
 * and the CLI prints them as user errors rather than bugs.
 */
export { InputError as ReportError } from "@relocsim/core/errors";
