// The size of every worksheet of an .xlsx, measured on its XML before exceljs
// builds a single cell: rows and columns from the cell references, and the
// text length of every cell and shared string. A plain scan with regular
// expressions (linear, no tree, no entity expansion) that stops at the first
// limit passed. See SPREADSHEET_LIMITS.
import { SPREADSHEET_LIMITS } from '../../shared/api/methods/import';
import { SpreadsheetRefusal } from './spreadsheet-errors';
import { listZipEntries, readZipEntry } from './spreadsheet-zip';

const TAG = /<(\/?)(?:[\w.-]+:)?(row|c|v|t|f|is|si)\b([^>]*)>/g;
const REF = /\br\s*=\s*["']([A-Za-z]*)(\d*)["']/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Characters of XML text as a user sees them (an entity is one character). */
function textLength(raw: string): number {
  return raw.includes('&') ? raw.replace(/&[#\w]{1,10};/g, '.').length : raw.length;
}

/**
 * Rows, columns and cell text of one part's XML. In a worksheet, text is per
 * cell (<c>); in the shared strings, per string (<si>, which may hold several
 * rich-text runs).
 */
export function scanPartXml(xml: string, sheet: string | undefined): void {
  const max = SPREADSHEET_LIMITS;
  let row = 0;
  let col = 0;
  let text = 0;
  let textFrom = -1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    const [whole, closing, name, attrs] = m as unknown as [string, string, string, string];
    const selfClosing = attrs.endsWith('/');
    if (closing) {
      if ((name === 'v' || name === 't' || name === 'f') && textFrom >= 0) {
        text += textLength(xml.slice(textFrom, m.index));
        textFrom = -1;
        if (text > max.cellChars) throw new SpreadsheetRefusal('cellChars', undefined, text, sheet);
      }
      continue;
    }
    if (name === 'row') {
      const ref = REF.exec(attrs);
      row = ref?.[2] ? Number(ref[2]) : row + 1;
      col = 0;
      if (row > max.rows) throw new SpreadsheetRefusal('rows', undefined, row, sheet);
    } else if (name === 'c') {
      const ref = REF.exec(attrs);
      col = ref?.[1] ? columnNumber(ref[1]) : col + 1;
      if (ref?.[2] && Number(ref[2]) > max.rows) throw new SpreadsheetRefusal('rows', undefined, Number(ref[2]), sheet);
      if (col > max.columns) throw new SpreadsheetRefusal('columns', undefined, col, sheet);
      text = 0;
    } else if (name === 'si') {
      text = 0;
    } else if (!selfClosing && (name === 'v' || name === 't' || name === 'f')) {
      textFrom = m.index + whole.length;
    }
  }
}

const ATTR = /([\w:]+)\s*=\s*"([^"]*)"/g;
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!] = m[2]!;
  return out;
}

/** Worksheet part path → the sheet's name as Excel shows it (for messages). */
function sheetNames(parts: Map<string, Buffer>): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = targets.get(a['r:id'] ?? '');
    if (target && a.name) names.set(target, a.name);
  }
  return names;
}

/**
 * Checks an .xlsx against every limit: the zip first, then each worksheet and
 * the shared strings. Throws SpreadsheetRefusal; returns nothing when the
 * workbook may be built.
 */
export function checkWorkbookLimits(bytes: Buffer): void {
  const entries = listZipEntries(bytes);
  const parts = new Map<string, Buffer>();
  for (const e of entries) parts.set(e.name, readZipEntry(bytes, e));
  const names = sheetNames(parts);
  for (const [name, data] of parts) {
    if (name === 'xl/sharedStrings.xml') scanPartXml(data.toString('utf8'), undefined);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) scanPartXml(data.toString('utf8'), names.get(name) ?? name);
  }
}
