import { describe, expect, it } from 'vitest';
import { autoMap, fieldForHeader, looksLikeHeader, mapByHeader, parseClipboardText } from '../../../shared/import';
import { demoContext, tsv } from './helpers';

describe('header detection', () => {
  it('recognises English and Chinese headers, in the app’s own labels too', () => {
    expect(looksLikeHeader(['Name', 'Tier', 'Potential'])).toBe(true);
    expect(looksLikeHeader(['客户名称', '客户分级', '潜力', '备注'])).toBe(true);
    expect(looksLikeHeader(['名称', '分级'])).toBe(true);
    expect(looksLikeHeader(['Jiangnan Commercial Bank', 'S', '60000000'])).toBe(false);
    expect(looksLikeHeader(['Name', 'Notes', 'Comment', 'Extra'])).toBe(false); // one of four is not enough
  });

  it('maps header synonyms to fields regardless of case, spacing and punctuation', () => {
    expect(fieldForHeader('Customer name')).toBe('name');
    expect(fieldForHeader(' customer_NAME ')).toBe('name');
    expect(fieldForHeader('客户名称：')).toBe('name');
    expect(fieldForHeader('分级')).toBe('tier');
    expect(fieldForHeader('客户分级')).toBe('tier');
    expect(fieldForHeader('潜力')).toBe('potential');
    expect(fieldForHeader('AR — account responsible')).toBe('owners.AR');
    expect(fieldForHeader('SR 解决方案责任人')).toBe('owners.SR');
    expect(fieldForHeader('履行责任人')).toBe('owners.FR');
    expect(fieldForHeader('关键客户关系')).toBe('relationship.key');
    expect(fieldForHeader('Organisational relationship')).toBe('relationship.organizational');
    expect(fieldForHeader('产品性价比')).toBe('factors.pricePerformance');
    expect(fieldForHeader('Sales skill')).toBe('factors.salesSkill');
    expect(fieldForHeader('突破阶段')).toBe('breakthroughPhase');
    expect(fieldForHeader('首单金额')).toBe('firstDeal');
    expect(fieldForHeader('Favourite colour')).toBeNull();
  });

  it('leaves unknown columns unmapped and a repeated field mapped once', () => {
    expect(mapByHeader(['Name', 'Notes', 'Tier', 'name'], 4)).toEqual(['name', null, 'tier', null]);
  });
});

describe('auto mapping', () => {
  const ctx = demoContext();

  it('uses the header row when there is one', () => {
    const grid = parseClipboardText(tsv([['Tier', 'Customer', 'Segment', 'Potential'], ['S', 'Acme', 'fin', '120万']]));
    expect(autoMap(grid, ctx)).toEqual({ hasHeader: true, mapping: ['tier', 'name', 'segment', 'potential'] });
  });

  it('guesses headerless columns from their values', () => {
    const grid = parseClipboardText(
      tsv([
        ['Acme Bank', 'S', 'Banks and financial institutions', '1,200,000', 'Shanghai', 'Zhou Jian', 'engaged'],
        ['Beta Gov', 'B', 'gov', '120万', 'Hangzhou', 'lin', 'target'],
      ]),
    );
    expect(autoMap(grid, ctx)).toEqual({
      hasHeader: false,
      mapping: ['name', 'tier', 'segment', 'potential', 'region', 'owners.AR', 'status'],
    });
  });

  it('maps Chinese headerless values against the Chinese plan', () => {
    const zh = demoContext('zh-CN');
    const grid = parseClipboardText(tsv([['华东电力', '战略', '银行及金融机构', '1.2亿']]));
    expect(autoMap(grid, zh).mapping).toEqual(['name', 'tier', 'segment', 'potential']);
  });
});
