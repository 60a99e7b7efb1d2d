// API methods: report exports (PDF, HTML, XLSX, PPTX, CSV). Spread into the
// contract by contract.ts.
//
// `export.start` answers `{ exportId }` at once; the export runs in a worker
// thread, reports `export-progress` events and ends with one
// `export-finished` event. It writes to a temporary file renamed onto `path`
// on success (a cancelled or failed export leaves nothing). Without `path`
// (the browser host) the file goes to a per-session folder and
// `export.download` hands its bytes to the page.
import { z } from 'zod';
import { idSchema } from '../../plan/schema';
import { SECTION_KINDS } from '../../report/model';
import { method, returns } from '../define';

export const EXPORT_FORMATS = ['pdf', 'html', 'xlsx', 'pptx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** File extension of each format; csv is a folder of files (no extension). */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { pdf: '.pdf', html: '.html', xlsx: '.xlsx', pptx: '.pptx', csv: '' };
export const PAPER_SIZES = ['A4', 'Letter'] as const;

export type ExportOutcome = 'completed' | 'cancelled' | 'failed';

export interface ExportDone {
  exportId: string;
  /** The file written (a folder for csv). */
  path: string;
  /** File name to offer for download. */
  name: string;
  /** A simulation was run for the report because no up-to-date run was stored. */
  ranSimulation: boolean;
}

const exportId = z.string().min(1).max(100);

export const exportMethods = {
  'export.start': method(
    z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      lang: z.enum(['en', 'zh-CN']),
      scenarioId: idSchema.nullable().optional(),
      sections: z.array(z.enum(SECTION_KINDS)).min(1).max(SECTION_KINDS.length).optional(),
      paper: z.enum(PAPER_SIZES).optional(),
      path: z.string().min(1).max(4096).optional(),
    }),
    returns<{ exportId: string }>(),
  ),
  /** Stop an export in progress; nothing is written. `cancelled: false` when it had already ended. */
  'export.cancel': method(z.strictObject({ exportId }), returns<{ cancelled: boolean }>()),
  /** Wait for an export to end: where it was written, or the error (`cancelled`, `export_failed`, …). */
  'export.wait': method(z.strictObject({ exportId }), returns<ExportDone>()),
  /** The bytes of a finished export written without a path (browser download), base64; csv: not offered. */
  'export.download': method(z.strictObject({ exportId }), returns<{ name: string; mime: string; base64: string }>()),
} as const;
