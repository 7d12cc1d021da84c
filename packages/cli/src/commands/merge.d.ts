export declare const mergeCommand: {
    name: string;
    summary: string;
    help: () => string;
    main(argv: string[]): Promise<number>;
};
