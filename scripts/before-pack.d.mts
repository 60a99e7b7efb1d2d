// Types of before-pack.mjs for the tests that import it.
import type { EnsureResult, BuildArgs, BuildResult } from './electron-binding.mjs';
export declare function packDecision(opts: {
  platform: string;
  arch: string;
  hostPlatform?: string;
  ensure?: (opts: { arch: string; build?: (args: BuildArgs) => BuildResult }) => EnsureResult;
  checkOnly?: boolean;
}): { ok: boolean; message: string };
declare function beforePack(context: { electronPlatformName: string; arch: number }): Promise<void>;
export default beforePack;
