// The PDF page of a report, the same whichever Chromium prints it
// (playwright-core in the CLI and host, Electron's printToPDF in the app).

/** Page numbers as figures only: the footer renders outside the page, without the report's font. */
export const PDF_FOOTER = `<div style="width:100%;font-size:8px;color:#6b7280;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
export const PDF_HEADER = '<div></div>';
/** Margins in millimetres. */
export const PDF_MARGINS_MM = { top: 16, bottom: 18, left: 14, right: 14 } as const;
