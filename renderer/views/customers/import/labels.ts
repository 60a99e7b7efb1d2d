// Labels the import steps share: field names, column letters, file errors.
import type { Translator } from '../../../../shared/i18n';
import { fieldLabelKey, type CellProblem, type ImportField } from '../../../../shared/import';
import type { FileReadError } from '../../../stores/customerImport/readCustomerFile';

export function fieldLabel(tr: Translator, field: ImportField): string {
  return tr.t(fieldLabelKey(field) as 'import.field.id');
}

/** 0 → "A", 25 → "Z", 26 → "AA": the spreadsheet's own column names. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A source column as the steps name it: "C · sector", or "Column C" without a header. */
export function columnName(tr: Translator, header: readonly string[] | null, column: number): string {
  const text = header?.[column]?.trim();
  return text ? `${columnLetter(column)} · ${text}` : tr.t('import.mapping.columnName', { letter: columnLetter(column) });
}

export function problemText(tr: Translator, p: CellProblem): string {
  // Problem keys are chosen in shared/import with the parameters their messages need.
  return (tr.t as (key: string, params: Record<string, string | number>) => string)(p.key, p.params);
}

export function fileErrorText(tr: Translator, e: FileReadError): string {
  switch (e.kind) {
    case 'tooLarge':
      return tr.t('import.error.tooLarge', { fileName: e.fileName, limit: e.limit });
    case 'fileType':
      return tr.t('import.error.fileType', { fileName: e.fileName });
    case 'noSheets':
      return tr.t('import.error.noSheets', { fileName: e.fileName });
    case 'unreadable':
      return tr.t('import.error.unreadable', { fileName: e.fileName, message: e.message });
    default: {
      const never: never = e;
      return never;
    }
  }
}
