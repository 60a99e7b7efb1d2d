// Types of cli-bundle.mjs for the TypeScript that imports it (electron.vite.config.ts, the bench).
export declare function buildCliBundle(outDir: string): Promise<void>;
