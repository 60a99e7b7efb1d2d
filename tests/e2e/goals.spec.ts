// The Goals & targets screen on the demo plan, in English and Chinese: goals
// grouped by phase as in the demo JSON; creating and editing a goal (with its
// status) is stored; the targets grid shows the demo's values formatted in
// the plan currency, moves by arrow keys, and creates, changes and deletes
// targets from the keyboard.
import { formatMoney, formatMonth, formatPercent } from '../../shared/i18n';
import { TARGET_METRICS } from '../../shared/plan/types';
import { expect, keepScreenshot, test } from './fixtures';
import { expectNoSeriousAxeViolations, LANGS, openScreen, type PlanGet } from './planning-helpers';

for (const lang of LANGS) {
  test(`[${lang}] goals are grouped by phase as in the demo plan`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'goals');
    const sorted = [...demo.phases].sort((a, b) => a.start.localeCompare(b.start));
    for (const [i, phase] of sorted.entries()) {
      const group = page.getByRole('region', { name: new RegExp(`^${i + 1}\\. ${phase.name}`) });
      const goals = demo.goals.filter((g) => g.phaseId === phase.id);
      if (goals.length === 0) {
        await expect(group).toContainText(tr.t('planning.goals.none'));
        continue;
      }
      await expect(group.getByRole('row')).toHaveCount(goals.length + 1);
      for (const g of goals) {
        const row = group.getByRole('row').filter({ has: page.getByRole('rowheader', { name: g.title, exact: true }) });
        const customer = demo.customers.find((c) => c.id === g.customerId);
        if (customer) await expect(row).toContainText(customer.name);
        await expect(row).toContainText(tr.t(`goalMetric.${g.metric}`));
        await expect(row).toContainText(formatMonth(g.due, lang));
        await expect(row).toContainText(demo.people.find((p) => p.id === g.ownerId)?.name ?? tr.t('planning.goal.noOwner'));
        if (g.metric === 'shareOfWallet') await expect(row).toContainText(formatPercent(g.target, lang));
        await expect(row.getByRole('combobox', { name: tr.t('planning.goal.statusOf', { title: g.title }) })).toHaveValue(g.status ?? 'notStarted');
      }
    }
    await keepScreenshot(page, testInfo, `goals-${lang}`);
    await expectNoSeriousAxeViolations(page, `goals ${lang}`);
    expect(consoleErrors).toEqual([]);
  });

  test(`[${lang}] a goal created and edited in the dialog is stored, with its status`, async ({ openApp, host }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'goals');
    const p2 = demo.phases.find((p) => p.id === 'p2')!;
    const customer = demo.customers.find((c) => c.tier === 'A')!;
    const owner = demo.people.find((p) => p.role === 'SR')!;
    await page.getByRole('button', { name: tr.t('planning.goal.addTo', { name: p2.name }) }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('planning.goal.createTitle') });
    await dialog.getByLabel(tr.t('planning.goal.title'), { exact: true }).fill('Win the campus network tender');
    await dialog.getByRole('searchbox', { name: tr.t('planning.goal.customerSearch') }).fill(customer.name.slice(0, 4));
    await dialog.getByRole('combobox', { name: tr.t('planning.goal.customer'), exact: true }).selectOption(customer.id);
    await dialog.getByLabel(tr.t('planning.goal.metric')).selectOption('shareOfWallet');
    await dialog.getByLabel(tr.t('planning.goal.targetPercent')).fill('25');
    // A due month outside the phase is allowed, with a warning.
    await dialog.getByLabel(tr.t('planning.goal.due')).selectOption('2028-03');
    await expect(dialog).toContainText(
      tr.t('planning.goal.dueOutside', { due: formatMonth('2028-03', lang), phase: p2.name, months: `${formatMonth(p2.start, lang)}${lang === 'en' ? ' – ' : '–'}${formatMonth(p2.end, lang)}` }),
    );
    await dialog.getByLabel(tr.t('planning.goal.due')).selectOption('2027-11');
    await dialog.getByLabel(tr.t('planning.goal.owner')).selectOption(owner.id);
    await dialog.getByLabel(tr.t('planning.goal.status')).selectOption('inProgress');
    await keepScreenshot(page, testInfo, `goals-dialog-${lang}`);
    await dialog.getByRole('button', { name: tr.t('planning.save') }).click();
    await expect(dialog).toHaveCount(0);

    const stored = async () => (await host.call<PlanGet>('plan.get')).plan.goals;
    await expect.poll(async () => (await stored()).length).toBe(demo.goals.length + 1);
    const created = (await stored()).find((g) => g.title === 'Win the campus network tender')!;
    // The status is stored with the goal (plan-format v2).
    expect(created).toMatchObject({ phaseId: 'p2', customerId: customer.id, metric: 'shareOfWallet', target: 0.25, due: '2027-11', ownerId: owner.id, status: 'inProgress' });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: created.title, exact: true }) });
    await expect(row).toContainText(formatPercent(0.25, lang));

    // Edit: a bad target is explained and nothing is written; a good one is stored.
    await row.getByRole('button', { name: tr.t('planning.goal.editOf', { title: created.title }) }).click();
    const edit = page.getByRole('dialog', { name: tr.t('planning.goal.editTitle') });
    await edit.getByLabel(tr.t('planning.goal.targetPercent')).fill('abc');
    await expect(edit).toContainText(tr.t('planning.value.notANumber', { text: 'abc' }));
    await edit.getByRole('button', { name: tr.t('planning.save') }).click();
    await expect(edit.getByRole('alert')).toContainText(tr.t('planning.value.notANumber', { text: 'abc' }));
    await edit.getByLabel(tr.t('planning.goal.targetPercent')).fill('30%');
    await edit.getByLabel(tr.t('planning.goal.title'), { exact: true }).fill('Win the campus tender');
    await edit.getByRole('button', { name: tr.t('planning.save') }).click();
    // Editing other fields keeps the status.
    await expect.poll(async () => (await stored()).find((g) => g.id === created.id)).toMatchObject({ title: 'Win the campus tender', target: 0.3, status: 'inProgress' });

    // Status in place, then delete.
    const renamed = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Win the campus tender', exact: true }) });
    await renamed.getByRole('combobox', { name: tr.t('planning.goal.statusOf', { title: 'Win the campus tender' }) }).selectOption('achieved');
    await expect.poll(async () => (await host.call<{ goalStatuses: Record<string, string> }>('team.get')).goalStatuses[created.id]).toBe('achieved');
    await renamed.getByRole('button', { name: tr.t('planning.goal.deleteOf', { title: 'Win the campus tender' }) }).click();
    await page.getByRole('dialog', { name: tr.t('planning.goal.deleteTitle') }).getByRole('button', { name: tr.t('planning.delete') }).click();
    await expect.poll(async () => (await stored()).length).toBe(demo.goals.length);
  });

  test(`[${lang}] the targets grid edits from the keyboard, stores and shows money in the plan currency`, async ({ openApp, host }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'goals');
    const currency = demo.plan.currency;
    const grid = page.getByRole('grid', { name: tr.t('planning.targets.title') });
    const sorted = [...demo.phases].sort((a, b) => a.start.localeCompare(b.start));
    const cell = (metric: (typeof TARGET_METRICS)[number], phaseId: string) =>
      grid
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: tr.t(`metric.${metric}`), exact: true }) })
        .getByRole('gridcell')
        .nth(sorted.findIndex((p) => p.id === phaseId));
    // The demo's money targets, formatted as the plan currency (万/亿 in Chinese).
    for (const t of demo.targets.filter((x) => ['bookings', 'revenue', 'cash'].includes(x.metric)))
      await expect(cell(t.metric, t.phaseId)).toContainText(formatMoney(t.value, currency, lang, { compact: true }));

    // Arrow keys from the first cell (leads, first phase) to bookings of the second phase.
    await cell('leads', sorted[0]!.id).click();
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < TARGET_METRICS.indexOf('bookings'); i++) await page.keyboard.press('ArrowDown');
    const p2 = sorted[1]!;
    await expect(cell('bookings', p2.id)).toBeFocused();
    await page.keyboard.press('Enter');
    const input = page.getByRole('textbox', { name: tr.t('planning.targets.valueOf', { metric: tr.t('metric.bookings'), phase: p2.name }) });
    await input.fill(lang === 'zh-CN' ? '1800万' : '18M');
    await input.press('Enter');
    await expect(cell('bookings', p2.id)).toContainText(formatMoney(18_000_000, currency, lang, { compact: true }));
    await expect(cell('bookings', p2.id)).toBeFocused();
    const targets = async () => (await host.call<PlanGet>('plan.get')).plan.targets;
    const before = demo.targets.find((t) => t.phaseId === p2.id && t.metric === 'bookings')!;
    await expect.poll(async () => (await targets()).find((t) => t.id === before.id)?.value).toBe(18_000_000);

    // An empty cell: typing a digit starts the edit; the target is created with a generated id.
    const emptyMetric = TARGET_METRICS.find((m) => m === 'opportunities')!;
    expect(demo.targets.some((t) => t.phaseId === p2.id && t.metric === emptyMetric)).toBe(false);
    await cell(emptyMetric, p2.id).click();
    await page.keyboard.press('4');
    const oppInput = page.getByRole('textbox', { name: tr.t('planning.targets.valueOf', { metric: tr.t(`metric.${emptyMetric}`), phase: p2.name }) });
    await oppInput.press('End');
    await page.keyboard.type('20');
    await page.getByRole('combobox', { name: tr.t('planning.targets.ownerOf', { metric: tr.t(`metric.${emptyMetric}`), phase: p2.name }) }).selectOption(demo.people[0]!.id);
    await page.getByRole('combobox', { name: tr.t('planning.targets.ownerOf', { metric: tr.t(`metric.${emptyMetric}`), phase: p2.name }) }).press('Enter');
    await expect.poll(async () => (await targets()).find((t) => t.phaseId === p2.id && t.metric === emptyMetric)).toEqual({
      id: `t-${p2.id}-${emptyMetric}`,
      phaseId: p2.id,
      metric: emptyMetric,
      value: 420,
      ownerId: demo.people[0]!.id,
    });
    await expect(cell(emptyMetric, p2.id)).toContainText(demo.people[0]!.name);
    await keepScreenshot(page, testInfo, `goals-targets-${lang}`);

    // A bad value is explained and nothing changes.
    await cell('revenue', p2.id).click();
    await page.keyboard.press('F2');
    const revenue = page.getByRole('textbox', { name: tr.t('planning.targets.valueOf', { metric: tr.t('metric.revenue'), phase: p2.name }) });
    await revenue.fill('lots');
    await revenue.press('Enter');
    await expect(page.getByRole('alert')).toContainText(tr.t('planning.value.notANumber', { text: 'lots' }));
    await revenue.press('Escape');
    const revenueBefore = demo.targets.find((t) => t.phaseId === p2.id && t.metric === 'revenue')!;
    await expect(cell('revenue', p2.id)).toContainText(formatMoney(revenueBefore.value, currency, lang, { compact: true }));

    // Delete clears a cell: the target is gone.
    await cell(emptyMetric, p2.id).focus();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await targets()).some((t) => t.phaseId === p2.id && t.metric === emptyMetric)).toBe(false);
    await expect(cell(emptyMetric, p2.id)).toContainText(tr.t('planning.targets.empty'));
  });
}

test('opening a phase’s goals from the Phases screen shows that phase’s group', async ({ openApp, host }) => {
  const { page, tr, demo } = await openScreen(openApp, host, 'en', 'phases');
  const p3 = demo.phases.find((p) => p.id === 'p3')!;
  await page.getByRole('button', { name: tr.t('planning.phase.detailsOf', { name: p3.name }) }).click();
  await page.getByRole('button', { name: tr.t('planning.phase.openGoals') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr.t('nav.goals') })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^3\\. ${p3.name}`) })).toBeFocused();
});
