// The PDF report opened by poppler (pdftotext, pdffonts, pdftoppm) in both
// languages, and the standalone HTML: the plan's own names are in it, the
// bundled CJK font is embedded, and plan text full of markup is shown as
// text, never interpreted. Page images are kept under test-results/ to look at.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan/types';
import { exportTo, tool } from './export-helpers';
import { harness, tempDir } from './store-helpers';
import { demoJson } from './export-helpers';

const ARTIFACTS = join(import.meta.dirname, '../../test-results/export-pdf');

/** Names a report must survive: markup, markdown, a formula, CJK, emoji, right-to-left. */
const NASTY_NAME = '<img src=x onerror=alert(1)> **bold** =1+1 银行🚀 مصرف';

function nastyPlan(): Plan {
  const plan = demoJson('zh-CN');
  plan.customers[0]!.name = NASTY_NAME;
  plan.decisions![0]!.text = '<b>decided</b> =SUM(A1)';
  plan.customers[0]!.needs = '<i>needs</i>';
  plan.phases[0]!.name = '<script>alert("phase")</script>';
  return plan;
}

describe('PDF and HTML report', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`PDF in ${lang}: the plan's phases and S-tier customers as text, the CJK font embedded`, async () => {
      const plan = demoJson('zh-CN');
      const h = await harness(plan);
      const pdf = await exportTo(h, 'pdf', join(tempDir(), `report-${lang}.pdf`), { lang, paper: lang === 'en' ? 'Letter' : 'A4' });
      const text = tool('pdftotext', ['-layout', pdf, '-']).replace(/\s+/g, '');
      for (const p of plan.phases) expect(text).toContain(p.name.replace(/\s+/g, ''));
      for (const c of plan.customers.filter((x) => x.tier === 'S')) expect(text).toContain(c.name.replace(/\s+/g, ''));
      expect(text).toContain(lang === 'en' ? 'Executivesummary' : '执行摘要');
      // Plan format v2 sections: phase-gate status, account ladder, plan vs actual, decisions.
      const heads = lang === 'en' ? ['Phase-gatestatus', 'Accountladder', 'Planvsactual', 'Decisions'] : ['阶段评审状态', '客户关系阶梯', '计划与实际对比', '决策记录'];
      for (const head of heads) expect(text).toContain(head);
      // Reading order (no -layout); a decision that fits its cell's first line (a wrapped cell interleaves with its neighbours).
      const flowing = tool('pdftotext', [pdf, '-']).replace(/\s+/g, '');
      const shortest = [...plan.decisions!].sort((a, b) => a.text.length - b.text.length)[0]!;
      expect(flowing).toContain(shortest.text.replace(/\s+/g, ''));
      // The ladder section itself (between its heading and the goals' heading) names a breakthrough customer with a ladder.
      const [ladderHead, goalsHead] = lang === 'en' ? ['Accountladderofthebreakthroughcustomers', 'Breakthroughgoals'] : ['重点突破客户的客户关系阶梯', '阶段性重点突破目标'];
      const from = flowing.indexOf(ladderHead);
      const ladderText = flowing.slice(from, flowing.indexOf(goalsHead, from));
      expect(from).toBeGreaterThan(0);
      for (const c of plan.customers.filter((x) => x.relationshipPlan && x.breakthroughPhaseId).slice(0, 2)) expect(ladderText).toContain(c.name.replace(/\s+/g, ''));
      const fonts = tool('pdffonts', [pdf]);
      expect(fonts).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes/);
      const info = tool('pdfinfo', [pdf]);
      // pdfinfo names the paper size it recognises.
      expect(info).toMatch(lang === 'en' ? /Page size:.*\(letter\)/ : /Page size:.*\(A4\)/);
      mkdirSync(ARTIFACTS, { recursive: true });
      tool('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', pdf, join(ARTIFACTS, lang)]);
      expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith(lang) && f.endsWith('.png')).length).toBe(3);
    });
  }

  it('escapes plan text in HTML and PDF: markup from the plan is shown, never run', async () => {
    const h = await harness(nastyPlan());
    const dir = tempDir();
    const html = readFileSync(await exportTo(h, 'html', join(dir, 'r.html'), { lang: 'zh-CN' }), 'utf8');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **bold** =1+1 银行🚀 مصرف');
    // Self-contained: nothing to fetch.
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain("font-family:'Noto Sans SC'");
    const text = tool('pdftotext', [await exportTo(h, 'pdf', join(dir, 'r.pdf'), { lang: 'zh-CN' }), '-']);
    expect(text).toContain('<script>alert("phase")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;b&gt;decided&lt;/b&gt; =SUM(A1)');
    expect(html).toContain('&lt;i&gt;needs&lt;/i&gt;');
    expect(html).not.toContain('<b>decided');
    expect(text).toContain('<b>decided</b> =SUM(A1)');
  });

  it('reports a plan without customers or runs that cannot be simulated, saying why', async () => {
    const plan = demoJson('en');
    plan.customers = [];
    plan.goals = plan.goals.map((g) => ({ ...g, customerId: null }));
    plan.segments = [];
    // What named the segments goes with them (plan-format v2 references).
    plan.phases = plan.phases.map((p) => ({ ...p, focusSegmentIds: [] }));
    plan.targets = plan.targets.map(({ segmentId: _s, ...t }) => t);
    plan.actuals = (plan.actuals ?? []).filter((a) => a.segmentId === undefined);
    plan.scenarios = plan.scenarios.map((s) => ({ ...s, adjust: { ...s.adjust, stages: [] } }));
    const h = await harness(plan);
    const out = join(tempDir(), 'empty.html');
    const html = readFileSync(await exportTo(h, 'html', out), 'utf8');
    expect(existsSync(out)).toBe(true);
    expect(html).toContain('No simulation result');
  });
});
