export interface ProgressOptions {
    /** Units done before this invocation (a resumed run or comparison). @default 0 */
    from?: number;
    /** @default process.stderr */
    stream?: Pick<NodeJS.WriteStream, "isTTY" | "write">;
}
/**
 * A progress bar on standard error when it is a terminal; silent otherwise (logs, pipes, CI).
 * Shows done/total, the rate and the time left. The rate counts only units done since the bar
 * started: after a resume, the units done earlier took no time here.
 */
export declare function progressBar(label: string, total: number, unit: string, { from, stream }?: ProgressOptions): {
    update: (done: number) => void;
    done: () => void;
};
export declare function formatSeconds(s: number): string;
