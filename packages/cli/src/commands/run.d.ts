import { isInputError } from "@relocsim/core";
export declare const runCommand: {
    name: string;
    summary: string;
    help: () => string;
    main(argv: string[]): Promise<number>;
};
/** Errors found in a scenario file are reported with the file's name. */
export declare function withFile<T>(file: string, f: () => T): T;
export { isInputError };
