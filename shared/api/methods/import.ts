// API methods: Spreadsheet and paste import of rows (customers screen).
// Spread into the contract by contract.ts; declare with `method(schema, returns<T>())`.
// CSV/TSV and pasted text are parsed in the renderer (shared/import); only
// XLSX needs Node (exceljs), so only it crosses the API.
import { z } from 'zod';
import { IMPORT_FIELDS } from '../../import/field-list';
import { VALUE_MAP_FIELDS } from '../../import/types';
import { method, returns } from '../define';

/** Largest spreadsheet file accepted (bytes). */
export const SPREADSHEET_MAX_BYTES = 20 * 1024 * 1024;

/**
 * What a spreadsheet may hold, checked before any grid is built (XLSX in the
 * host, CSV in the renderer). Rows and columns are far above a customer list
 * (50,000 rows, a few dozen columns) and far below what exhausts memory;
 * cellChars is Excel's own limit per cell.
 */
export const SPREADSHEET_LIMITS = {
  /** All entries of the .xlsx zip, unpacked. */
  unpackedBytes: 100 * 1024 * 1024,
  zipEntries: 1000,
  /** Unpacked ÷ packed size of one entry (checked for entries over 1 MB unpacked). */
  zipRatio: 200,
  rows: 100_000,
  columns: 256,
  cellChars: 32_767,
} as const;
export type SpreadsheetLimit = keyof typeof SPREADSHEET_LIMITS;

export interface SpreadsheetSheet {
  name: string;
  /** Each cell as the text to import; trailing empty rows and cells trimmed. */
  rows: string[][];
}

/** The key of a kind of file (its normalized header, shared/import recipeKey). */
const recipeKeySchema = z.string().min(1).max(4000);
const headerText = z.string().max(400);

/** shared/import ImportRecipe: the choices of an import, kept for the next file of the same kind. */
export const importRecipeSchema = z.strictObject({
  columns: z.record(headerText, z.enum(IMPORT_FIELDS)),
  valueMaps: z
    .array(z.strictObject({ header: headerText, field: z.enum(VALUE_MAP_FIELDS), values: z.record(z.string().max(1000), z.string().max(200)) }))
    .max(50),
  potentialFactor: z.number().min(0).finite().optional(),
});
export type ImportRecipe = z.output<typeof importRecipeSchema>;

export const importMethods = {
  /**
   * Read an .xlsx workbook into text grids, one per worksheet. Cells become
   * display strings: numbers plainly (up to 15 significant digits, like
   * Excel), dates as YYYY-MM-DD, rich text and hyperlinks as their text, and a
   * formula cell as the result Excel saved with it — the formula itself is
   * never evaluated. Over SPREADSHEET_MAX_BYTES: invalid_argument with
   * details.reason 'too-large'; over one of SPREADSHEET_LIMITS: details
   * { reason: 'limit', limit, max, found, sheet? }, decided before anything
   * is built; not a workbook: details.reason 'unreadable'.
   */
  'import.readSpreadsheet': method(
    z.strictObject({
      fileName: z.string().min(1).max(1024),
      // base64 of at most SPREADSHEET_MAX_BYTES (+ slack, so the handler, not the schema, names the limit)
      dataBase64: z.string().max(Math.ceil((SPREADSHEET_MAX_BYTES * 4) / 3) + 1024 * 1024),
    }),
    returns<{ sheets: SpreadsheetSheet[] }>(),
  ),
  /** The choices remembered from the last import of this kind of file (null: none). Kept in the plan file, outside the plan's edits. */
  'import.getRecipe': method(z.strictObject({ key: recipeKeySchema }), returns<ImportRecipe | null>()),
  /** Remember an import's choices for the next file of the same kind (not an edit: no history, no revision). */
  'import.saveRecipe': method(z.strictObject({ key: recipeKeySchema, recipe: importRecipeSchema }), returns<null>()),
} as const;
