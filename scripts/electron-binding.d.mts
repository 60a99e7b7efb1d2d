// Types of electron-binding.mjs for the tests that import it.
export interface BuildResult {
  ok: boolean;
  output?: string;
}
export interface BuildArgs {
  root: string;
  arch: string;
  electronVersion: string;
}
export interface EnsureResult {
  status: 'present' | 'built' | 'failed';
  path: string;
  message: string;
}
export declare const BINDING_FILE: string;
export declare const STAMP_FILE: string;
export declare const projectRoot: string;
export declare function bindingDir(root: string, arch: string): string;
export declare function bindingPath(root: string, arch: string): string;
export declare function installedElectronVersion(root: string): string;
export declare function manualCommand(arch: string): string;
export declare function buildWithNodeGyp(args: BuildArgs): BuildResult;
export declare function ensureElectronBinding(opts: {
  root?: string;
  arch?: string;
  electronVersion?: string;
  build?: (args: BuildArgs) => BuildResult;
}): EnsureResult;
