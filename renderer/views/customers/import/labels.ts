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

const LIMIT_KEYS = {
  unpackedBytes: 'import.error.limit.unpackedBytes',
  zipEntries: 'import.error.limit.zipEntries',
  zipRatio: 'import.error.limit.zipRatio',
  rows: 'import.error.limit.rows',
  columns: 'import.error.limit.columns',
  cellChars: 'import.error.limit.cellChars',
  memory: 'import.error.limit.memory',
  time: 'import.error.limit.time',
} as const;

function limitKey(limit: string): (typeof LIMIT_KEYS)[keyof typeof LIMIT_KEYS] {
  return Object.prototype.hasOwnProperty.call(LIMIT_KEYS, limit) ? LIMIT_KEYS[limit as keyof typeof LIMIT_KEYS] : LIMIT_KEYS.memory;
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
    case 'limit':
      return tr.t(limitKey(e.limit), { fileName: e.fileName, max: e.limit === 'unpackedBytes' ? e.max / 1024 / 1024 : e.max });
    default: {
      const never: never = e;
      return never;
    }
  }
}
