// Real CRM account exports (headers as Salesforce, HubSpot, Dynamics 365,
// Zoho, Odoo, 纷享销客, 销售易 and 钉钉 write them, with realistic rows): the
// header is detected with its reason, the guesses land on the right fields
// with reasons in both languages, values maps import 200 rows cleanly, and
// potential comes from revenue × a factor.
import { describe, expect, it } from 'vitest';
import {
  applyRecipe,
  dataRows,
  detectHeader,
  distinctValues,
  fieldForHeader,
  guessMapping,
  parseCsvText,
  parseFactor,
  reasonText,
  recipeOf,
  suggestValueMap,
  unmappedValues,
  validateRows,
  type ImportField,
  type ImportSettings,
  type ValueMap,
} from '../../../shared/import';
import { CRM_SYNONYMS } from '../../../shared/import/crm-synonyms';
import { demoContext } from './helpers';

const csv = (lines: string[]) => parseCsvText(lines.join('\r\n')).rows;

function guess(lines: string[], lang: 'en' | 'zh-CN' = 'en') {
  const grid = csv(lines);
  return guessMapping(grid, grid[0]!.length, demoContext(lang));
}

const FIXTURES: { crm: string; lang: 'en' | 'zh-CN'; lines: string[]; expected: (ImportField | null)[] }[] = [
  {
    crm: 'Salesforce',
    lang: 'en',
    lines: [
      'Account ID,Account Name,Industry,Billing City,Billing Country,Annual Revenue,Account Owner,Rating',
      '0015g00000ABCdE,Jiangnan Commercial Bank,Banking,Suzhou,China,"1,200,000,000",Zhou Jian,Hot',
      '0015g00000ABCdF,Harbour Logistics,Transportation,Ningbo,China,350000000,Lin Xiaoyu,Warm',
    ],
    expected: ['id', 'name', 'industry', 'region', null, 'potentialBase', 'owners.AR', null],
  },
  {
    crm: 'HubSpot',
    lang: 'en',
    lines: [
      'Record ID,Company name,Industry,City,Country/Region,Annual Revenue,Company owner,Number of Employees',
      '9812345,Acme Retail,RETAIL,Hangzhou,China,85000000,Chen Hao,1200',
      '9812346,Blue River Software,COMPUTER_SOFTWARE,Shanghai,China,12000000,Xu Ming,85',
    ],
    expected: ['id', 'name', 'industry', 'region', null, 'potentialBase', 'owners.AR', null],
  },
  {
    crm: 'Dynamics 365',
    lang: 'en',
    lines: [
      'Account Name,Main Phone,Address 1: City,Primary Contact,Industry,Annual Revenue,Owner',
      'Northwind Insurance,+86 21 5555 0100,Shanghai,Li Na,Insurance,"¥2,400,000,000",Wu Lei',
      'Contoso Grid,+86 10 5555 0199,Beijing,Wang Fang,Utilities,900000000,Zhou Jian',
    ],
    expected: ['name', null, 'region', null, 'industry', 'potentialBase', 'owners.AR'],
  },
  {
    crm: 'Zoho',
    lang: 'en',
    lines: [
      'Account Name,Account Owner,Industry,Annual Revenue,Billing City,Account Type,Employees',
      'Great Wall Steel,Lin Xiaoyu,Manufacturing,5.2B,Tangshan,Customer,8000',
      'Pearl Delta Foods,Chen Hao,Food & Beverage,640M,Guangzhou,Prospect,900',
    ],
    expected: ['name', 'owners.AR', 'industry', 'potentialBase', 'region', null, null],
  },
  {
    crm: 'Odoo',
    lang: 'en',
    lines: ['Display Name,Salesperson,Industry,City,Country,Email', 'Azure Interior,Xu Ming,Furniture,Fremont,United States,azure@example.com'],
    expected: ['name', 'owners.AR', 'industry', 'region', null, null],
  },
  {
    crm: '纷享销客',
    lang: 'zh-CN',
    lines: ['客户编号,客户名称,客户级别,负责人,所属行业,省份,城市,年营收,客户需求', 'KH-0001,江南商业银行,A,周健,金融,江苏,苏州,12亿,核心网络改造；希望园区与数据中心一家供应商'],
    expected: ['id', 'name', 'tier', 'owners.AR', 'industry', 'region', null, 'potentialBase', 'needs'],
  },
  {
    crm: '销售易',
    lang: 'zh-CN',
    lines: ['客户名称,所有人,行业,所在地区,客户等级,年销售额,备注', '东海证券,林晓雨,证券,上海市,S,8.5亿,重点客户'],
    expected: ['name', 'owners.AR', 'industry', 'region', 'tier', 'potentialBase', null],
  },
  {
    crm: '钉钉',
    lang: 'zh-CN',
    lines: ['客户名称,负责人,客户状态,行业,地址,创建时间', '西湖数据科技,陈浩,跟进中,软件,浙江省杭州市西湖区,2024-03-05 10:21'],
    expected: ['name', 'owners.AR', 'status', 'industry', 'region', null],
  },
  {
    crm: 'a sales team’s sheet (issue #15)',
    lang: 'en',
    lines: [
      'account,sector,year_established,revenue,employees,office_location,subsidiary_of',
      'Hillcrest Bank,financial services,1987,2.1B,5400,Shenzhen,',
      'Oakline Retail,retail,2004,320M,800,Chengdu,Hillcrest Bank',
    ],
    expected: ['name', 'industry', null, 'potentialBase', null, 'region', null],
  },
];

describe('CRM export headers', () => {
  for (const f of FIXTURES)
    it(`${f.crm}: the header row is detected and each column lands on its field`, () => {
      const g = guess(f.lines, f.lang);
      expect(g.hasHeader).toBe(true);
      expect(g.header.reason.key).toBe('import.header.knownNames');
      expect(g.mapping).toEqual(f.expected);
      for (const c of g.guesses) expect(c.reason.key).toMatch(c.field ? /^import\.reason\.header$/ : /^import\.reason\.(none|duplicateHeader)$/);
    });

  it('every CRM header word lands on the field it is listed for', () => {
    for (const [field, words] of Object.entries(CRM_SYNONYMS)) for (const w of words!) expect([w, fieldForHeader(w)]).toEqual([w, field]);
  });

  it('headers in any case, with a BOM, extra spaces or duplicated names', () => {
    const grid = csv(['\uFEFF  ACCOUNT NAME ,industry,Industry,  billing   city']);
    const g = guessMapping([...grid, ['A', 'b', 'c', 'd']], 4, demoContext());
    expect(g.mapping).toEqual(['name', 'industry', null, 'region']);
    expect(g.guesses[2]!.reason).toMatchObject({ key: 'import.reason.duplicateHeader', params: { header: 'Industry' } });
  });

  it('a header of unknown words is still a header when numbers or dates are below it', () => {
    const h = detectHeader([['org', 'founded', 'staff'], ['Hillcrest', '1987', '5,400'], ['Oakline', '2004', '800']]);
    expect(h).toEqual({ hasHeader: true, reason: { key: 'import.header.textAboveTyped', params: { header: 'founded' } } });
    expect(detectHeader([['Hillcrest', '1987'], ['Oakline', '2004']]).reason.key).toBe('import.header.typedFirstRow');
    expect(detectHeader([['Hillcrest', 'Shenzhen'], ['Oakline', 'Chengdu']])).toMatchObject({ hasHeader: false, reason: { key: 'import.header.looksLikeData' } });
  });

  it('columns the header says nothing about are guessed by content: S/A/B/C and segment names', () => {
    const g = guess(['Account Name,Class,Group,Notes', 'Jiangnan Bank,S,Banks and financial institutions,x', 'Harbour,B,SMB channel,y', 'City Hall,c,Government and public sector,z']);
    expect(g.header.reason).toMatchObject({ key: 'import.header.textAboveKnownValues', params: { header: 'Class' } });
    expect(g.mapping).toEqual(['name', 'tier', 'segment', null]);
    expect(g.guesses[1]!.reason.key).toBe('import.reason.tiers');
    expect(g.guesses[2]!.reason).toEqual({ key: 'import.reason.segments', params: { distinct: 3 } });
  });

  it('every reason reads complete in both languages, naming the field in that language', () => {
    const sf = guess(FIXTURES[0]!.lines).guesses[1]!.reason;
    expect(reasonText(sf, 'en')).toBe('The header “Account Name” means Name.');
    expect(reasonText(sf, 'zh-CN')).toBe('表头“Account Name”表示客户名称。');
    const all = FIXTURES.flatMap((f) => guess(f.lines, f.lang).guesses.map((c) => c.reason));
    all.push(guess(['x,y', 'S,1'], 'en').header.reason);
    for (const r of all)
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = reasonText(r, lang);
        expect(text).not.toMatch(/\{\w+\}/);
        if (lang === 'zh-CN') expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
  });
});

// 200 rows of a sales team's export: sector values → segments, revenue × 3 % → potential.
const SECTORS = ['retail', 'software', 'banking', 'insurance', 'public sector'];
const ROWS_200 = [
  'Company name,sector,Annual Revenue,Account Owner',
  ...Array.from({ length: 200 }, (_, i) => `Company ${i + 1},${SECTORS[i % 5]},${(i + 1) * 10}万,${['Zhou Jian', 'Lin Xiaoyu', 'Chen Hao'][i % 3]}`),
];

describe('values to fields, potential from a column', () => {
  const ctx = demoContext();
  const grid = csv(ROWS_200);
  const rows = dataRows(grid, true);
  const g = guessMapping(grid, 4, ctx);
  const settings = (maps: ValueMap[], factor: number | undefined = 0.03): ImportSettings => ({
    hasHeader: true,
    mapping: g.mapping,
    defaults: { segmentId: null, tier: 'C', status: 'target' },
    existing: 'error',
    decimalComma: false,
    valueMaps: maps,
    ...(factor !== undefined ? { potentialFactor: factor } : {}),
  });

  it('lists distinct values with counts; a value left unmapped is listed and blocks its rows', () => {
    expect(g.mapping).toEqual(['name', 'industry', 'potentialBase', 'owners.AR']);
    expect(distinctValues(rows, 1).map((d) => [d.value, d.count])).toEqual(SECTORS.map((s) => [s, 40]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const map: ValueMap = { column: 1, field: 'segment', values: { retail: 'smb', software: 'smb', banking: 'fin', insurance: 'fin' } };
    expect(unmappedValues(rows, map)).toEqual([{ value: 'public sector', count: 40, lines: [6, 11, 16, 21, 26] }]);
    const s = validateRows(rows, settings([map]), ctx);
    expect(s.withErrors).toBe(40);
    expect(s.rows[4]!.problems[0]).toMatchObject({ field: 'segment', column: 1, key: 'import.problem.unknownSegment', params: { value: 'public sector' } });
  });

  it('a complete values map imports all 200 rows with no problem left', () => {
    const map: ValueMap = { column: 1, field: 'segment', values: { retail: 'smb', software: 'smb', banking: 'fin', insurance: 'fin', 'public sector': 'gov' } };
    expect(unmappedValues(rows, map)).toEqual([]);
    const s = validateRows(rows, settings([map]), ctx);
    expect(s.withErrors).toBe(0);
    expect(s.ready).toBe(200);
    const c = s.rows.map((r) => r.customer!);
    expect(c.slice(0, 5).map((x) => x.segmentId)).toEqual(['smb', 'smb', 'fin', 'fin', 'gov']);
    // 10万 × 3 % = 3,000; 2000万 × 3 % = 600,000.
    expect(c[0]!.potential).toBe(3000);
    expect(c[199]!.potential).toBe(600_000);
    expect(c[1]!.owners.AR).toBe('lin');
    expect(c[0]!.industry).toBe('retail');
  });

  it('suggests the values that already name a target, and the recipe brings the choices back for the next file', () => {
    const named = dataRows(csv(['Company name,Group', 'A,SMB channel', 'B,fin', 'C,unknown']), true);
    expect(suggestValueMap(named, 1, 'segment', ctx).values).toEqual({ 'SMB channel': 'smb', fin: 'fin' });
    const map: ValueMap = { column: 1, field: 'segment', values: { retail: 'smb' } };
    const recipe = recipeOf(grid[0]!, g.mapping, [map], 0.03);
    const next = applyRecipe(['ANNUAL REVENUE', 'Sector', 'company name'], JSON.parse(JSON.stringify(recipe)));
    expect(next).toEqual({ mapping: ['potentialBase', 'industry', 'name'], valueMaps: [{ column: 1, field: 'segment', values: { retail: 'smb' } }], potentialFactor: 0.03 });
    expect(applyRecipe(['x', 'y'], recipe)).toBeNull();
  });

  it('needs (客户需求) is imported as text up to 10,000 characters', () => {
    const zh = demoContext('zh-CN');
    const lines = ['客户名称,细分市场,客户分级,客户需求', `江南银行,fin,A,核心网络改造；希望园区与数据中心一家供应商`, `华东电力,gov,S,${'需'.repeat(10_001)}`];
    const g2 = guessMapping(csv(lines), 4, zh);
    expect(g2.mapping).toEqual(['name', 'segment', 'tier', 'needs']);
    const s = validateRows(dataRows(csv(lines), true), { ...settings([], undefined), mapping: g2.mapping }, zh);
    expect((s.rows[0]!.customer as { needs?: string }).needs).toBe('核心网络改造；希望园区与数据中心一家供应商');
    expect(s.rows[1]!.problems[0]).toMatchObject({ field: 'needs', key: 'import.problem.tooLong', params: { max: 10_000, length: 10_001 } });
  });

  it('a text cell in the number-for-potential column is named', () => {
    const bad = dataRows(csv(['Company name,sector,Annual Revenue,Account Owner', 'X,retail,about 5M,Zhou Jian']), true);
    const map: ValueMap = { column: 1, field: 'segment', values: { retail: 'smb' } };
    const s = validateRows(bad, settings([map]), ctx);
    expect(s.rows[0]!.problems).toEqual([expect.objectContaining({ field: 'potentialBase', column: 2, key: 'import.problem.badNumber' })]);
  });

  it('reads factors as numbers or percentages', () => {
    expect(parseFactor('0.03')).toBe(0.03);
    expect(parseFactor('3 %')).toBe(0.03);
    expect(parseFactor('３％')).toBe(0.03);
    expect(parseFactor('-1')).toBeNull();
    expect(parseFactor('a lot')).toBeNull();
  });
});
