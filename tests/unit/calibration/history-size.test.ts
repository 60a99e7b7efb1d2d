// A deal history as large as a CRM export gets (issue #12's 100,000 deals) is
// read as a history, not refused by the customer import's row limit (a
// customer list stops at 100,000 rows, header included).
import { describe, expect, it } from 'vitest';
import { calibrate, DEAL_HISTORY_LIMITS, MAX_DEALS } from '../../../shared/calibration';
import { GridLimitError, parseCsvText } from '../../../shared/import';
import { COLUMNS, funnel, segment } from './helpers';

const DEALS = 100_000;

function history(): string {
  const lines = ['Opportunity ID,Created Date,Close Date,Stage,Amount'];
  for (let i = 0; i < DEALS; i++) {
    const day = 1 + (i % 28);
    lines.push(`o${i},2024-01-${String(day).padStart(2, '0')},2024-03-${String(day).padStart(2, '0')},${i % 3 === 0 ? 'Closed Won' : 'Closed Lost'},${100 + (i % 50)}`);
  }
  return lines.join('\n');
}

describe('deal history size', () => {
  it('reads and calibrates 100,000 deals from CSV, which a customer list of that many rows could not be', () => {
    const text = history();
    expect(() => parseCsvText(text)).toThrow(GridLimitError);
    const { rows } = parseCsvText(text, DEAL_HISTORY_LIMITS);
    expect(rows).toHaveLength(DEALS + 1);
    const r = calibrate(rows, { columns: COLUMNS, currency: 'CNY' }, funnel, segment);
    expect(r.ok).toBe(true);
    expect(r.used).toBe(DEALS);
  });

  it('still refuses a history over its own limit, naming rows and the limit', () => {
    const text = `id\n${'x\n'.repeat(MAX_DEALS + 1)}`;
    expect(() => parseCsvText(text, DEAL_HISTORY_LIMITS)).toThrow(expect.objectContaining({ limit: 'rows', max: MAX_DEALS + 1 }));
  });
});
