#!/usr/bin/env node
// Validates electron-builder.yml and the packaged layout without the Electron
// binary (which cannot be downloaded here): packs `--linux dir` around a
// stand-in Electron distribution into a temp folder and checks what landed in
// app.asar and resources/. Also checks that the built preload requires
// nothing but 'electron' (a sandboxed preload cannot load anything else).
//
//   node scripts/check-builder.mjs [--skip-build] [--keep]
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
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

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
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

const started = Date.now();
if (!args.has('--skip-build')) {
  const build = run(bin('electron-vite'), ['build']);
  check(build.ok, 'electron-vite build', build.output.slice(-2000));
  if (!build.ok) process.exit(1);
}
checkPreload();

const tmp = mkdtempSync(join(tmpdir(), 'check-builder-'));
try {
  // What electron-builder needs from an Electron distribution to lay out the app.
  const dist = join(tmp, 'electron-dist');
  spawnSync('mkdir', ['-p', dist]);
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "stand-in Electron: packaging check only" >&2\nexit 1\n');
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
  ]);
  check(pack.ok, 'electron-builder --linux dir with electron-builder.yml', pack.output.slice(-3000));

  const resources = join(outDir, 'linux-unpacked', 'resources');
  const asar = join(resources, 'app.asar');
  check(existsSync(asar), 'app.asar was produced');
  if (existsSync(asar)) {
    const entries = asarEntries(asar);
    for (const f of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      check(entries.has(f), `app.asar holds ${f}`);
    }
    const sources = [...entries.keys()].filter(
      (p) => /^(electron|renderer|shared|tests|scripts)\//.test(p) || p.endsWith('.map') || p.startsWith('node_modules/better-sqlite3/deps/'),
    );
    check(sources.length === 0, 'app.asar holds no sources, source maps or native build inputs', sources.slice(0, 5).join(', '));
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
  // Present only when an Electron-ABI build was made (docs/electron-shell.md).
  const electronNative = join('native', `electron-${process.arch}`, 'better_sqlite3.node');
  if (existsSync(join(root, electronNative))) {
    check(existsSync(join(resources, electronNative)), `resources/${electronNative} shipped`);
  } else {
    console.log(`note ${electronNative} not built on this machine: the package would fall back to the Node-ABI build`);
  }
  check(existsSync(join(outDir, 'linux-unpacked', 'sales-strategy-planner')), 'the executable is named sales-strategy-planner');
} finally {
  if (args.has('--keep')) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

console.log(`check-builder: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
