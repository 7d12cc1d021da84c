#!/usr/bin/env node
export interface Command {
    name: string;
    summary: string;
    help(): string;
    main(argv: string[]): Promise<number>;
}
/** Every command; `relocsim --help` lists them in this order. */
export declare const COMMANDS: Command[];
export declare function cli(argv: string[]): Promise<number>;
