// Reliability proofs in small counts (the bench runs the same code 1,000 and
// 100,000 times): damaged and hostile plan files, and fuzzed JSON plans, CSV
// and XLSX. See tests/node/proofs/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskProof, tryMountTmpfs, unmount } from './proofs/disk';
import { corruptFileProof, VARIANT_KINDS } from './proofs/corrupt-files';
import { emptyFuzzTally, fuzzCsv, fuzzJsonPlans, fuzzXlsx } from './proofs/fuzz';
import { xlsxSeeds } from './hostile-xlsx';
import { demoJson, smallPlan, startApp, tempDir } from './store-helpers';

describe('corrupt plan files', () => {
  it(`${VARIANT_KINDS.length * 4} damaged or hostile variants × open / info / import: no crash, no changed byte, a message naming the file`, async () => {
    const tally = await corruptFileProof(tempDir(), smallPlan(), VARIANT_KINDS.length * 4);
    expect(tally.crashes).toEqual([]);
    expect(tally.modified).toEqual([]);
    expect(tally.unclear).toEqual([]);
    expect(tally.attempts).toBe(VARIANT_KINDS.length * 4 * 3);
    // Most variants are refused; an undamaged page hit by chance may still open.
    expect(tally.refused).toBeGreaterThan(tally.attempts / 2);
  });
});

describe('fuzzing (fast-check)', () => {
  it('mutated and generated JSON plans: a plan or issues, no prototype pollution, a refused import changes nothing', async () => {
    const tally = emptyFuzzTally();
    const t = startApp();
    await fuzzJsonPlans(demoJson(), 120, tally, { app: t.app, dir: t.dataDir, importEvery: 6 });
    expect(tally.untyped).toEqual([]);
    expect(tally.storeChanged).toEqual([]);
    expect(tally.polluted).toBe(false);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('generated CSV: rows or a limit error', async () => {
    const tally = emptyFuzzTally();
    await fuzzCsv(200, tally);
    expect(tally.untyped).toEqual([]);
    expect(tally.refused).toBeGreaterThan(0);
  });

  it('mutated XLSX (a real workbook and the hostile ones): grids or a typed refusal', async () => {
    const tally = emptyFuzzTally();
    await fuzzXlsx(await xlsxSeeds(), 60, tally);
    expect(tally.untyped).toEqual([]);
    expect(tally.cases).toBe(60);
  });
});

describe('disk full and read-only media', () => {
  const mount = mkdtempSync(join(tmpdir(), 'salesplan-disk-'));
  const mounted = process.getuid?.() === 0 && tryMountTmpfs(mount, 1024);
  afterAll(() => {
    if (mounted) unmount(mount);
    rmSync(mount, { recursive: true, force: true });
  });
  // Mounting a tmpfs needs root; CI and the developers' machines run as root.
  it.skipIf(!mounted)('a full disk refuses the edit clearly and keeps every acknowledged one; read-only media refuse the edit, bytes kept', async () => {
    const proof = await diskProof(mount, tempDir(), smallPlan());
    expect(proof.acknowledged).toBeGreaterThan(0);
    expect(proof.fullError).toMatchObject({ code: 'file_error', reason: 'disk_full' });
    expect(proof.fullError!.message).toContain('the disk is full');
    expect(proof.integrity).toBe('ok');
    expect(proof.reopenedRevision).toBe(proof.acknowledged);
    expect(proof.readOnlyError).toMatchObject({ code: 'file_error', reason: 'read_only' });
    expect(proof.readOnlyUnchanged).toBe(true);
  });
});
