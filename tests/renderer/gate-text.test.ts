// The phase gate reads the same on the Gate screen and in the exports: both
// name a check's ids (the screen from its plan store, the report from the
// plan) and word it with shared/report/gate-text.ts. For every kind of exit
// check, in both languages, the screen's and the report's text are equal, and
// say what the user reads (a cycle-time target with its unit and its funnel,
// the names of who falls short).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import { createTranslator, type Locale } from '../../shared/i18n/translate';
import type { Plan } from '../../shared/plan/types';
import { buildReportModel } from '../../shared/report/build';
import { gateCheckText, gateEvidenceText } from '../../shared/report/gate-text';
import type { ReportSection } from '../../shared/report/model';
import { expectedValue } from '../../shared/simulation';
import { checkRowOf } from '../../renderer/views/gate/gateText';
import { fakeHost, flush, ok, snapshot } from './harness';

const demoOf = (lang: Locale) => JSON.parse(readFileSync(new URL(`../../resources/demo/demo.${lang}.plan.json`, import.meta.url), 'utf8')) as Plan;

describe.each(['en', 'zh-CN'] as const)('the gate in words (%s)', (lang) => {
  it('is the same on the Gate screen and in the report, for every kind of check', async () => {
    const plan = demoOf(lang);
    const tr = createTranslator(lang);
    const result = expectedValue(plan);
    const latest: StoredRunView = {
      run: { id: 'r1', createdAt: '2027-01-01T00:00:00.000Z', actor: 'li', mode: 'expected', scenarioId: null, seed: null, trials: 1, elapsedMs: 1, result: result as never },
      stale: false,
    };
    const { store } = fakeHost((method) => (method === 'plan.load' ? ok(snapshot(plan, 1)) : method === 'simulation.latest' ? ok(latest) : ok(null)));
    await store.start();
    const close = store.gate.open();
    await flush();

    const report = buildReportModel({
      plan,
      lang,
      scenarioId: null,
      sections: ['summary'],
      generatedAt: '2027-01-02T00:00:00.000Z',
      run: { info: { id: 'r1', mode: 'expected', createdAt: latest.run.createdAt, seed: null, trials: 1, ranForReport: false }, result },
      sensitivity: null,
    });
    const summary = report.sections.find((s): s is Extract<ReportSection, { kind: 'summary' }> => s.kind === 'summary')!;
    const shownCurrency = store.plan.settings!.currency;
    const currency = report.cover.currency;

    const kinds = new Set<string>();
    const texts: string[] = [];
    for (const phaseRow of summary.gates) {
      const screen = store.gate.gates.get(phaseRow.phaseId)!;
      expect(screen.checks).toHaveLength(phaseRow.checks.length);
      phaseRow.checks.forEach((reported, i) => {
        const shown = checkRowOf(screen.checks[i]!, store.plan);
        expect(gateCheckText(shown, shownCurrency, tr)).toBe(gateCheckText(reported, currency, tr));
        expect(gateEvidenceText(shown, tr)).toBe(gateEvidenceText(reported, tr));
        kinds.add(reported.check.kind);
        texts.push(gateCheckText(reported, currency, tr), gateEvidenceText(reported, tr));
      });
    }
    close();
    expect([...kinds].sort()).toEqual(['coverage', 'goals', 'relationship', 'target']);

    // The cycle-time target with its unit and its funnel.
    const cycle = plan.targets.find((t) => t.metric === 'salesCycleDays')!;
    const funnel = plan.funnels.find((f) => f.id === cycle.funnelId)!;
    const label = tr.t('gate.targetScoped', { target: tr.t('gate.targetLabel', { metric: tr.t('metric.salesCycleDays'), value: tr.tn('planning.days', cycle.value) }), scope: funnel.name });
    expect(texts.some((t) => t.includes(label))).toBe(true);
    // Who falls short is named, not given by id.
    const short = [...store.gate.gates.values()].flatMap((g) => g.checks).find((e) => e.check.kind !== 'target' && e.check.kind !== 'goals' && e.short.length > 0)!;
    const first = plan.customers.find((c) => c.id === short.short[0])!;
    expect(gateEvidenceText(checkRowOf(short, store.plan), tr)).toContain(first.name);
    expect(texts.some((t) => t.includes(first.id))).toBe(false);
  });
});
