// The corrupt-file proof: damaged and hostile variants of a real plan file,
// each tried three ways — opened through the store, `info FILE` and
// `import PLAN.json FILE` through the CLI (in this process). Every attempt
// must end in a plan that opened or an ApiError whose message names the file;
// none may throw anything else, and a refused file keeps every byte.
// Used by tests/node/reliability.test.ts (a few dozen) and the bench (1,000+).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/result';
import { runCli } from '../../../electron/cli/run';
import { createPlanFile, openPlanFile } from '../../../electron/store';
import type { Plan } from '../../../shared/plan/types';
import { randInt, seeded } from './rng';

export const VARIANT_KINDS = [
  'truncated',
  'zeroed-header',
  'random-pages',
  'random-bytes',
  'empty',
  'stray-journal',
  'foreign-application-id',
  'future-user-version',
  'crafted-trigger',
  'crafted-view',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface Variant {
  kind: VariantKind;
  bytes: Buffer;
  journal?: Buffer;
}

export interface Bases {
  plan: Buffer;
  trigger: Buffer;
  view: Buffer;
  planJson: string;
}

/** A real plan file, and the same file carrying a trigger and a view someone else added. */
export function makeBases(dir: string, plan: Plan): Bases {
  mkdirSync(dir, { recursive: true });
  const path = createPlanFile(join(dir, 'base.salesplan'), plan, { appVersion: 'proof' });
  const plain = readFileSync(path);
  const crafted = (name: string, sql: string) => {
    const p = join(dir, name);
    writeFileSync(p, plain);
    const db = new Database(p);
    db.exec(sql);
    db.close();
    return readFileSync(p);
  };
  return {
    plan: plain,
    trigger: crafted('trigger.salesplan', "CREATE TRIGGER t AFTER INSERT ON changes BEGIN UPDATE plan_settings SET name = 'owned'; END"),
    view: crafted('view.salesplan', 'CREATE VIEW people_v AS SELECT * FROM people'),
    planJson: JSON.stringify(plan),
  };
}

export function makeVariant(bases: Bases, index: number, seed: number): Variant {
  const rng = seeded(seed + index * 7919);
  const kind = VARIANT_KINDS[index % VARIANT_KINDS.length]!;
  const base = Buffer.from(bases.plan);
  const pages = Math.floor(base.length / 4096);
  switch (kind) {
    case 'truncated':
      return { kind, bytes: base.subarray(0, randInt(rng, base.length - 1) + 1) };
    case 'zeroed-header':
      base.fill(0, 0, 100);
      return { kind, bytes: base };
    case 'random-pages': {
      for (let n = randInt(rng, 3) + 1; n > 0; n--) {
        const page = randInt(rng, pages);
        for (let i = 0; i < 4096; i++) base[page * 4096 + i] = randInt(rng, 256);
      }
      return { kind, bytes: base };
    }
    case 'random-bytes': {
      for (let n = randInt(rng, 64) + 1; n > 0; n--) base[randInt(rng, base.length)] = randInt(rng, 256);
      return { kind, bytes: base };
    }
    case 'empty':
      return { kind, bytes: Buffer.alloc(0) };
    case 'stray-journal': {
      const journal = Buffer.alloc(512 + randInt(rng, 8192));
      for (let i = 0; i < journal.length; i++) journal[i] = randInt(rng, 256);
      // Half of them start like a real journal (its magic number), so SQLite takes them seriously.
      if (rng() < 0.5) Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]).copy(journal, 0);
      return { kind, bytes: base, journal };
    }
    case 'foreign-application-id':
      base.writeInt32BE(randInt(rng, 0x7fffffff), 68);
      return { kind, bytes: base };
    case 'future-user-version':
      base.writeInt32BE(1000 + randInt(rng, 1_000_000), 60);
      return { kind, bytes: base };
    case 'crafted-trigger':
      return { kind, bytes: Buffer.from(bases.trigger) };
    case 'crafted-view':
      return { kind, bytes: Buffer.from(bases.view) };
  }
}

export interface ProofTally {
  attempts: number;
  opened: number;
  refused: number;
  /** Anything thrown that is not an ApiError, or a CLI exit code other than 0/1. */
  crashes: string[];
  /** A refused file whose bytes changed. */
  modified: string[];
  /** A refusal whose message does not name the file. */
  unclear: string[];
}

export function emptyTally(): ProofTally {
  return { attempts: 0, opened: 0, refused: 0, crashes: [], modified: [], unclear: [] };
}

async function cliRun(argv: string[], cwd: string): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(argv, { out: () => {}, err: (t) => (err += t), cwd });
  return { code, err };
}

/** Writes the variant and tries open, info and import on it, tallying each. */
export async function tryVariant(dir: string, bases: Bases, v: Variant, label: string, tally: ProofTally): Promise<void> {
  const path = join(dir, 'victim.salesplan');
  const json = join(dir, 'plan.json');
  rmSync(path, { force: true });
  rmSync(`${path}-journal`, { force: true });
  writeFileSync(path, v.bytes);
  if (v.journal) writeFileSync(`${path}-journal`, v.journal);
  writeFileSync(json, bases.planJson);

  const unchanged = () => existsSync(path) && readFileSync(path).equals(v.bytes);
  const where = `${label} (${v.kind})`;

  // 1. open through the store
  tally.attempts++;
  try {
    openPlanFile(path, { appVersion: 'proof' }).close();
    tally.opened++;
  } catch (e) {
    if (!(e instanceof ApiError)) tally.crashes.push(`${where} open: ${String(e)}`);
    else {
      tally.refused++;
      if (!e.message.includes(path)) tally.unclear.push(`${where} open: ${e.message}`);
      if (!unchanged()) tally.modified.push(`${where} open`);
    }
  }
  // 2. info, 3. import onto it: the CLI, as users run it (in this process)
  for (const argv of [
    ['info', path],
    ['import', json, path],
  ]) {
    tally.attempts++;
    const before = readFileSync(path);
    const { code, err } = await cliRun(argv, dir);
    if (code === 0) tally.opened++;
    else if (code !== 1) tally.crashes.push(`${where} ${argv[0]}: exit ${code} ${err}`);
    else {
      tally.refused++;
      if (!err.includes(path)) tally.unclear.push(`${where} ${argv[0]}: ${err.trim()}`);
      if (!readFileSync(path).equals(before)) tally.modified.push(`${where} ${argv[0]}`);
    }
  }
}

/** Runs `count` variants; returns the tally. */
export async function corruptFileProof(dir: string, plan: Plan, count: number, seed = 20261207): Promise<ProofTally> {
  const bases = makeBases(join(dir, 'bases'), plan);
  const work = join(dir, 'work');
  mkdirSync(work, { recursive: true });
  const tally = emptyTally();
  for (let i = 0; i < count; i++) await tryVariant(work, bases, makeVariant(bases, i, seed), `variant ${i} seed ${seed}`, tally);
  return tally;
}
