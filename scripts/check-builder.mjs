#!/usr/bin/env node
// Validates electron-builder.yml and the packaged layout without the Electron
// binary (which cannot be downloaded here): packs `--linux dir` around a
// stand-in Electron distribution into a temp folder and checks what landed in
// app.asar and resources/. Also checks that the built preload requires
// nothing but 'electron' (a sandboxed preload cannot load anything else), that
// the worker threads are single CommonJS files, and that the
// Electron fuses were flipped in the packed binary (the stand-in carries a
// fuse wire like Electron's).
//
// Packing fails when the Electron-ABI better-sqlite3 binding is absent and
// cannot be built (scripts/before-pack.mjs). Where it cannot be built (CI,
// offline), --without-electron-binding checks everything else: the packed
// folder is a temp folder deleted afterwards, never an installer.
//
//   node scripts/check-builder.mjs [--skip-build] [--keep] [--without-electron-binding]
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `\n     ${detail}` : ''}`);
}

const withoutBinding = args.has('--without-electron-binding');

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The file paths in an asar archive, from its JSON header (a Chromium pickle: sizes, then the string). */
function asarEntries(file) {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const length = head.readUInt32LE(12);
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, 16);
    const entries = new Map();
    const walk = (node, prefix) => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const path = prefix ? `${prefix}/${name}` : name;
        if (child.files) walk(child, path);
        else entries.set(path, { unpacked: child.unpacked === true });
      }
    };
    walk(JSON.parse(json.toString('utf8')), '');
    return entries;
  } finally {
    closeSync(fd);
  }
}

function checkPreload() {
  const file = join(root, 'out', 'preload', 'index.cjs');
  if (!existsSync(file)) return check(false, 'out/preload/index.cjs exists');
  const code = readFileSync(file, 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
  const others = required.filter((name) => name !== 'electron');
  check(required.includes('electron') && others.length === 0, "preload bundle requires only 'electron'", `also requires: ${others.join(', ')}`);
  check(!/\bimport\s*\(|^\s*import\s/m.test(code), 'preload bundle is CommonJS (no import statements)');
}

/** The built workers: CommonJS files needing only Node built-ins (and, for the file worker, better-sqlite3). */
function checkWorkers() {
  for (const [name, allowed] of [
    ['simulation-worker.cjs', []],
    ['file-worker.cjs', ['better-sqlite3']],
  ]) {
    const file = join(root, 'out', 'main', name);
    if (!existsSync(file)) {
      check(false, `out/main/${name} exists`);
      continue;
    }
    const code = readFileSync(file, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    const others = required.filter((n) => !n.startsWith('node:') && !builtinModules.includes(n) && !allowed.includes(n));
    check(others.length === 0, `${name} requires only Node built-ins${allowed.length ? ` and ${allowed.join(', ')}` : ''}`, `also requires: ${others.join(', ')}`);
    // Comments may mention import(): only code lines count.
    const codeLines = code.split('\n').filter((l) => !/^\s*(\/\/|\/?\*)/.test(l)).join('\n');
    check(!/\bimport\s*\(|^\s*import\s/m.test(codeLines), `${name} is CommonJS (no import statements)`);
  }
}

// The fuse wire as @electron/fuses finds it: sentinel, wire version, length, one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const FUSE_INHERIT = 144;
const FUSE_ON = 49;
const FUSE_OFF = 48;
const EXPECTED_FUSES = {
  runAsNode: FUSE_OFF,
  enableCookieEncryption: FUSE_ON,
  enableNodeOptionsEnvironmentVariable: FUSE_OFF,
  enableNodeCliInspectArguments: FUSE_OFF,
  enableEmbeddedAsarIntegrityValidation: FUSE_ON,
  onlyLoadAppFromAsar: FUSE_ON,
  grantFileProtocolExtraPrivileges: FUSE_OFF,
};

function standInElectron() {
  const wire = Buffer.from([1, FUSE_NAMES.length, ...FUSE_NAMES.map(() => FUSE_INHERIT)]);
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: packaging check only" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    wire,
    Buffer.from('\n'),
  ]);
}

function checkFuses(binary) {
  if (!existsSync(binary)) return check(false, `${binary} exists`);
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) return check(false, 'the packed Electron binary has a fuse wire');
  const states = bytes.subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + FUSE_NAMES.length);
  for (const [name, want] of Object.entries(EXPECTED_FUSES)) {
    const got = states[FUSE_NAMES.indexOf(name)];
    check(got === want, `fuse ${name} is ${want === FUSE_ON ? 'on' : 'off'}`, `found ${got === FUSE_INHERIT ? 'not set' : got === FUSE_ON ? 'on' : 'off'}`);
  }
}

/** The .desktop entry the deb and AppImage get: the file association and %U (file URLs, accepted by launch.ts). */
function checkDesktopEntry(file) {
  if (!existsSync(file)) return check(false, 'the .desktop entry was computed (scripts/check-desktop-entry.mjs)');
  const entry = readFileSync(file, 'utf8');
  const line = (key) => new RegExp(`^${key}=(.*)$`, 'm').exec(entry)?.[1] ?? '';
  check(/^\/opt\/.+\/sales-strategy-planner %U$/.test(line('Exec').replace(/"/g, '')), '.desktop Exec runs sales-strategy-planner with %U', line('Exec'));
  check(line('MimeType').split(';').includes('application/x-salesplan'), '.desktop MimeType has application/x-salesplan', line('MimeType'));
  check(line('StartupWMClass') === 'sales-strategy-planner', '.desktop StartupWMClass matches package.json desktopName', line('StartupWMClass'));
}

const started = Date.now();
if (!args.has('--skip-build')) {
  const build = run(bin('electron-vite'), ['build']);
  check(build.ok, 'electron-vite build', build.output.slice(-2000));
  if (!build.ok) process.exit(1);
}
checkPreload();
checkWorkers();

const tmp = mkdtempSync(join(tmpdir(), 'check-builder-'));
try {
  // What electron-builder needs from an Electron distribution to lay out the app.
  const dist = join(tmp, 'electron-dist');
  spawnSync('mkdir', ['-p', dist]);
  writeFileSync(join(dist, 'electron'), standInElectron());
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), '45.5.0');
  writeFileSync(join(dist, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dist, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');

  const outDir = join(tmp, 'dist');
  const pack = run(bin('electron-builder'), [
    '--linux',
    'dir',
    '--publish',
    'never',
    `-c.electronDist=${dist}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${outDir}`,
    '-c.afterPack=./scripts/check-desktop-entry.mjs',
  ], withoutBinding ? { SALESPLAN_PACK_CHECK_WITHOUT_BINDING: '1' } : {});
  check(pack.ok, 'electron-builder --linux dir with electron-builder.yml', pack.output.slice(-3000));

  const resources = join(outDir, 'linux-unpacked', 'resources');
  const asar = join(resources, 'app.asar');
  check(existsSync(asar), 'app.asar was produced');
  if (existsSync(asar)) {
    const entries = asarEntries(asar);
    for (const f of [
      'package.json',
      'out/main/index.js',
      'out/main/simulation-worker.cjs',
      'out/main/file-worker.cjs',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      check(entries.has(f), `app.asar holds ${f}`);
    }
    const sources = [...entries.keys()].filter(
      (p) => /^(electron|renderer|shared|tests|scripts)\//.test(p) || p.endsWith('.map') || p.startsWith('node_modules/better-sqlite3/deps/'),
    );
    check(sources.length === 0, 'app.asar holds no sources, source maps or native build inputs', sources.slice(0, 5).join(', '));
    const cli = [...entries.keys()].filter((p) => p.startsWith('out/cli/'));
    check(cli.length === 0, 'app.asar holds no CLI bundle (out/cli: a Node program the packed app cannot run)', cli.slice(0, 3).join(', '));
    const native = [...entries].filter(([p]) => p.endsWith('.node'));
    check(
      native.length > 0 && native.every(([, e]) => e.unpacked),
      'native .node files are unpacked from the asar',
      native.map(([p, e]) => `${p}${e.unpacked ? '' : ' (packed)'}`).join(', '),
    );
    check(
      existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
      'better_sqlite3.node is in app.asar.unpacked',
    );
  }
  for (const lang of ['en', 'zh-CN']) {
    check(existsSync(join(resources, 'demo', `demo.${lang}.plan.json`)), `resources/demo/demo.${lang}.plan.json shipped`);
  }
  // The Electron-ABI binding (scripts/electron-binding.mjs); before-pack.mjs made packing fail without it.
  const electronNative = join('native', `electron-${process.arch}`, 'better_sqlite3.node');
  if (withoutBinding) {
    console.log(`note --without-electron-binding: ${electronNative} neither built nor checked; this layout must not be shipped`);
  } else {
    check(existsSync(join(resources, electronNative)), `resources/${electronNative} shipped`);
  }
  const executable = join(outDir, 'linux-unpacked', 'sales-strategy-planner');
  check(existsSync(executable), 'the executable is named sales-strategy-planner');
  checkFuses(executable);
  checkDesktopEntry(join(outDir, 'check-desktop-entry.desktop'));
} finally {
  if (args.has('--keep')) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

console.log(`check-builder: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
