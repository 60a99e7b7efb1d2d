// electron-builder's beforePack hook (electron-builder.yml): the step that
// `npm start` runs, run again for the architecture being packed. Packing
// fails when the Electron-ABI better-sqlite3 binding is absent, because an
// app packed without it exits at start-up on the user's machine.
//
// The one exception is `scripts/check-builder.mjs --without-electron-binding`,
// the offline packaging check (CI) that packs around a stand-in Electron into
// a temp folder that is deleted afterwards: it sets
// SALESPLAN_PACK_CHECK_WITHOUT_BINDING=1, so nothing is built or downloaded.
import { ensureElectronBinding } from './electron-binding.mjs';

/** electron-builder's Arch enum (builder-util/out/arch.d.ts) → Node's arch names. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export function packDecision({ platform, arch, hostPlatform = process.platform, ensure = ensureElectronBinding, checkOnly = false }) {
  if (checkOnly) return { ok: true, message: 'offline packaging check: the Electron binding is neither built nor shipped' };
  if (arch === 'universal') {
    return { ok: false, message: 'universal macOS builds are not supported: pack --x64 and --arm64 separately' };
  }
  if (arch === 'armv7l') {
    // Node calls it 'arm', electron-builder 'armv7l': the shipped folder and the one the app looks in would differ.
    return { ok: false, message: '32-bit ARM (armv7l) packages are not supported: the Electron binding would not be found' };
  }
  // The Mac App Store build is a macOS build.
  const os = platform === 'mas' ? 'darwin' : platform;
  if (os !== hostPlatform) {
    // node-gyp builds for the machine it runs on: a Windows binding needs a Windows machine.
    const r = ensure({ arch, build: () => ({ ok: false, output: `cannot build a ${os} binding on ${hostPlatform}` }) });
    return { ok: r.status !== 'failed', message: r.message };
  }
  const r = ensure({ arch });
  return { ok: r.status !== 'failed', message: r.message };
}

export default async function beforePack(context) {
  const decision = packDecision({
    platform: context.electronPlatformName,
    arch: ARCH_NAMES[context.arch] ?? String(context.arch),
    checkOnly: process.env.SALESPLAN_PACK_CHECK_WITHOUT_BINDING === '1',
  });
  console.log(`  • ${decision.message.split('\n')[0]}`);
  if (!decision.ok) throw new Error(decision.message);
}
