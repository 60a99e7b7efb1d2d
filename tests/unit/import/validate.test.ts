import { describe, expect, it } from 'vitest';
import { customerSchema } from '../../../shared/plan/schema';
import { buildImportEdits, rowOfEdit, type CellProblem } from '../../../shared/import';
import { demoPlan, importText, tsv } from './helpers';

const HEADER = ['Id', 'Name', 'Segment', 'Tier', 'Potential', 'AR', 'Breakthrough phase', 'Key relationship', 'Product value'];
const demo = demoPlan();
const errorsOf = (problems: CellProblem[]) => problems.filter((p) => p.severity === 'error').map((p) => [p.field, p.key, p.column]);

describe('valid rows', () => {
  it('builds complete customers with ids, names resolved to ids and defaults filled', () => {
    const r = importText(
      tsv([
        HEADER,
        ['acme', 'Acme Bank', 'Banks and financial institutions', 'A', '¥1,200,000', 'Zhou Jian', 'Breakthrough', '2', '4'],
        ['', 'Beta Gov Office', 'gov', '成长', '120万', '', '', '', ''],
      ]),
    );
    expect(r.withErrors).toBe(0);
    expect(r.ready).toBe(2);
    const [a, b] = r.rows.map((row) => row.customer!);
    expect(a).toEqual({
      id: 'acme',
      name: 'Acme Bank',
      segmentId: 'fin',
      tier: 'A',
      potential: 1_200_000,
      owners: { AR: 'zhou', SR: null, FR: null },
      breakthroughPhaseId: 'p2',
      relationship: { key: 2, broad: 0, organizational: 0 },
      factors: { productValue: 4 },
      status: 'target',
    });
    expect(b).toMatchObject({ id: 'beta-gov-office', segmentId: 'gov', tier: 'B', potential: 1_200_000, status: 'target' });
    expect(r.rows[1]!.generatedId).toBe('beta-gov-office');
    expect(r.rows[1]!.defaulted).toEqual(expect.arrayContaining(['status']));
    for (const c of [a, b]) expect(customerSchema.safeParse(c).success).toBe(true);
  });

  it('generates unique ids for Chinese names and names that collide with existing ids', () => {
    const existingName = demo.customers[0]!; // id "jn-bank"
    const r = importText(
      tsv([
        ['Name', 'Segment', 'Tier'],
        ['江南银行', 'fin', 'S'],
        ['华东电力', 'gov', 'A'],
        ['JN Bank', 'fin', 'B'],
      ]),
    );
    const ids = r.rows.map((row) => row.customer!.id);
    expect(ids[0]).toBe('customer');
    expect(ids[1]).toBe('customer-2');
    expect(existingName.id).toBe('jn-bank');
    expect(ids[2]).toBe('jn-bank-2');
  });

  it('uses chosen defaults for segment and tier where the row leaves them empty', () => {
    const r = importText(tsv([['Name', 'Tier'], ['Gamma', ''], ['Delta', 'C']]), {
      defaults: { segmentId: 'smb', tier: 'B', status: 'engaged' },
    });
    expect(r.rows.map((row) => [row.customer?.segmentId, row.customer?.tier, row.customer?.status])).toEqual([
      ['smb', 'B', 'engaged'],
      ['smb', 'C', 'engaged'],
    ]);
    expect(r.rows[0]!.defaulted).toEqual(expect.arrayContaining(['segment', 'tier', 'status', 'potential']));
  });

  it('reads statuses, entry stages and first-deal ranges in either language', () => {
    const r = importText(
      tsv([
        ['名称', '细分市场', '分级', '状态', '进入阶段', '首单金额', '组织客户关系', '销售技巧'],
        ['华东电力', '银行及金融机构', 'S 战略', '已接触', '2', '300万/600万/1500万', '3', '5'],
      ]),
      {},
      'zh-CN',
    );
    expect(r.withErrors).toBe(0);
    expect(r.rows[0]!.customer).toMatchObject({
      segmentId: 'fin',
      tier: 'S',
      status: 'engaged',
      entryStage: 2,
      firstDeal: { min: 3e6, mode: 6e6, max: 15e6 },
      relationship: { key: 0, broad: 0, organizational: 3 },
      factors: { salesSkill: 5 },
    });
  });
});

describe('every kind of problem, cell by cell', () => {
  it('reports unknown tier, bad number, unknown owner, segment and phase, out-of-range scores, with their columns', () => {
    const r = importText(
      tsv([
        HEADER,
        ['x1', 'One', 'fin', 'Z', '12 apples', 'Nobody', 'p9', '5', '0'],
        ['x2', 'Two', 'Retail', 'A', '-100', 'zhou', 'p1', '2.5', '6'],
      ]),
    );
    expect(errorsOf(r.rows[0]!.problems)).toEqual([
      ['tier', 'import.problem.unknownTier', 3],
      ['potential', 'import.problem.badNumber', 4],
      ['owners.AR', 'import.problem.unknownPerson', 5],
      ['relationship.key', 'import.problem.scoreRange', 7],
      ['factors.productValue', 'import.problem.scoreRange', 8],
      ['breakthroughPhase', 'import.problem.unknownPhase', 6],
    ]);
    expect(errorsOf(r.rows[1]!.problems)).toEqual([
      ['segment', 'import.problem.unknownSegment', 2],
      ['potential', 'import.problem.negative', 4],
      ['relationship.key', 'import.problem.scoreRange', 7],
      ['factors.productValue', 'import.problem.scoreRange', 8],
    ]);
    expect(r.rows[0]!.problems.find((p) => p.field === 'tier')!.params).toEqual({ value: 'Z' });
    expect(r.withErrors).toBe(2);
    expect(r.ready).toBe(0);
    expect(r.rows.every((row) => row.customer === null)).toBe(true);
    expect(() => buildImportEdits(r)).toThrow(/problems/);
  });

  it('reports a missing required value when no default is set', () => {
    const r = importText(tsv([['Name', 'Segment', 'Tier'], ['', 'fin', ''], ['Ok', 'fin', 'A']]));
    expect(errorsOf(r.rows[0]!.problems)).toEqual([
      ['name', 'import.problem.required', 0],
      ['tier', 'import.problem.required', 2],
    ]);
    // A required field without a column is reported with no column.
    const noTier = importText(tsv([['Name', 'Segment'], ['Acme', 'fin']]));
    expect(errorsOf(noTier.rows[0]!.problems)).toEqual([['tier', 'import.problem.required', null]]);
  });

  it('reports duplicate ids among the rows (each naming the other row) and against existing customers', () => {
    const r = importText(
      tsv([
        ['Id', 'Name', 'Segment', 'Tier'],
        ['dup', 'First', 'fin', 'A'],
        ['jn-bank', 'Again', 'fin', 'A'],
        ['dup', 'Second', 'fin', 'B'],
        ['bad id!', 'Third', 'fin', 'B'],
      ]),
    );
    expect(r.rows[0]!.problems).toMatchObject([{ key: 'import.problem.duplicateInRows', params: { value: 'dup', other: 4 } }]);
    expect(r.rows[2]!.problems).toMatchObject([{ key: 'import.problem.duplicateInRows', params: { value: 'dup', other: 2 } }]);
    expect(r.rows[1]!.problems).toMatchObject([
      { key: 'import.problem.duplicateExisting', column: 0, params: { value: 'jn-bank', name: demo.customers[0]!.name } },
    ]);
    expect(r.rows[3]!.problems).toMatchObject([{ key: 'import.problem.badId', params: { value: 'bad id!' } }]);
  });

  it('reports ambiguous names, unknown stages, other currencies, bad ranges and over-long text', () => {
    const r = importText(
      tsv([
        ['Name', 'Segment', 'Tier', 'Entry stage', 'Potential', 'First deal', 'Region'],
        ['A', 'fin', 'A', 'Nowhere', '$5', '3/2/1', 'x'.repeat(201)],
      ]),
    );
    expect(errorsOf(r.rows[0]!.problems)).toEqual([
      ['potential', 'import.problem.currency', 4],
      ['region', 'import.problem.tooLong', 6],
      ['entryStage', 'import.problem.unknownStage', 3],
      ['firstDeal', 'import.problem.badRange', 5],
    ]);
  });
});

describe('formula-looking cells', () => {
  it('keep their text verbatim in text columns (a note, not an error) and are errors in number and lookup columns', () => {
    const r = importText(
      tsv([
        ['Name', 'Segment', 'Tier', 'Potential', 'Industry'],
        ['=HYPERLINK("http://x","Acme")', 'fin', 'A', '1', '@risk'],
        ['Beta', 'fin', '=A1', '=SUM(A1:A3)', '-'],
        ['Gamma', '+fin', 'B', '+1200', 'Power'],
      ]),
    );
    const first = r.rows[0]!;
    expect(first.customer).toMatchObject({ name: '=HYPERLINK("http://x","Acme")', industry: '@risk' });
    expect(first.problems.map((p) => [p.field, p.severity, p.key])).toEqual([
      ['name', 'note', 'import.note.formulaText'],
      ['industry', 'note', 'import.note.formulaText'],
    ]);
    expect(errorsOf(r.rows[1]!.problems)).toEqual([
      ['tier', 'import.problem.formula', 2],
      ['potential', 'import.problem.formula', 3],
    ]);
    expect(r.rows[1]!.problems.find((p) => p.severity === 'note')).toMatchObject({ field: 'industry' });
    expect(errorsOf(r.rows[2]!.problems)).toEqual([['segment', 'import.problem.unknownSegment', 1]]);
    expect(r.ready).toBe(1);
  });
});

describe('existing ids, exclusion and edits', () => {
  const rows = tsv([
    ['Id', 'Name', 'Potential', 'Segment', 'Tier'],
    ['jn-bank', '', '9,000,000', '', ''],
    ['new-one', 'New One', '5', 'fin', 'C'],
  ]);

  it('updates an existing customer, keeping its values where the cells are empty', () => {
    const r = importText(rows, { existing: 'update' });
    expect(r.withErrors).toBe(0);
    expect(r.rows[0]!.op).toBe('update');
    expect(r.rows[0]!.customer).toEqual({ ...demo.customers[0], potential: 9_000_000 });
    const edits = buildImportEdits(r);
    expect(edits).toEqual([
      { kind: 'customers', op: 'update', id: 'jn-bank', value: r.rows[0]!.customer },
      { kind: 'customers', op: 'create', value: r.rows[1]!.customer },
    ]);
    expect(rowOfEdit(r, 1)).toBe(1);
  });

  it('skips rows with an existing id when asked', () => {
    const r = importText(rows, { existing: 'skip' });
    expect(r.rows[0]!.op).toBe('skip');
    expect(r.skipped).toBe(1);
    expect(buildImportEdits(r)).toHaveLength(1);
  });

  it('leaves excluded rows out of the count, the duplicate check and the edits', () => {
    const dupes = tsv([
      ['Id', 'Name', 'Segment', 'Tier'],
      ['d', 'One', 'fin', 'A'],
      ['d', 'Two', 'fin', 'Z'],
    ]);
    const before = importText(dupes);
    expect(before.withErrors).toBe(2);
    const after = importText(dupes, {}, 'en', new Set([1]));
    expect(after.withErrors).toBe(0);
    expect(after.excluded).toBe(1);
    expect(after.rows[1]!.problems.map((p) => p.key)).toEqual(['import.problem.unknownTier']); // still shown
    const edits = buildImportEdits(after);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ op: 'create', value: { id: 'd', name: 'One' } });
    expect(rowOfEdit(after, 0)).toBe(0);
  });

  it('ignores blank rows but keeps source line numbers', () => {
    const r = importText('Name\tSegment\tTier\r\n\t\t\r\nA\tfin\tA\r\n\r\nB\tfin\tZ\r\n');
    expect(r.rows.map((row) => row.line)).toEqual([3, 5]);
  });
});
