// Types for scripts/mutation-scores.ts, which reads the scopes from the config.
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';

export declare const scopes: { security: string[]; all: string[] } & Record<string, string[]>;
export declare const testFiles: string[];
export declare const notTests: string[];
declare const config: PartialStrykerOptions;
export default config;
export declare const scopeName: string;
export declare const incrementalFile: string;
export declare const committedReport: string;
