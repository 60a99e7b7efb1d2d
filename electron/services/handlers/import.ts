// import.*: reading spreadsheets for the customer import (needs no open plan:
// it only turns a workbook into text grids; the renderer maps and validates
// them with shared/import and writes with one plan.batch), and the choices
// remembered for the next file of the same kind (in the open plan file).
import type { Handlers } from '../../../shared/api/dispatch';
import { SPREADSHEET_MAX_BYTES } from '../../../shared/api/methods/import';
import { ApiError } from '../../../shared/api/result';
import { readImportRecipe, writeImportRecipe } from '../../store/import-recipes';
import type { PlannerSession } from '../session';
import { readWorkbookIsolated } from '../spreadsheet-isolated';

type ImportHandlers = Pick<Handlers<PlannerSession>, 'import.readSpreadsheet' | 'import.getRecipe' | 'import.saveRecipe'>;

export const importHandlers: ImportHandlers = {
  'import.readSpreadsheet': async ({ fileName, dataBase64 }) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    const limitMb = SPREADSHEET_MAX_BYTES / 1024 / 1024;
    if (bytes.length > SPREADSHEET_MAX_BYTES)
      throw new ApiError('invalid_argument', `“${fileName}” is larger than ${limitMb} MB`, { reason: 'too-large', limitMb });
    // Limits, then exceljs, in a worker with a memory ceiling and a time-out.
    return { sheets: await readWorkbookIsolated(fileName, bytes) };
  },

  'import.getRecipe': ({ key }, s) => readImportRecipe(s.requireFile().db, key),

  'import.saveRecipe': ({ key, recipe }, s) => {
    writeImportRecipe(s.requireFile().db, key, recipe);
    return null;
  },
};
