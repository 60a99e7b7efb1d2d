// Reports to PDF in the app: Electron's own Chromium prints the report's
// HTML (written by the export worker) in a hidden, script-less window, so
// users need no separate Chromium. Passed to the services as `printPdf`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDF_FOOTER, PDF_HEADER, PDF_MARGINS_MM } from '../services/export/pdf-page';
import { createPrintWindow } from './window';

const inches = (mm: number) => mm / 25.4;

export async function printReportPdf(html: string, paper: 'A4' | 'Letter'): Promise<Uint8Array> {
  // A file, not a data: URL: Chromium caps URLs at 2 MB and a report with its fonts can be larger.
  const dir = await mkdtemp(join(tmpdir(), 'planner-print-'));
  const file = join(dir, 'report.html');
  await writeFile(file, html, 'utf8');
  const url = pathToFileURL(file).href;
  const win = createPrintWindow(url);
  try {
    await win.loadURL(url);
    return await win.webContents.printToPDF({
      pageSize: paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER,
      footerTemplate: PDF_FOOTER,
      margins: {
        top: inches(PDF_MARGINS_MM.top),
        bottom: inches(PDF_MARGINS_MM.bottom),
        left: inches(PDF_MARGINS_MM.left),
        right: inches(PDF_MARGINS_MM.right),
      },
    });
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
