// Types of engine-bundle.mjs for the TypeScript that imports it (bench/cases/simulation.ts).
export declare function bundleEngine(checkout?: string): Promise<string>;
export declare function resultHash(result: object): string;
