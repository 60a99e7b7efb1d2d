import type { trackingEn } from './tracking.en';

export const trackingZhCN: { readonly [K in keyof typeof trackingEn]: string } = {
  'tracking.problem.columnMissing': '表格需要“{field}”列（现有列：{header}）。列为：月份、指标、数值，细分市场可选。',
  'tracking.problem.noRows': '表格只有表头，没有实际值。',
  'tracking.problem.badMonth': '“{column}”列：“{example}”不是月份（第 {rows} 行；共 {count} 行）。月份请写作 2027-03。',
  'tracking.problem.outsideHorizon': '“{column}”列：{example} 不在计划期内（第 {rows} 行；共 {count} 行）。实际值必须落在计划的月份内。',
  'tracking.problem.badMetric': '“{column}”列：“{example}”不是可用的指标（第 {rows} 行；共 {count} 行）。请使用：{metrics}。',
  'tracking.problem.noValue': '“{column}”列：数值为空（第 {rows} 行；共 {count} 行）。',
  'tracking.problem.badValue': '“{column}”列：“{example}”不是大于或等于 0 的数字（第 {rows} 行；共 {count} 行）。',
  'tracking.problem.unknownSegment': '“{column}”列：“{example}”不是本计划的细分市场（第 {rows} 行；共 {count} 行）。整个计划的实际值请留空。',
  'tracking.problem.duplicate': '“{column}”列：{example} 出现了不止一次（第 {rows} 行；共 {count} 行；首次出现在第 {first} 行）。每个月份、指标和细分市场只能有一个数值。',
};
