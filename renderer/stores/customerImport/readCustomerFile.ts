// A chosen file → text grids. CSV/TSV/TXT are decoded and parsed here (UTF-8
// with or without BOM, UTF-16, else GB18030 from Chinese Excel); XLSX goes to
// the host (import.readSpreadsheet), which has exceljs. Either way a file
// over the limit is refused before it is read.
import type { ApiClient } from '../../../shared/api/client';
import { SPREADSHEET_MAX_BYTES, type SpreadsheetSheet } from '../../../shared/api/methods/import';
import { decodeTextBytes, GridLimitError, parseCsvText, type Delimiter, type GridLimits, type TextEncodingName } from '../../../shared/import';
import { toApiError } from '../PlanStore';

export interface ReadFile {
  fileName: string;
  encoding: TextEncodingName | 'xlsx';
  delimiter: Delimiter | null;
  sheets: SpreadsheetSheet[];
}

export type FileReadError =
  | { kind: 'tooLarge'; fileName: string; limit: number }
  | { kind: 'fileType'; fileName: string }
  | { kind: 'noSheets'; fileName: string }
  | { kind: 'unreadable'; fileName: string; message: string }
  /** Over one of SPREADSHEET_LIMITS (or the reader's memory / time), refused before anything was built. */
  | { kind: 'limit'; fileName: string; limit: string; max: number };

export const CUSTOMER_FILE_ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** `csvLimits`: the rows, columns and cell length a CSV may have (a deal history allows more rows than a customer list). */
export async function readCustomerFile(file: File, client: ApiClient, csvLimits?: GridLimits): Promise<ReadFile | { error: FileReadError }> {
  const fileName = file.name;
  const limit = SPREADSHEET_MAX_BYTES / 1024 / 1024;
  if (file.size > SPREADSHEET_MAX_BYTES) return { error: { kind: 'tooLarge', fileName, limit } };
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (ext === 'xlsx') {
    try {
      const { sheets } = await client.invoke('import.readSpreadsheet', { fileName, dataBase64: toBase64(bytes) });
      if (sheets.length === 0) return { error: { kind: 'noSheets', fileName } };
      return { fileName, encoding: 'xlsx', delimiter: null, sheets };
    } catch (e) {
      const err = toApiError(e);
      const reason = (err.details as { reason?: string } | undefined)?.reason;
      if (reason === 'too-large') return { error: { kind: 'tooLarge', fileName, limit } };
      if (reason === 'limit') {
        const d = err.details as { limit: string; max: number };
        return { error: { kind: 'limit', fileName, limit: d.limit, max: d.max } };
      }
      return { error: { kind: 'unreadable', fileName, message: err.message } };
    }
  }
  if (ext !== 'csv' && ext !== 'tsv' && ext !== 'txt') return { error: { kind: 'fileType', fileName } };
  const { text, encoding } = decodeTextBytes(bytes);
  try {
    const { rows, delimiter } = parseCsvText(text, csvLimits);
    return { fileName, encoding, delimiter, sheets: [{ name: fileName, rows }] };
  } catch (e) {
    if (e instanceof GridLimitError) return { error: { kind: 'limit', fileName, limit: e.limit, max: e.max } };
    throw e;
  }
}
