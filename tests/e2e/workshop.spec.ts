// Scenarios side by side and workshop mode in real Chromium against a real
// host, in English and Chinese: compare two scenarios and read a difference
// that matches what the host stored; walk the workshop with the keyboard to
// What-if, drag a slider and watch the totals move, keep it as a scenario,
// record a decision, leave with Esc and find the decision on the Decisions
// screen and in the JSON export; axe finds nothing serious in workshop mode;
// 1280×720 screenshots are kept under test-results/screenshots/.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import { createTranslator, formatPercent, type Translator } from '../../shared/i18n';
import type { Customer, Scenario } from '../../shared/plan/types';
import type { SimulationResult } from '../../shared/simulation/types';
import { expect, keepScreenshot, readDemo, test } from './fixtures';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const demo = readDemo('en');

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function compareTwo(page: Page, t: Translator): Promise<void> {
  await page.getByRole('navigation', { name: t.t('nav.label') }).getByRole('link', { name: t.t('nav.simulation') }).click();
  await page.getByRole('textbox', { name: t.t('simulation.trials') }).fill('500');
  const panel = page.locator('.cmp-panel');
  // The plan as entered is picked already; add the pessimistic scenario.
  await panel.getByRole('checkbox', { name: 'Pessimistic' }).check();
  await panel.getByRole('button', { name: t.t('compare.run'), exact: true }).click();
  await expect(panel.getByRole('table', { name: t.t('compare.totals') })).toBeVisible({ timeout: 60_000 });
}

for (const [lang, t] of [
  ['en', en],
  ['zh-CN', zh],
] as const) {
  test(`${lang}: two scenarios side by side with the same random draws; a difference reads as the host stored it`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const page = await openApp();
    if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
    await compareTwo(page, t);
    const plan = (await host.call<StoredRunView>('simulation.latest', {})).run;
    const pess = (await host.call<StoredRunView>('simulation.latest', { scenarioId: 'pessimistic' })).run;
    expect([plan.seed, plan.trials]).toEqual([pess.seed, pess.trials]);
    const target = (plan.result as SimulationResult).phases[0]!.targets[0]!;
    const p0 = target.probability;
    const p1 = (pess.result as SimulationResult).phases[0]!.targets[0]!.probability;
    const row = page.getByRole('table', { name: t.t('compare.attainment') }).locator(`tr[data-row="${target.id}"]`);
    await expect(row.locator('td[data-col="0"]')).toContainText(formatPercent(p0, lang, 0));
    await expect(row.locator('td[data-col="1"]')).toContainText(formatPercent(p1, lang, 0));
    // Fewer leads and lower conversion: a lower chance, marked as lower.
    expect(p1).toBeLessThan(p0);
    await expect(row.locator('td[data-col="1"]')).toHaveAttribute('data-direction', 'down');
    // Fewer leads in the pessimistic scenario: lower bookings in every phase, marked as lower.
    const bookings = page.getByRole('table', { name: t.t('compare.totals') }).locator('tr[data-row="p2/bookings"] td[data-col="1"]');
    await expect(bookings).toHaveAttribute('data-direction', 'down');
    await expect(bookings).toContainText('\u2212');
    // Each scenario in words.
    await expect(page.getByRole('list', { name: t.t('compare.effects') })).toContainText(`\u2212${formatPercent(0.2, lang, 1)}`);
    await expect(page.getByRole('img', { name: new RegExp(t.t('compare.fanTitle').replace(/[()]/g, '.')) })).toBeVisible();

    // Again: both runs are fresh and drew the same numbers, so nothing is run a second time.
    await page.locator('.cmp-panel').getByRole('button', { name: t.t('compare.run'), exact: true }).click();
    await expect(page.locator('.cmp-effects')).toContainText(t.t('compare.reused'));
    expect((await host.call<StoredRunView>('simulation.latest', {})).run.id).toBe(plan.id);
    await keepScreenshot(page, testInfo, `compare-${lang}`);
    expect(consoleErrors).toEqual([]);
  });
}

test('a cancelled comparison keeps the last complete one on screen with a note', async ({ openApp }) => {
  const page = await openApp();
  await compareTwo(page, en);
  const panel = page.locator('.cmp-panel');
  await panel.getByRole('checkbox', { name: 'Optimistic' }).check();
  await page.getByRole('textbox', { name: en.t('simulation.trials') }).fill('1000000');
  await panel.getByRole('button', { name: en.t('compare.run'), exact: true }).click();
  await expect(panel.getByRole('progressbar', { name: en.t('compare.progressLabel') })).toBeVisible();
  await panel.getByRole('button', { name: en.t('simulation.cancel') }).click();
  await expect(panel.getByRole('status').filter({ hasText: en.t('compare.cancelled') })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('table', { name: en.t('compare.totals') })).toBeVisible();
  await expect(panel.getByText(en.t('compare.keptLast'))).toBeVisible();
});

for (const [lang, t] of [
  ['en', en],
  ['zh-CN', zh],
] as const) {
  test(`${lang}: workshop by keyboard to What-if, a slider moves the totals, kept as a scenario`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const page = await openApp();
    await page.setViewportSize({ width: 1280, height: 720 });
    if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('button', { name: t.t('workshop.enter') }).click();
    const steps = page.getByRole('navigation', { name: t.t('workshop.steps') });
    await expect(steps.getByRole('button', { name: t.t('workshop.step.plan') })).toHaveAttribute('aria-current', 'step');
    // No file path and no token on the projector.
    await expect(page.locator('body')).not.toContainText('.salesplan');
    await expect(page.locator('body')).not.toContainText(host.token);
    await keepScreenshot(page, testInfo, `workshop-plan-${lang}`);
    await expectNoSeriousA11yViolations(page);

    // A clicker: PageDown, and the arrow keys.
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t.t('workshop.step.phases'));
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t.t('workshop.step.whatIf'));
    // Switching language in the room keeps the step.
    const other = lang === 'en' ? zh : en;
    await page.getByRole('button', { name: lang === 'en' ? '简体中文' : 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(other.t('workshop.step.whatIf'));
    await page.getByRole('button', { name: lang === 'en' ? 'English' : '简体中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t.t('workshop.step.whatIf'));

    const first = page.locator('.ws-whatif-totals tr[data-phase="p2"][data-metric="bookings"] [data-testid="what-if-value"]');
    await expect(first).not.toBeEmpty();
    const before = await first.textContent();
    // Drag the lead-volume slider to the right.
    const slider = page.getByRole('slider', { name: t.t('simulation.whatIf.leads'), exact: true });
    const track = (await slider.boundingBox())!;
    await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width * 0.95, track.y + track.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(first).not.toHaveText(before!);
    await keepScreenshot(page, testInfo, `workshop-whatif-${lang}`);
    await expectNoSeriousA11yViolations(page);

    const scenariosBefore = (await host.call<{ plan: { scenarios: Scenario[] } }>('plan.get')).plan.scenarios.length;
    await page.getByRole('button', { name: t.t('workshop.keep') }).click();
    await expect(page.getByRole('status').filter({ hasText: t.t('workshop.kept', { name: t.t('workshop.keptName', { n: 1 }) }) })).toBeVisible();
    const scenarios = (await host.call<{ plan: { scenarios: Scenario[] } }>('plan.get')).plan.scenarios;
    expect(scenarios).toHaveLength(scenariosBefore + 1);
    const kept = scenarios.at(-1)!;
    expect(kept.name).toBe(t.t('workshop.keptName', { n: 1 }));
    expect(kept.adjust.leads).toBeGreaterThan(1.2);

    // A decision, recorded on this step. An empty one is refused first, with a message.
    const box = page.getByRole('form', { name: t.t('decisions.record') });
    await box.getByRole('button', { name: t.t('decisions.recordButton') }).click();
    await expect(box.getByRole('alert')).toHaveText(t.t('decisions.empty'));
    const text = lang === 'en' ? 'Raise lead volume by a third in the breakthrough phase' : '突破阶段线索量提高三分之一';
    await box.getByRole('textbox', { name: t.t('decisions.text') }).fill(text);
    await box.getByRole('combobox', { name: t.t('decisions.phase') }).selectOption('p2');
    await box.getByRole('button', { name: t.t('decisions.recordButton') }).click();
    await expect(box.getByRole('status')).toHaveText(t.t('decisions.recorded'));
    await page.keyboard.press('End'); // not a workshop key: nothing moves
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t.t('workshop.step.whatIf'));

    // Esc while typing leaves the field; the next Esc leaves the workshop.
    await box.getByRole('textbox', { name: t.t('decisions.text') }).focus();
    await page.keyboard.press('Escape');
    await expect(steps).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: t.t('workshop.steps') })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: t.t('nav.label') })).toBeVisible();

    // On the Decisions screen, under its phase.
    await page.getByRole('navigation', { name: t.t('nav.label') }).getByRole('link', { name: t.t('nav.decisions') }).click();
    const phaseName = (await host.call<{ plan: { phases: { id: string; name: string }[] } }>('plan.get')).plan.phases.find((p) => p.id === 'p2')!.name;
    await expect(page.getByRole('region', { name: phaseName })).toContainText(text);
    // And in the JSON export.
    if (lang === 'en') {
      await page.getByRole('button', { name: t.t('file.menu') }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: t.t('file.exportJson') }).click();
      const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
      expect(exported.decisions).toContainEqual(expect.objectContaining({ text, phaseId: 'p2' }));
    } else {
      const exported = JSON.parse((await host.call<{ json: string }>('file.exportJson')).json);
      expect(exported.decisions).toContainEqual(expect.objectContaining({ text, phaseId: 'p2' }));
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('F5 enters workshop mode (not a reload), the step list moves to any step, a seat of an iron triangle is an undoable edit', async ({ openApp, host }) => {
  const page = await openApp();
  await page.keyboard.press('F5');
  const steps = page.getByRole('navigation', { name: en.t('workshop.steps') });
  await expect(steps).toBeVisible();
  await steps.getByRole('button', { name: en.t('workshop.step.ironTriangles') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(en.t('workshop.step.ironTriangles'));
  const breakthrough = demo.customers.filter((c) => c.breakthroughPhaseId);
  await expect(page.locator('.ws-main tbody tr')).toHaveCount(breakthrough.length);
  // A seat changed in the room is an ordinary customer edit, and Undo takes it back.
  const c = breakthrough[0]!;
  const fr = demo.people.find((p) => p.role === 'FR' && p.id !== c.owners.FR)!;
  await page.getByRole('combobox', { name: en.t('workshop.seat', { role: 'FR', customer: c.name }) }).selectOption(fr.id);
  const owners = async () => (await host.call<{ plan: { customers: Customer[] } }>('plan.get')).plan.customers.find((x) => x.id === c.id)!.owners.FR;
  await expect.poll(owners).toBe(fr.id);
  await page.locator('.ws-bar').getByRole('button', { name: /Undo/ }).click();
  await expect.poll(owners).toBe(c.owners.FR);
  await page.locator('.ws-title').focus();
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(en.t('workshop.step.targets'));

  // On a focused slider the arrows move the slider; a clicker's PageDown still moves the step.
  await steps.getByRole('button', { name: en.t('workshop.step.whatIf') }).click();
  const leads = page.getByRole('slider', { name: en.t('simulation.whatIf.leads'), exact: true });
  await leads.focus();
  await page.keyboard.press('ArrowRight');
  await expect(leads).toHaveValue('1.05');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(en.t('workshop.step.whatIf'));
  await leads.focus();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(en.t('workshop.step.scenarios'));
});

test('every workshop step at 1280×720: axe finds nothing serious, a screenshot of each is kept, nothing shows a path', async ({ openApp, host, consoleErrors }, testInfo) => {
  test.slow(); // axe over nine screens on a shared two-core machine
  const page = await openApp();
  await page.setViewportSize({ width: 1280, height: 720 });
  // Something for the Decisions step to list: one long decision of Chinese text (2,000 characters, no spaces) must wrap.
  await host.call('decisions.create', { value: { id: 'long', at: '2027-02-01T09:00:00Z', text: '决'.repeat(2000), phaseId: 'p1' } });
  await page.getByRole('button', { name: en.t('workshop.enter') }).click();
  for (const [i, step] of (['plan', 'phases', 'targets', 'ironTriangles', 'funnel', 'odds', 'whatIf', 'scenarios', 'decisions'] as const).entries()) {
    if (i > 0) await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(en.t(`workshop.step.${step}`));
    await expect(page.locator('body')).not.toContainText('.salesplan');
    await expect(page.locator('body')).not.toContainText(host.token);
    await keepScreenshot(page, testInfo, `workshop-1280x720-${i + 1}-${step}`);
    await expectNoSeriousA11yViolations(page);
  }
  // The long decision wraps inside the page: no sideways scrolling.
  await expect(page.locator('[data-decision="long"]')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  expect(consoleErrors).toEqual([]);
});

test('Odds in the room: a cancelled run leaves the last result on screen with a note', async ({ openApp }) => {
  const page = await openApp();
  await page.keyboard.press('F5');
  await page.getByRole('navigation', { name: en.t('workshop.steps') }).getByRole('button', { name: en.t('workshop.step.odds') }).click();
  await page.getByRole('textbox', { name: en.t('simulation.trials') }).fill('500');
  await page.getByRole('button', { name: en.t('simulation.run'), exact: true }).click();
  const attainment = page.getByRole('table', { name: en.t('simulation.attainment.title') });
  await expect(attainment).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: en.t('simulation.trials') }).fill('1000000');
  await page.getByRole('button', { name: en.t('simulation.run'), exact: true }).click();
  await expect(page.getByRole('progressbar', { name: en.t('simulation.progressLabel') })).toBeVisible();
  await page.getByRole('button', { name: en.t('simulation.cancel') }).click();
  await expect(page.getByRole('status').filter({ hasText: en.t('workshop.keptLast') })).toBeVisible({ timeout: 30_000 });
  await expect(attainment).toBeVisible();
});
