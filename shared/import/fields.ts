// The customer fields a pasted or imported column can be mapped to, their
// labels, and the header words (English and Chinese) that map a column to
// them automatically. A header is compared after `normalizeLabel`, so
// "Customer name", "customer_name" and "客户名称：" all match.
import { catalogs, type MessageKey } from '../i18n';
import { CRM_SYNONYMS } from './crm-synonyms';
import { IMPORT_FIELDS, type ImportField } from './field-list';
import type { Factor, OwnerRole, RelationshipLayer } from '../plan/types';

export { IMPORT_FIELDS, type ImportField, type ColumnMapping } from './field-list';

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

export function ownerRoleOf(field: ImportField): OwnerRole | null {
  return field.startsWith('owners.') ? (field.slice(7) as OwnerRole) : null;
}
export function layerOf(field: ImportField): RelationshipLayer | null {
  return field.startsWith('relationship.') ? (field.slice(13) as RelationshipLayer) : null;
}
export function factorOf(field: ImportField): Factor | null {
  return field.startsWith('factors.') ? (field.slice(8) as Factor) : null;
}

/** The message key of a field's label (domain vocabulary is reused from core). */
export function fieldLabelKey(field: ImportField): MessageKey {
  const role = ownerRoleOf(field);
  if (role) return `role.${role}`;
  const layer = layerOf(field);
  if (layer) return `layer.${layer}`;
  const factor = factorOf(field);
  if (factor) return `factor.${factor}`;
  return `import.field.${field as 'id'}`;
}

/**
 * Lower case, full-width folded (NFKC), without spaces and punctuation: the
 * form in which headers and names are compared.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\uFEFF_\-–—.,:;/\\|()[\]{}'"“”‘’*#№]+/g, '');
}

// Header words beyond the app's own labels (which are added from the catalogs
// below, so a table copied from this app with its header maps back).
const EXTRA_SYNONYMS: Partial<Record<ImportField, readonly string[]>> = {
  id: ['id', 'customer id', 'customer code', 'code', 'key id', '编号', '客户编号', '客户id', '客户代码', '代码', '编码'],
  name: ['name', 'customer', 'customer name', 'account', 'account name', 'company', 'company name', '名称', '客户', '客户名称', '客户名', '公司', '公司名称', '单位', '单位名称'],
  segment: ['segment', 'segment id', 'segment name', 'market segment', '细分', '细分市场', '市场细分', '客户群', '客户细分'],
  tier: ['tier', 'level', 'grade', 'customer tier', '分级', '客户分级', '等级', '级别', '客户等级', '客户级别'],
  status: ['status', 'state', 'customer status', '状态', '客户状态'],
  potential: ['potential', 'wallet', 'annual wallet', 'potential value', 'annual potential', '潜力', '潜力值', '客户潜力', '年度钱包', '潜在金额', '潜在规模', '年潜力'],
  region: ['region', 'area', 'territory', 'province', 'city', '区域', '地区', '省份', '城市'],
  industry: ['industry', 'vertical', 'sector', '行业'],
  'owners.AR': ['ar', 'account responsible', 'account owner', '客户责任人'],
  'owners.SR': ['sr', 'solution responsible', 'solution owner', '解决方案责任人'],
  'owners.FR': ['fr', 'fulfilment responsible', 'fulfillment responsible', 'delivery responsible', '履行责任人', '交付责任人'],
  breakthroughPhase: ['breakthrough phase', 'phase', 'phase id', '突破阶段', '阶段', '重点突破阶段'],
  'relationship.key': ['key relationship', 'key', '关键关系', '关键客户关系'],
  'relationship.broad': ['broad relationship', 'broad', '普遍关系', '普遍客户关系'],
  'relationship.organizational': ['organizational relationship', 'organisational relationship', 'organizational', 'organisational', '组织关系', '组织客户关系'],
  'factors.pricePerformance': ['price performance', '性价比'],
  entryStage: ['entry stage', 'funnel stage', 'start stage', '进入阶段', '入口阶段', '漏斗阶段', '起始阶段'],
  firstDeal: ['first deal', 'first deal size', 'first order', '首单', '首单金额', '首单规模'],
};

function buildSynonyms(): Map<string, ImportField> {
  const map = new Map<string, ImportField>();
  const add = (word: string, field: ImportField) => {
    const key = normalizeLabel(word);
    if (key && !map.has(key)) map.set(key, field);
  };
  for (const field of IMPORT_FIELDS) for (const w of EXTRA_SYNONYMS[field] ?? []) add(w, field);
  for (const field of IMPORT_FIELDS) for (const w of CRM_SYNONYMS[field] ?? []) add(w, field);
  for (const field of IMPORT_FIELDS) {
    const key = fieldLabelKey(field);
    add(catalogs.en[key], field);
    add(catalogs['zh-CN'][key], field);
    add(field, field); // "owners.AR", "factors.salesSkill": the plan-format names
    const factor = factorOf(field);
    if (factor) add(factor, field);
  }
  return map;
}

let synonyms: Map<string, ImportField> | null = null;

/** The field a header cell names, or null. */
export function fieldForHeader(header: string): ImportField | null {
  synonyms ??= buildSynonyms();
  return synonyms.get(normalizeLabel(header)) ?? null;
}
