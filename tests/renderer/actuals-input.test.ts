// Actuals from a sheet (shared/actuals) and from a pasted block
// (renderer/stores/tracking/pasteGrid): headers and metric names in both
// languages, months as people write them, all or nothing with the rows named.
import { describe, expect, it } from 'vitest';
import { metricOf, monthOf, readActualsGrid } from '../../shared/actuals';
import { actualSeries } from '../../renderer/stores/tracking/actualSeries';
import { pasteGrid } from '../../renderer/stores/tracking/pasteGrid';
import { ACTUAL_METRICS } from '../../shared/plan/types';

const ctx = { startMonth: '2027-01', horizonMonths: 12, currency: 'CNY', segments: [{ id: 'fin', name: 'Banks' }, { id: 'smb', name: 'SMB' }] };

describe('reading a sheet of actuals', () => {
  it('reads Chinese headers, metric labels, months and amounts', () => {
    const r = readActualsGrid(
      [
        ['月份', '指标', '数值', '细分市场'],
        ['2027年3月', '订货', '120万', ''],
        ['2027/4', '线索', '1,200', 'Banks'],
        ['', '', '', ''],
        ['2027-04-30', '回款', '¥5,000', 'smb'],
      ],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.actuals).toEqual([
      { month: '2027-03', metric: 'bookings', value: 1_200_000 },
      { month: '2027-04', metric: 'leads', value: 1200, segmentId: 'fin' },
      { month: '2027-04', metric: 'cash', value: 5000, segmentId: 'smb' },
    ]);
    expect(r.rows).toBe(3);
  });

  it('refuses the whole sheet, naming rows and counts, for any bad row', () => {
    const rows = [['month', 'metric', 'value']];
    for (let i = 0; i < 7; i++) rows.push(['2028-0' + (i + 1), 'wins', '1']);
    rows.push(['2027-02', 'wins', '1'], ['2027-02', 'Wins', '2'], ['2027-13', 'wins', '1'], ['2027-05', 'wins', 'many']);
    const r = readActualsGrid(rows, ctx);
    expect(r.ok).toBe(false);
    expect(r.actuals).toEqual([]);
    const by = (key: string) => r.problems.find((p) => p.key === key)!;
    expect(by('tracking.problem.outsideHorizon')).toMatchObject({ count: 7, lines: [2, 3, 4, 5, 6], params: { rows: '2, 3, 4, 5, 6 …' } });
    expect(by('tracking.problem.duplicate')).toMatchObject({ count: 1, lines: [10], params: { first: 9 } });
    expect(by('tracking.problem.badMonth')).toMatchObject({ lines: [11] });
    expect(by('tracking.problem.badValue')).toMatchObject({ lines: [12], params: { example: 'many' } });
  });

  it('names a missing column and an unknown segment', () => {
    expect(readActualsGrid([['month', 'value'], ['2027-01', '3']], ctx).problems.map((p) => p.params.field)).toEqual(['metric']);
    expect(readActualsGrid([['month', 'metric', 'value', 'segment'], ['2027-01', 'leads', '3', 'nowhere']], ctx).problems[0]!.key).toBe('tracking.problem.unknownSegment');
  });

  it('knows months and metrics as written', () => {
    expect(['2027-3', '2027.03', '2027年3月', '2027-03-31', '2027/3/31'].map(monthOf)).toEqual(Array(5).fill('2027-03'));
    expect(monthOf('3/2027')).toBeNull();
    expect(['机会点', 'Opportunities', 'opportunities'].map(metricOf)).toEqual(Array(3).fill('opportunities'));
  });
});

describe('pasting a block from Excel', () => {
  const months = ['2027-01', '2027-02', '2027-03'];
  it('lands from the cell it is pasted into; an empty cell removes the actual', () => {
    const r = pasteGrid('10\t4\r\n\t5\r\n', { month: 1, metric: 0 }, months, ACTUAL_METRICS, 'fin', 'CNY');
    expect(r).toEqual({
      ok: true,
      cells: [
        { month: '2027-02', metric: 'leads', value: 10, segmentId: 'fin' },
        { month: '2027-02', metric: 'opportunities', value: 4, segmentId: 'fin' },
        { month: '2027-03', metric: 'leads', value: null, segmentId: 'fin' },
        { month: '2027-03', metric: 'opportunities', value: 5, segmentId: 'fin' },
      ],
    });
  });
  it('refuses a block that runs off the grid or holds text, naming the cell', () => {
    expect(pasteGrid('1\n2\n3', { month: 1, metric: 0 }, months, ACTUAL_METRICS, null, 'CNY')).toMatchObject({ ok: false, problem: 'tooLong', row: 3 });
    expect(pasteGrid('1\t2', { month: 0, metric: 5 }, months, ACTUAL_METRICS, null, 'CNY')).toMatchObject({ ok: false, problem: 'tooWide', column: 2 });
    expect(pasteGrid('1\tabc', { month: 0, metric: 0 }, months, ACTUAL_METRICS, null, 'CNY')).toMatchObject({ ok: false, problem: 'notNumber', text: 'abc' });
  });
});

describe('the actuals of a scope as a chart series', () => {
  const months = ['2027-01', '2027-02'];
  const actuals = [
    { month: '2027-01', metric: 'wins' as const, value: 2, segmentId: 'fin' },
    { month: '2027-01', metric: 'wins' as const, value: 3, segmentId: 'smb' },
    { month: '2027-02', metric: 'wins' as const, value: 4, segmentId: 'fin' },
  ];
  it('sums the segments for the whole plan only where every segment has a value', () => {
    expect(actualSeries(actuals, months, 'wins', null, ['fin', 'smb'])).toEqual([5, null]);
    expect(actualSeries(actuals, months, 'wins', 'fin', ['fin', 'smb'])).toEqual([2, 4]);
    expect(actualSeries([...actuals, { month: '2027-02', metric: 'wins', value: 9 }], months, 'wins', null, ['fin', 'smb'])).toEqual([5, 9]);
    expect(actualSeries(actuals, months, 'leads', null, ['fin', 'smb'])).toBeNull();
  });
});
