#!/usr/bin/env node
// The Electron-ABI better-sqlite3 binding: native/electron-<arch>/better_sqlite3.node.
// node_modules/better-sqlite3 keeps its Node build (the tests, CLI and HTTP
// host use it); Electron needs one built against its own headers. This step
// runs before `npm start` and before electron-builder packs (before-pack.mjs):
//
//   present  the binding is there and was built for the installed Electron: nothing to do
//   built    it was missing (or built for another Electron) and is built now, from a
//            *copy* of the package in .tmp/ (node-gyp downloads Electron's headers)
//   failed   it could not be built: one message says why and what to run
//
//   node scripts/electron-binding.mjs [--arch x64|arm64|ia32]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BINDING_FILE = 'better_sqlite3.node';
/** Beside the binding: the Electron version it was built for, so an Electron upgrade rebuilds it. */
export const STAMP_FILE = 'electron-version';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function bindingDir(root, arch) {
  return join(root, 'native', `electron-${arch}`);
}

export function bindingPath(root, arch) {
  return join(bindingDir(root, arch), BINDING_FILE);
}

/** The Electron version in node_modules (the one `npm start` runs and electron-builder packs). */
export function installedElectronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** The command a user can run by hand; printed when the automatic build fails. */
export function manualCommand(arch) {
  return `node scripts/electron-binding.mjs --arch ${arch}`;
}

/**
 * Builds the binding with node-gyp from a copy of node_modules/better-sqlite3
 * (an in-place rebuild would replace the Node build the tests load). node-gyp
 * is called directly with npm_config_nodedir unset: npm would re-export a
 * machine-wide `nodedir` and silently yield a Node-ABI binary.
 * Returns { ok, output }; the caller decides what a failure means.
 */
export function buildWithNodeGyp({ root, arch, electronVersion }) {
  const work = join(root, '.tmp', `better-sqlite3-electron-${arch}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(root, '.tmp'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  delete env.NPM_CONFIG_NODEDIR;
  const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: work, env, encoding: 'utf8' },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  const built = join(work, 'build', 'Release', BINDING_FILE);
  const ok = r.status === 0 && existsSync(built);
  if (ok) {
    mkdirSync(bindingDir(root, arch), { recursive: true });
    cpSync(built, bindingPath(root, arch));
  }
  rmSync(work, { recursive: true, force: true });
  return { ok, output };
}

/**
 * Makes sure the binding for `arch` exists and matches `electronVersion`.
 * `build` is buildWithNodeGyp in real use; tests pass a fake (no download).
 * Returns { status: 'present' | 'built' | 'failed', path, message }.
 */
export function ensureElectronBinding({ root = projectRoot, arch = process.arch, electronVersion, build = buildWithNodeGyp }) {
  const version = electronVersion ?? installedElectronVersion(root);
  const path = bindingPath(root, arch);
  const stamp = join(bindingDir(root, arch), STAMP_FILE);
  const stampedVersion = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
  if (existsSync(path) && stampedVersion === version) {
    return { status: 'present', path, message: `Electron ${version} binding present: ${path}` };
  }
  const why = existsSync(path) ? `it was built for Electron ${stampedVersion ?? '(unknown)'}` : 'it is missing';
  let result;
  try {
    result = build({ root, arch, electronVersion: version });
  } catch (e) {
    result = { ok: false, output: e instanceof Error ? e.message : String(e) };
  }
  if (!result.ok || !existsSync(path)) {
    const tail = (result.output ?? '').trim().split('\n').slice(-8).join('\n');
    return {
      status: 'failed',
      path,
      message:
        `The better-sqlite3 binding for Electron ${version} (${arch}) could not be built, and the app cannot open plan files without it.\n` +
        `It is built from source (${why}), which needs internet access (Electron's headers are downloaded) and a C++ toolchain ` +
        '(Windows: Visual Studio Build Tools with "Desktop development with C++"; macOS: xcode-select --install; Linux: build-essential, python3).\n' +
        `Then run: ${manualCommand(arch)}` +
        (tail ? `\n--- last lines of the build ---\n${tail}` : ''),
    };
  }
  writeFileSync(stamp, `${version}\n`);
  return { status: 'built', path, message: `Built the better-sqlite3 binding for Electron ${version} (${arch}): ${path}` };
}

function argValue(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arch = argValue(process.argv, '--arch') ?? process.arch;
  const r = ensureElectronBinding({ arch });
  if (r.status === 'failed') {
    console.error(r.message);
    process.exit(1);
  }
  console.log(r.message);
}
