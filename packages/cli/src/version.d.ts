/** relocsim's version, from the CLI package's package.json. */
export declare const VERSION: string;
