// Types of worker-bundle.mjs for the TypeScript that imports it (electron.vite.config.ts, tests).
export declare const WORKER_BUNDLE_NAME: string;
export declare function buildWorkerBundle(outFile: string): Promise<void>;
export declare const FILE_WORKER_BUNDLE_NAME: string;
export declare function buildFileWorkerBundle(outFile: string): Promise<void>;
export declare const SPREADSHEET_WORKER_BUNDLE_NAME: string;
export declare function buildSpreadsheetWorkerBundle(outFile: string): Promise<void>;
export declare const EXPORT_WORKER_BUNDLE_NAME: string;
export declare function buildExportWorkerBundle(outFile: string): Promise<void>;
