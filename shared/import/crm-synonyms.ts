// Header words of real CRM account exports, per customer field, so a file
// exported from Salesforce, HubSpot, Dynamics 365, Zoho, Odoo, 纷享销客, 销售易
// or 钉钉 (or a sales team's own sheet) maps in one pass. Compared after
// normalizeLabel (case, width, spaces and punctuation ignored), so
// "Account Name", "account_name" and "ACCOUNT-NAME" are one entry.
// A word belongs to one field only; where CRMs disagree (Salesforce "Type"
// is a status, Odoo "Type" a lead/opportunity flag) the word is left out.
import type { ImportField } from './field-list';

export const CRM_SYNONYMS: Partial<Record<ImportField, readonly string[]>> = {
  id: [
    'account id', 'account number', 'accountnumber', 'record id', 'company id', 'customer number', 'customer no', 'external id', // Salesforce, HubSpot, Dynamics
    'account code', 'partner id', 'ref', 'reference', // Zoho, Odoo
    '客户id', '客户编码', '客户号', '客户代码', '记录id', '数据id', '企业编号', '客户档案编号', // 纷享销客, 销售易, 钉钉
  ],
  name: [
    'account name', 'accountname', 'company name', 'companyname', 'organization', 'organisation', 'organization name', 'customer name', 'partner', 'client', 'client name', 'account',
    'display name', // Odoo
    '客户名称', '客户全称', '公司名称', '企业名称', '单位名称', '客户名', '机构名称', '组织名称', '名称',
  ],
  industry: [
    'industry', 'sector', 'vertical', 'industry type', 'industry category', 'business type', 'primary industry', 'naics', 'sic description',
    '所属行业', '行业', '行业类型', '行业分类', '客户行业', '行业类别', '所属行业分类',
  ],
  region: [
    'billing city', 'billing state', 'billing state/province', 'billing country', 'shipping city', 'city', 'state/region', 'country', 'country/region',
    'province', 'region', 'territory', 'sales territory', 'office location', 'location', 'address 1: city', 'address1 city', 'hq location', 'headquarters',
    '省份', '城市', '所在地区', '地区', '区域', '省市', '所在城市', '所在省份', '国家', '国家/地区', '销售区域', '所属区域', '办公地点', '地址', '详细地址', '归属地',
  ],
  potentialBase: [
    'annual revenue', 'annualrevenue', 'revenue', 'annual sales', 'sales volume', 'turnover', 'total revenue', 'expected revenue', 'company revenue',
    '年营收', '营收', '年营业额', '营业额', '年收入', '营业收入', '年销售额', '销售额', '年度营收', '收入规模', '营收规模',
  ],
  potential: ['potential', 'wallet', 'wallet size', 'share of wallet', 'addressable spend', 'it spend', 'annual it budget', '潜力', '潜在金额', '预算', '年度预算', 'it预算', '采购预算', '客户潜力'],
  'owners.AR': [
    'account owner', 'owner', 'owner name', 'company owner', 'contact owner', 'record owner', 'salesperson', 'sales rep', 'sales representative', 'account manager', 'assigned to',
    '负责人', '客户负责人', '销售负责人', '所有人', '客户所有人', '归属人', '销售', '销售人员', '客户经理', '跟进人', '业务员',
  ],
  // Not Salesforce/Zoho "Rating" (Hot/Warm/Cold) or "Priority": a values map can still turn them into tiers.
  tier: ['customer level', 'account tier', 'abc class', '客户级别', '客户等级', '重要程度', '客户分类', '价值等级', '等级'],
  status: ['account status', 'lifecycle stage', 'lifecyclestage', 'customer status', '客户状态', '跟进状态', '成交状态', '生命周期阶段'],
  // Not "Account Type" (Customer / Partner / Competitor in Salesforce and Zoho).
  segment: ['segment', 'market segment', 'customer segment', 'customer group', '客户类型', '客户群', '细分市场', '客户细分', '市场细分'],
  needs: [
    // Not "notes" or "description" (备注, 描述): those hold anything; the user can still choose Needs for them.
    'needs', 'customer needs', 'requirements', 'business needs', 'pain points', '客户需求', '需求', '需求描述', '痛点', '客户痛点',
  ],
};
