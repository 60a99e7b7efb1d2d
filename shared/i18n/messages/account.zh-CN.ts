import type { accountEn } from './account.en';

export const accountZhCN: { readonly [K in keyof typeof accountEn]: string } = {
  'customers.col.needs': '客户需求',
  'customers.needs.label': '客户需求',
  'customers.needs.hint': '营销从客户需求出发：发现需求、引导并满足需求。离开输入框时保存；可在客户列表中搜索。',
  'customers.needs.count': '{count} / {max} 字',
  'customers.needs.tooLong': '客户需求最多 {max} 字，当前文本有 {count} 字。未保存。',
  'customers.needs.save': '保存客户需求',

  'customers.ladder.title': '分阶段加深客户合作深度——各阶段末的规划关系水平',
  'customers.ladder.hint':
    '每个客户关系层次在各阶段结束时应达到的水平（0–4）。一个阶段的三个层次一起规划：首次设定时，其余层次沿用上一阶段的规划（或当前水平）；选“—”删除该阶段的规划。仿真使用突破阶段的规划水平。',
  'customers.ladder.today': '当前',
  'customers.ladder.phase': '阶段',
  'customers.ladder.notPlanned': '— 未规划',
  'customers.ladder.cell': '{phase}结束时的{layer}',
  'customers.ladder.current': '当前阶段',
  'customers.ladder.behind': '落后于{phase}的规划：{layers}。',
  'customers.ladder.onPlan': '符合{phase}的规划。',
  'customers.ladder.noPhases': '计划中还没有阶段。',

  'customers.filter.behindPlan': '落后于规划',
  'customers.filter.behindPlan.tip':
    '任一客户关系层次的当前水平低于当前阶段规划水平的客户。当前阶段：包含本月的阶段；在阶段开始前或两个阶段之间，为第一个尚未结束的阶段；所有阶段结束后，为最后一个阶段。现在：{phase}。',
  'customers.filter.behindPlan.noPhase': '无阶段',
  'customers.chip.behindPlan': '落后于{phase}的规划',

  'odds.title': '突破概率',
  'odds.planned': '按规划关系水平',
  'odds.today': '按当前关系水平',
  'odds.explain': '在突破阶段结束前签下首单的概率，来自最近一次仿真：分别按该阶段的规划关系水平和当前关系水平计算。',
  'odds.noPlan': '突破阶段没有规划关系水平，两个概率都按当前水平计算。',
  'odds.notSimulated': '未仿真',
  'odds.notSimulated.none': '运行仿真后可看到概率。',
  'odds.notSimulated.stale': '上次仿真后计划已修改：请重新运行仿真。',
  'odds.notPursued': '未纳入突破：该客户在计划期内没有突破阶段。',
  'odds.loading': '加载中…',
  'odds.toSimulation': '打开仿真',
  'odds.column': '概率',
  'odds.goal.today': '按当前水平：{value}',
  'odds.goal.notPursued': '未纳入突破',
  'odds.goal.notPursued.tip': '该目标的客户在计划期内没有突破阶段，因此未对其仿真。',
  'odds.goal.notApplicable': '只有“首单签约”类目标会被仿真。',
};
