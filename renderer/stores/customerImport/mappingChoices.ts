// The columns step of the customer import, kept free of MobX: which field
// each column feeds and why (the guess's reason, the last import of this kind
// of file, or the user's hand), what stops the step, and the choices
// remembered for this kind of file laid over the guesses.
import { applyRecipe, duplicateFields, type ColumnGuess, type ColumnMapping, type ImportField, type Reason, type ValueMap } from '../../../shared/import';
import type { ImportRecipe } from '../../../shared/api/methods/import';

export type MappingProblem = { kind: 'nameMissing' } | { kind: 'duplicate'; field: ImportField } | { kind: 'badFactor'; text: string };

/** What stops the columns step: no name or id column, a field fed by two columns, a factor for potential that is not a number (null). */
export function mappingProblems(mapping: ColumnMapping, potentialFactor: number | null, factorText: string): MappingProblem[] {
  const out: MappingProblem[] = [];
  if (!mapping.includes('name') && !mapping.includes('id')) out.push({ kind: 'nameMissing' });
  for (const field of duplicateFields(mapping)) out.push({ kind: 'duplicate', field });
  if (potentialFactor === null) out.push({ kind: 'badFactor', text: factorText });
  return out;
}

/** Columns that feed a field, in source order (the preview's data columns). */
export function mappedColumns(mapping: ColumnMapping): { column: number; field: ImportField }[] {
  const out: { column: number; field: ImportField }[] = [];
  mapping.forEach((field, column) => {
    if (field) out.push({ column, field });
  });
  return out;
}

/** Why column `c` feeds its field: the guess's reason, the last import of this kind, or the user's choice. */
export function columnReason(c: number, mapping: ColumnMapping, guesses: readonly ColumnGuess[], remembered: ReadonlySet<number>): Reason {
  const field = mapping[c] ?? null;
  if (remembered.has(c) && field !== null) return { key: 'import.reason.remembered', params: { field } };
  const guess = guesses[c];
  if (guess && guess.field === field) return guess.reason;
  return field === null ? { key: 'import.reason.ignoredByHand', params: {} } : { key: 'import.reason.byHand', params: { field } };
}

/** Column `column` set by hand to `field`: the mapping as wide as the grid, the column no longer "remembered". */
export function withField(
  mapping: ColumnMapping,
  remembered: ReadonlySet<number>,
  width: number,
  column: number,
  field: ImportField | null,
): { mapping: ColumnMapping; remembered: ReadonlySet<number> } {
  const next = [...mapping];
  while (next.length < width) next.push(null);
  next[column] = field;
  if (!remembered.has(column)) return { mapping: next, remembered };
  const rest = new Set(remembered);
  rest.delete(column);
  return { mapping: next, remembered: rest };
}

/**
 * The choices remembered for this header laid over the guesses: a remembered
 * field wins its column (a guess of the same field elsewhere is dropped);
 * null when the recipe does not fit the header.
 */
export function withRecipe(
  header: readonly string[],
  guessed: ColumnMapping,
  recipe: ImportRecipe,
): { mapping: ColumnMapping; remembered: ReadonlySet<number>; valueMaps: ValueMap[]; potentialFactor: number | undefined } | null {
  const applied = applyRecipe(header, recipe);
  if (!applied) return null;
  const remembered = new Set<number>();
  const taken = new Set(applied.mapping.filter((f): f is ImportField => f !== null));
  const mapping = guessed.map((guess, c) => {
    const field = applied.mapping[c] ?? null;
    if (field !== null) {
      remembered.add(c);
      return field;
    }
    return guess !== null && taken.has(guess) ? null : guess;
  });
  return { mapping, remembered, valueMaps: applied.valueMaps.map((m) => ({ ...m, values: { ...m.values } })), potentialFactor: applied.potentialFactor };
}
