import type { importCrmEn } from './import-crm.en';

export const importCrmZhCN: { readonly [K in keyof typeof importCrmEn]: string } = {
  'import.field.needs': '客户需求',
  'import.field.potentialBase': '潜力基数（× 系数）',

  'import.header.empty': '第一行为空。',
  'import.header.knownNames': '第一行是表头：{total} 个单元格中有 {named} 个是字段名（{examples}）。',
  'import.header.textAboveTyped': '第一行是表头：“{header}”是文字，其下一列是数字或日期。',
  'import.header.textAboveKnownValues': '第一行是表头：“{header}”下面一列都是{field}的值。',
  'import.header.typedFirstRow': '第一行是数据：其中有数字或日期。',
  'import.header.looksLikeData': '第一行是数据：其单元格不是字段名，且与下面的行相似。',

  'import.reason.header': '表头“{header}”表示{field}。',
  'import.reason.duplicateHeader': '表头“{header}”也表示{field}，但前面的列已对应该字段。',
  'import.reason.tiers': '每个值都是分级（S、A、B、C）。',
  'import.reason.statuses': '每个值都是客户状态。',
  'import.reason.segments': '每个值都是计划中的细分市场（共 {distinct} 种）。',
  'import.reason.phases': '每个值都是计划中的阶段。',
  'import.reason.existingIds': '每个值都是计划中已有客户的编号。',
  'import.reason.people': '每个值都是计划中的人员。',
  'import.reason.amounts': '每个值都是金额。',
  'import.reason.textOrder': '没有表头的文字列：依次作为名称、区域和行业（{field}）。',
  'import.reason.none': '表头和值都不对应任何字段。',

  'import.valueMap.unmapped': '“{value}”（{count} 行，首次在第 {line} 行）尚未对应{field}。',
  'import.problem.badFactor': '“{value}”不是系数：请写作 0.03 或 3 % 这样的数。',

  'tiering.method.share': '按比例取前列',
  'tiering.method.threshold': '按最低值',
  'tiering.scope.all': '整个名单',
  'tiering.scope.segment': '在每个细分市场内',
  'tiering.problem.shareRange': '{tier} 级的比例必须在 0 到 100 % 之间（现为 {value}）。',
  'tiering.problem.sharesOver': 'S、A、B 级比例之和为 {sum}：不得超过 100 %。',
  'tiering.problem.thresholdNegative': '{tier} 级的最低值必须大于或等于 0（现为 {value}）。',
  'tiering.problem.thresholdOrder': '最低值从 S 到 A 到 B 不得递增（S {S}，A {A}，B {B}）。',
  'tiering.problem.textValues': '数字列中有 {count} 个单元格不是数字，例如 {examples}。未做任何分级。',
  'tiering.changed.one': '{count} 个客户分级改变',
  'tiering.changed.other': '{count} 个客户分级改变',
};
