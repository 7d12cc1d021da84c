import { type Experiment } from "@relocsim/core";
import { type ResultsDir } from "@relocsim/core/results";
import { type Comparison } from "@relocsim/scenarios";
export declare const compareCommand: {
    name: string;
    summary: string;
    help: () => string;
    main(argv: string[]): Promise<number>;
};
/**
 * Writes a finished comparison's results atomically (the report is made inside the temporary
 * directory too) and prints its effects: compare's last step, and merge's.
 */
export declare function writeComparison(results: ResultsDir, experiment: Experiment, comparison: Comparison, file: string, options: {
    report: boolean;
    quiet: boolean;
    show: readonly string[];
}): Promise<void>;
/** The readable part: what ran, effects at the horizon, effects over time, the gain from pairing. */
export declare function printout(x: Experiment, c: Comparison, show: readonly string[], dir: string, report: boolean): string;
