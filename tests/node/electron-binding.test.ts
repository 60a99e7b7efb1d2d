// The step that gives Electron its own better-sqlite3 binding before
// `npm start` and before packing (scripts/electron-binding.mjs,
// scripts/before-pack.mjs). The real build downloads Electron's headers,
// which this machine cannot do: the build is faked here, the decisions around
// it are real (a temp project folder with real files).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuildArgs, bindingPath, ensureElectronBinding, manualCommand, STAMP_FILE } from '../../scripts/electron-binding.mjs';
import { packDecision } from '../../scripts/before-pack.mjs';
import { tempDir } from './store-helpers';

const VERSION = '45.5.0';

/** A fake build that writes the file a real node-gyp build would copy, and records its calls. */
function fakeBuild(outcome: 'ok' | 'fail' | 'throws' | 'no-file') {
  const calls: BuildArgs[] = [];
  const build = (args: BuildArgs) => {
    calls.push(args);
    if (outcome === 'throws') throw new Error('getaddrinfo ENOTFOUND electronjs.org');
    if (outcome === 'fail') return { ok: false, output: 'gyp info it worked if it ends with ok\ngyp ERR! stack Error: 404 Not Found' };
    if (outcome === 'ok') {
      mkdirSync(join(args.root, 'native', `electron-${args.arch}`), { recursive: true });
      writeFileSync(bindingPath(args.root, args.arch), 'binary');
    }
    return { ok: true, output: '' };
  };
  return { calls, build };
}

function presentBinding(root: string, arch: string, version: string | null): void {
  mkdirSync(join(root, 'native', `electron-${arch}`), { recursive: true });
  writeFileSync(bindingPath(root, arch), 'binary');
  if (version) writeFileSync(join(root, 'native', `electron-${arch}`, STAMP_FILE), `${version}\n`);
}

describe('the Electron binding step', () => {
  it('present: nothing is built or downloaded', () => {
    const root = tempDir('binding-');
    presentBinding(root, 'x64', VERSION);
    const fake = fakeBuild('fail');
    const r = ensureElectronBinding({ root, arch: 'x64', electronVersion: VERSION, build: fake.build });
    expect(r.status).toBe('present');
    expect(fake.calls).toEqual([]);
  });

  it('missing: built for the installed Electron and arch, then stamped with that version', () => {
    const root = tempDir('binding-');
    const fake = fakeBuild('ok');
    const r = ensureElectronBinding({ root, arch: 'arm64', electronVersion: VERSION, build: fake.build });
    expect(r.status).toBe('built');
    expect(fake.calls).toEqual([{ root, arch: 'arm64', electronVersion: VERSION }]);
    expect(r.path).toBe(join(root, 'native', 'electron-arm64', 'better_sqlite3.node'));
    expect(readFileSync(join(root, 'native', 'electron-arm64', STAMP_FILE), 'utf8').trim()).toBe(VERSION);
    // The next start finds it.
    expect(ensureElectronBinding({ root, arch: 'arm64', electronVersion: VERSION, build: fakeBuild('fail').build }).status).toBe('present');
  });

  it('built for another Electron (or unknown): rebuilt', () => {
    const root = tempDir('binding-');
    presentBinding(root, 'x64', '44.0.0');
    const fake = fakeBuild('ok');
    expect(ensureElectronBinding({ root, arch: 'x64', electronVersion: VERSION, build: fake.build }).status).toBe('built');
    expect(fake.calls).toHaveLength(1);

    const unstamped = tempDir('binding-');
    presentBinding(unstamped, 'x64', null);
    expect(ensureElectronBinding({ root: unstamped, arch: 'x64', electronVersion: VERSION, build: fakeBuild('ok').build }).status).toBe('built');
  });

  it.each(['fail', 'throws', 'no-file'] as const)('download or build failed (%s): one clear message with the command to run', (outcome) => {
    const root = tempDir('binding-');
    const r = ensureElectronBinding({ root, arch: 'x64', electronVersion: VERSION, build: fakeBuild(outcome).build });
    expect(r.status).toBe('failed');
    expect(r.message).toContain(`better-sqlite3 binding for Electron ${VERSION} (x64) could not be built`);
    expect(r.message).toContain('internet');
    expect(r.message).toContain(manualCommand('x64'));
    if (outcome === 'fail') expect(r.message).toContain('404 Not Found');
    if (outcome === 'throws') expect(r.message).toContain('ENOTFOUND');
    // No stamp: a later run tries again rather than trusting a half-done build.
    expect(existsSync(join(root, 'native', 'electron-x64', STAMP_FILE))).toBe(false);
  });
});

describe('before electron-builder packs', () => {
  const ensureWith = (status: 'present' | 'built' | 'failed') => {
    const seen: { arch: string; crossBuild: boolean }[] = [];
    const ensure = (o: { arch: string; build?: unknown }) => {
      seen.push({ arch: o.arch, crossBuild: o.build !== undefined });
      return { status, path: '/p', message: `binding ${status}` };
    };
    return { seen, ensure };
  };

  it('packs when the binding is present or could be built for the target arch', () => {
    const e = ensureWith('built');
    expect(packDecision({ platform: 'linux', arch: 'arm64', hostPlatform: 'linux', ensure: e.ensure }).ok).toBe(true);
    expect(e.seen).toEqual([{ arch: 'arm64', crossBuild: false }]);
    expect(packDecision({ platform: 'linux', arch: 'x64', hostPlatform: 'linux', ensure: ensureWith('present').ensure }).ok).toBe(true);
  });

  it('fails the pack when the binding is absent and cannot be built', () => {
    const d = packDecision({ platform: 'win32', arch: 'x64', hostPlatform: 'win32', ensure: ensureWith('failed').ensure });
    expect(d).toEqual({ ok: false, message: 'binding failed' });
  });

  it('packing for another OS never tries a build that cannot work, and fails without a binding', () => {
    const root = tempDir('binding-');
    const d = packDecision({
      platform: 'win32',
      arch: 'x64',
      hostPlatform: 'linux',
      ensure: (o) => ensureElectronBinding({ ...o, root, electronVersion: VERSION }),
    });
    expect(d.ok).toBe(false);
    expect(d.message).toContain('cannot build a win32 binding on linux');
  });

  it('a Mac App Store build on a Mac builds like a macOS one; on Linux it is another OS', () => {
    const e = ensureWith('built');
    expect(packDecision({ platform: 'mas', arch: 'arm64', hostPlatform: 'darwin', ensure: e.ensure }).ok).toBe(true);
    expect(e.seen).toEqual([{ arch: 'arm64', crossBuild: false }]);
    const onLinux = ensureWith('failed');
    expect(packDecision({ platform: 'mas', arch: 'arm64', hostPlatform: 'linux', ensure: onLinux.ensure }).ok).toBe(false);
    expect(onLinux.seen).toEqual([{ arch: 'arm64', crossBuild: true }]);
  });

  it('32-bit ARM is refused: Node and electron-builder name it differently, so the app would not find its binding', () => {
    const d = packDecision({ platform: 'linux', arch: 'armv7l', hostPlatform: 'linux', ensure: ensureWith('present').ensure });
    expect(d.ok).toBe(false);
    expect(d.message).toContain('armv7l');
  });

  it('universal macOS builds are refused with what to do instead', () => {
    const d = packDecision({ platform: 'darwin', arch: 'universal', hostPlatform: 'darwin', ensure: ensureWith('present').ensure });
    expect(d.ok).toBe(false);
    expect(d.message).toContain('--x64 and --arm64');
  });

  it('only the offline packaging check (check-builder --without-electron-binding) packs without it', () => {
    const e = ensureWith('failed');
    expect(packDecision({ platform: 'linux', arch: 'x64', hostPlatform: 'linux', ensure: e.ensure, checkOnly: true }).ok).toBe(true);
    expect(e.seen).toEqual([]);
  });
});
