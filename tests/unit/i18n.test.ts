import { describe, expect, it } from 'vitest';
import {
  catalogs,
  createTranslator,
  en,
  formatMoney,
  formatMonth,
  formatMonthRange,
  formatNumber,
  formatPercent,
  interpolate,
  LOCALES,
  zhCN,
  type MessageKey,
} from '../../shared/i18n';
import { FACTORS, PHASE_STAGES, RELATIONSHIP_LAYERS, ROLES, TIERS, TARGET_METRICS } from '../../shared/plan';

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('zh-CN has exactly the English keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      for (const locale of LOCALES) expect(catalogs[locale][key].trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('the Chinese catalog is actually translated (not English copied over)', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((k) => en[k] === zhCN[k] && !k.startsWith('lang.'));
    expect(same).toEqual([]);
  });

  it('has a label for every domain enum value in both languages', () => {
    const keys = [
      ...PHASE_STAGES.map((s) => `stage.${s}`),
      ...TIERS.map((s) => `tier.${s}`),
      ...ROLES.map((s) => `role.${s}`),
      ...RELATIONSHIP_LAYERS.map((s) => `layer.${s}`),
      ...FACTORS.map((s) => `factor.${s}`),
      ...TARGET_METRICS.map((s) => `metric.${s}`),
    ];
    for (const k of keys) expect(en, k).toHaveProperty([k]);
  });

  it('uses the methodology terms in Chinese', () => {
    expect(zhCN['term.marketPhases']).toBe('市场阶段化管理');
    expect(zhCN['term.ironTriangle']).toBe('铁三角');
    expect(zhCN['role.AR']).toContain('客户责任人');
    expect([zhCN['tier.S'], zhCN['tier.A'], zhCN['tier.B'], zhCN['tier.C']]).toEqual(['S 战略', 'A 核心', 'B 成长', 'C 一般']);
    expect(PHASE_STAGES.map((s) => zhCN[`stage.${s}`])).toEqual(['市场洞察与进入', '重点突破', '规模拓展', '深耕巩固']);
    expect(FACTORS.map((f) => zhCN[`factor.${f}`])).toEqual([
      '交易路径', '客户体验', '产品价值', '客户信任', '客户关系', '销售技巧', '产品性价比',
    ]);
    expect(zhCN['process.ltc']).toContain('线索到回款');
    expect(zhCN['process.mtc']).toContain('从市场到回款');
    expect([zhCN['metric.bookings'], zhCN['metric.revenue'], zhCN['metric.cash']]).toEqual(['订货', '收入', '回款']);
    expect([zhCN['metric.conversion'], zhCN['metric.winRate']]).toEqual(['转化率', '成功率']);
    expect(zhCN['metric.salesCycleDays']).toContain('销售周期');
    expect(zhCN['metric.deliveryCycleDays']).toContain('交付周期');
    expect(zhCN['metric.cashCycleDays']).toContain('资金占用周期');
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(createTranslator('en').t('toast.opened', { name: 'East China' })).toBe('Opened “East China”');
    expect(createTranslator('zh-CN').t('error.code', { code: 'not_found' })).toBe('错误代码：not_found');
    expect(interpolate('{n} rows', { n: 12345 }, 'en')).toBe('12,345 rows');
  });

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(interpolate('a {x} b', { y: 1 }, 'en')).toBe('a {x} b');
  });

  it('chooses plural forms', () => {
    const t = createTranslator('en');
    expect(t.tn('overview.months', 1)).toBe('1 month');
    expect(t.tn('overview.months', 36)).toBe('36 months');
    expect(createTranslator('zh-CN').tn('overview.months', 36)).toBe('36 个月');
  });
});

describe('formatting', () => {
  it('formats full money amounts in the plan currency', () => {
    expect(formatMoney(12_500_000, 'CNY', 'en')).toBe('CN¥12,500,000');
    expect(formatMoney(12_500_000, 'CNY', 'zh-CN')).toBe('¥12,500,000');
    expect(formatMoney(1234.5, 'CNY', 'en')).toBe('CN¥1,234.50');
    expect(formatMoney(1_000, 'USD', 'en')).toBe('$1,000');
    expect(formatMoney(-3_400_000, 'EUR', 'en')).toBe('-€3,400,000');
  });

  it('formats compact English amounts', () => {
    expect(formatMoney(12_500_000, 'CNY', 'en', { compact: true })).toBe('CN¥12.5M');
    expect(formatMoney(850_000, 'CNY', 'en', { compact: true })).toBe('CN¥850K');
    expect(formatMoney(999, 'CNY', 'en', { compact: true })).toBe('CN¥999');
  });

  it('formats compact Chinese amounts in 万 and 亿', () => {
    const zh = (v: number, c = 'CNY') => formatMoney(v, c, 'zh-CN', { compact: true });
    expect(zh(12_500_000)).toBe('¥1,250万');
    expect(zh(125_000_000)).toBe('¥1.25亿');
    expect(zh(123_456)).toBe('¥12.3万');
    expect(zh(15_000)).toBe('¥1.5万');
    expect(zh(9_999)).toBe('¥9,999');
    expect(zh(-3_400_000)).toBe('-¥340万');
    // Rounds up into the next unit instead of showing "10,000万".
    expect(zh(99_999_600)).toBe('¥1亿');
    expect(zh(12_500_000, 'USD')).toBe('US$1,250万');
  });

  it('does not crash on a malformed currency or a non-finite value', () => {
    expect(formatMoney(5, 'cny', 'en')).toBe('5 cny');
    expect(formatMoney(Number.NaN, 'CNY', 'en')).toBe('—');
  });

  it('formats numbers, percentages and months', () => {
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatPercent(0.425, 'en')).toBe('42.5%');
    expect(formatPercent(0.425, 'zh-CN')).toBe('42.5%');
    expect(formatMonth('2027-01', 'en')).toBe('Jan 2027');
    expect(formatMonth('2027-01', 'zh-CN')).toBe('2027年1月');
    expect(formatMonth('2027-13', 'en')).toBe('2027-13');
    expect(formatMonthRange('2027-01', '2027-06', 'en')).toBe('Jan 2027 – Jun 2027');
    expect(formatMonthRange('2027-07', '2027-12', 'zh-CN')).toBe('2027年7月–2027年12月');
    expect(formatMonthRange('2027-07', '2027-07', 'zh-CN')).toBe('2027年7月');
  });
});
