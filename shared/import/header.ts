// Is the first row a header? Decided by what the row holds, with the reason
// shown beside the "first row is a header" checkbox (the user can overrule it):
// - enough of its cells are field names (English or Chinese, CRM exports too), or
// - it is text above columns that are numbers or dates below (a typed table's
//   header, even when its words name no field: "year_established", "employees").
import type { MessageKey } from '../i18n';
import { fieldForHeader } from './fields';

export interface Reason {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface HeaderGuess {
  hasHeader: boolean;
  reason: Reason;
}

const SAMPLE = 50;
const NUMBER_LIKE = /^[\s(+\-−]*[¥$€£]?\s*[\d.,\s']+\s*[%万亿千kKmMbB]?[元)]?$/;
const DATE_LIKE = /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}日?(?:[T\s].*)?$/;

/** A cell written as a number or a date (what a header cell never is). */
export function isTypedCell(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t !== '' && /\d/.test(t) && (NUMBER_LIKE.test(t) || DATE_LIKE.test(t));
}

export function detectHeader(rows: readonly (readonly string[])[]): HeaderGuess {
  const first = rows[0];
  const cells = (first ?? []).map((c) => c.trim()).filter((c) => c !== '');
  if (!first || cells.length === 0) return { hasHeader: false, reason: { key: 'import.header.empty', params: {} } };
  const named = cells.filter((c) => fieldForHeader(c) !== null);
  if (named.length > 0 && named.length * 2 >= cells.length)
    return { hasHeader: true, reason: { key: 'import.header.knownNames', params: { named: named.length, total: cells.length, examples: named.slice(0, 3).map((c) => `“${c}”`).join(', ') } } };
  if (cells.some(isTypedCell)) return { hasHeader: false, reason: { key: 'import.header.typedFirstRow', params: {} } };
  const body = rows.slice(1, SAMPLE + 1);
  for (let c = 0; c < first.length; c++) {
    const head = (first[c] ?? '').trim();
    if (head === '') continue;
    const values = body.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    if (values.length >= 2 && values.filter(isTypedCell).length >= values.length * 0.8)
      return { hasHeader: true, reason: { key: 'import.header.textAboveTyped', params: { header: head } } };
  }
  return { hasHeader: false, reason: { key: 'import.header.looksLikeData', params: {} } };
}
