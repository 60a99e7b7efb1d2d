// The choices of a customer import kept for the next file of the same kind:
// in the plan file (meta table), across a restart, checked by schema on the
// way in, ignored when the stored text no longer parses, at most MAX_RECIPES
// kinds — and never a plan edit (no revision, no history entry).
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ImportRecipe } from '../../shared/api/methods/import';
import { MAX_RECIPES } from '../../electron/store/import-recipes';
import { startApp } from './store-helpers';

const recipe: ImportRecipe = {
  columns: { account: 'name', sector: 'industry', revenue: 'potentialBase' },
  valueMaps: [{ header: 'sector', field: 'segment', values: { retail: 'smb', banking: 'fin' } }],
  potentialFactor: 0.03,
};

describe('import.getRecipe / import.saveRecipe', () => {
  it('keeps a recipe in the plan file across a restart, without making an edit', async () => {
    const t = startApp();
    const { revision } = (await t.call('plan.get', {})) as { revision: number };
    const entries = ((await t.call('history.list', {})) as { entries: unknown[] }).entries.length;
    expect(await t.call('import.getRecipe', { key: 'account|revenue|sector' })).toBeNull();
    await t.call('import.saveRecipe', { key: 'account|revenue|sector', recipe });
    expect(((await t.call('plan.get', {})) as { revision: number }).revision).toBe(revision);
    expect(((await t.call('history.list', {})) as { entries: unknown[] }).entries).toHaveLength(entries);
    t.app.close();
    const again = startApp({ dataDir: t.dataDir });
    expect(await again.call('import.getRecipe', { key: 'account|revenue|sector' })).toEqual(recipe);
  });

  it('refuses a recipe that is not one (unknown field, negative factor) and keeps what was there', async () => {
    const t = startApp();
    await t.call('import.saveRecipe', { key: 'k', recipe });
    const bad = await t.fail('import.saveRecipe', { key: 'k', recipe: { ...recipe, columns: { account: 'nickname' } } });
    expect(bad.code).toBe('invalid_argument');
    expect((await t.fail('import.saveRecipe', { key: 'k', recipe: { ...recipe, potentialFactor: -1 } })).code).toBe('invalid_argument');
    expect(await t.call('import.getRecipe', { key: 'k' })).toEqual(recipe);
  });

  it('ignores a stored text that no longer parses, and keeps the most recent kinds only', async () => {
    const t = startApp();
    const path = ((await t.call('file.current', {})) as { path: string }).path;
    for (let i = 0; i < MAX_RECIPES + 3; i++) await t.call('import.saveRecipe', { key: `kind-${i}`, recipe });
    expect(await t.call('import.getRecipe', { key: 'kind-0' })).toBeNull();
    expect(await t.call('import.getRecipe', { key: 'kind-3' })).toEqual(recipe);
    t.app.close();
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = '{not json' WHERE key = 'import.recipe:kind-3'").run();
    expect(db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'import.recipe:%'").pluck().get()).toBe(MAX_RECIPES);
    db.close();
    const again = startApp({ dataDir: t.dataDir });
    expect(await again.call('import.getRecipe', { key: 'kind-3' })).toBeNull();
    expect(await again.call('import.getRecipe', { key: 'kind-4' })).toEqual(recipe);
  });
});
