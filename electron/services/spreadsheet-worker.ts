// A worker thread that reads one .xlsx: the limits first, then exceljs. It
// runs apart from the main / host event loop with its own memory ceiling
// (see readWorkbookIsolated), so a hostile workbook can neither freeze the
// app nor exhaust its memory.
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbook } from './spreadsheet';
import { refusalBody, SpreadsheetRefusal } from './spreadsheet-errors';
import { checkWorkbookLimits } from './spreadsheet-scan';

async function run(bytes: Buffer): Promise<void> {
  try {
    checkWorkbookLimits(bytes);
    parentPort!.postMessage({ ok: true, sheets: await readWorkbook(bytes) });
  } catch (e) {
    const refusal = e instanceof SpreadsheetRefusal ? e : new SpreadsheetRefusal('unreadable', (e as Error)?.message ?? String(e));
    parentPort!.postMessage({ ok: false, refusal: refusalBody(refusal) });
  }
}

void run(Buffer.from(workerData as Uint8Array));
