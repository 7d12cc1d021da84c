export declare const reportCommand: {
    name: string;
    summary: string;
    help: () => string;
    main(argv: string[]): Promise<number>;
};
