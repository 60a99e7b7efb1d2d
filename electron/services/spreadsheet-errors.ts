// Why a spreadsheet was refused, as a value that crosses the worker boundary
// (structured clone keeps plain fields, not classes) and becomes the API's
// error in one place: refusalError.
import { SPREADSHEET_LIMITS, type SpreadsheetLimit } from '../../shared/api/methods/import';
import { ApiError } from '../../shared/api/result';

export type RefusalReason = SpreadsheetLimit | 'unreadable' | 'memory' | 'time';

export class SpreadsheetRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail?: string,
    readonly found?: number,
    readonly sheet?: string,
  ) {
    super(detail ?? reason);
  }
}

export interface RefusalBody {
  reason: RefusalReason;
  detail?: string;
  found?: number;
  sheet?: string;
  /** For memory and time: the ceiling that was set. */
  max?: number;
}

export function refusalBody(r: SpreadsheetRefusal): RefusalBody {
  return {
    reason: r.reason,
    ...(r.detail !== undefined ? { detail: r.detail } : {}),
    ...(r.found !== undefined ? { found: r.found } : {}),
    ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
  };
}

/** What the worker's resource limits are (memory in MB, time in seconds); named in the messages. */
export const WORKER_LIMITS = { memoryMb: 768, seconds: 30 } as const;

const WHAT: Record<SpreadsheetLimit, (max: number) => string> = {
  unpackedBytes: (max) => `unpacks to more than ${max / 1024 / 1024} MB`,
  zipEntries: (max) => `has more than ${max} parts inside`,
  zipRatio: (max) => `is packed more than ${max} times (a zip bomb)`,
  rows: (max) => `has more than ${max.toLocaleString('en-US')} rows`,
  columns: (max) => `has more than ${max} columns`,
  cellChars: (max) => `has a cell longer than ${max.toLocaleString('en-US')} characters`,
};

/** The API error for a refusal, naming the file, the limit and where it was hit. */
export function refusalError(fileName: string, r: RefusalBody): ApiError {
  if (r.reason === 'unreadable')
    return new ApiError('invalid_argument', `“${fileName}” could not be read as an Excel workbook (.xlsx): ${r.detail ?? ''}`, {
      reason: 'unreadable',
    });
  if (r.reason === 'memory' || r.reason === 'time') {
    const max = r.max ?? (r.reason === 'memory' ? WORKER_LIMITS.memoryMb : WORKER_LIMITS.seconds);
    const what = r.reason === 'memory' ? `needs more than ${max} MB of memory to read` : `took longer than ${max} s to read`;
    return new ApiError('invalid_argument', `“${fileName}” ${what}; split it into smaller files`, { reason: 'limit', limit: r.reason, max });
  }
  const max = SPREADSHEET_LIMITS[r.reason];
  const where = r.sheet !== undefined ? ` (sheet “${r.sheet}”)` : '';
  return new ApiError('invalid_argument', `“${fileName}”${where} ${WHAT[r.reason](max)}, the most the import accepts; split it into smaller files`, {
    reason: 'limit',
    limit: r.reason,
    max,
    ...(r.found !== undefined ? { found: r.found } : {}),
    ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
  });
}
