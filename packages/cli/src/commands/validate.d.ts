export declare const validateCommand: {
    name: string;
    summary: string;
    help: () => string;
    main(argv: string[]): Promise<number>;
};
/** A comparison has a baseline or scenarios; a JSON Schema declares the draft it follows. */
export declare function fileKind(json: unknown): "comparison" | "scenario" | "schema";
