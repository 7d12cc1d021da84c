import { type LeafSpec } from "@relocsim/core/engine";
export interface FlagSpec {
    type: "string" | "boolean";
    short?: string;
    /** Shown in --help, e.g. "N" for --seed N. */
    value?: string;
    help: string;
    default?: string;
}
export type Flags = Record<string, FlagSpec>;
/**
 * Parse a command's arguments strictly: unknown flags get a "did you mean" and the usage
 * error is an InputError (exit code 2, no stack trace).
 */
export declare function parse(argv: string[], flags: Flags, positionals: {
    min: number;
    max: number;
    names: string;
}): {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
};
/**
 * A flag declared by a spec leaf (an experiment option such as --seed): --help gives the
 * leaf's range and default, unless `defaultText` says otherwise ("the file's, else 10").
 */
export declare function specFlag(spec: LeafSpec, help: string, value: string, shownDefault?: string): FlagSpec;
/**
 * The value of a flag declared by a spec leaf, checked by the same rules as in files (a list
 * is comma-separated); undefined when the flag is not given.
 */
export declare function specValue<T = number>(values: Record<string, unknown>, name: string, spec: LeafSpec): T | undefined;
/** A whole number flag that is no experiment option, e.g. --threads 4. */
export declare function intFlag(values: Record<string, unknown>, name: string, fallback: number, min?: number, max?: number): number;
export declare function helpText(usage: string, summary: string, flags: Flags, more?: string): string;
