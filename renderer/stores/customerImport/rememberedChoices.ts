// The choices remembered per kind of file: a recipe keyed by the header's
// cells (shared/import `recipeKey`), read when the columns step opens and kept
// once the import is written. Neither is an edit of the plan, so a failure
// only costs the memory: the guesses stand, the next import asks again.
import type { ApiClient } from '../../../shared/api/client';
import type { ImportRecipe } from '../../../shared/api/methods/import';
import { recipeKey, recipeOf, type ColumnMapping, type ValueMap } from '../../../shared/import';

/** The key of this kind of file: '' without a header (nothing is remembered). */
export function recipeKeyOf(grid: readonly (readonly string[])[], hasHeader: boolean): string {
  return hasHeader ? recipeKey(grid[0] ?? []) : '';
}

/** The recipe kept for `key`; null when there is none or it cannot be read. */
export async function readRecipe(client: ApiClient, key: string): Promise<ImportRecipe | null> {
  try {
    return await client.invoke('import.getRecipe', { key });
  } catch {
    return null;
  }
}

/** Keeps the choices for the next file with this header (factor text '' : none); false when they could not be kept. */
export async function keepRecipe(
  client: ApiClient,
  key: string,
  choices: { header: readonly string[]; mapping: ColumnMapping; valueMaps: ValueMap[]; factorText: string; potentialFactor: number | null },
): Promise<boolean> {
  const { header, mapping, valueMaps, factorText, potentialFactor } = choices;
  const recipe = recipeOf(header, mapping, valueMaps, factorText.trim() === '' ? undefined : (potentialFactor ?? undefined));
  try {
    await client.invoke('import.saveRecipe', { key, recipe });
    return true;
  } catch {
    return false;
  }
}
