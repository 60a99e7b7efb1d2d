// A customer's account plan in real Chromium through the HTTP host, in
// English and Chinese: the account ladder (a planned level edited, kept
// over a reload, undone), needs (typed in the detail, found by the search,
// shown in the grid, pasted through the customer import), the behind-plan
// filter at a fixed date, and the breakthrough odds after a simulation run
// (customer detail both ways, the Goals screen per first-contract goal).
import type { Page } from '@playwright/test';
import { formatPercent, type Translator } from '../../shared/i18n';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import type { Customer, Plan } from '../../shared/plan/types';
import { expect, keepScreenshot, test } from './fixtures';
import { openCustomers, rowOf, storedCustomer } from './customers-helpers';
import { LANGS } from './planning-helpers';

async function openDetail(page: Page, tr: Translator, c: Customer) {
  const grid = page.getByRole('grid', { name: tr.t('customers.grid.label') });
  await page.getByRole('searchbox', { name: tr.t('customers.search.label') }).fill(c.id);
  await grid.getByRole('button', { name: tr.t('customers.details.openFor', { name: c.name }) }).click();
  const dialog = page.getByRole('dialog', { name: tr.t('customers.detail.heading', { name: c.name, id: c.id }) });
  await expect(dialog).toBeVisible();
  return dialog;
}

const ladderCell = (tr: Translator, layer: 'key' | 'broad' | 'organizational', phase: string) =>
  tr.t('customers.ladder.cell', { layer: tr.t(`layer.${layer}`), phase });

for (const lang of LANGS) {
  test(`[${lang}] a planned level of the account ladder is stored, kept over a reload, and undone`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const { page, tr, demo } = await openCustomers(openApp, host, lang);
    const c = demo.customers.find((x) => x.id === 'jn-bank')!;
    const p2 = demo.phases.find((p) => p.id === 'p2')!;
    expect(c.relationshipPlan!.p2!.broad).toBe(3);
    let dialog = await openDetail(page, tr, c);
    const cell = () => dialog.getByRole('combobox', { name: ladderCell(tr, 'broad', p2.name) });
    await expect(cell()).toHaveValue('3');
    await cell().selectOption('4');
    await expect.poll(async () => (await storedCustomer(host, c.id))!.relationshipPlan!.p2).toEqual({ ...c.relationshipPlan!.p2, broad: 4 });
    await keepScreenshot(page, testInfo, `customer-ladder-${lang}`);

    // The detail stays open over a reload (its address) and shows the stored level.
    await page.reload();
    dialog = page.getByRole('dialog', { name: tr.t('customers.detail.heading', { name: c.name, id: c.id }) });
    await expect(cell()).toHaveValue('4');

    // One undo takes the one edit back.
    await dialog.getByRole('button', { name: tr.t('dialog.close') }).last().click();
    await page.getByRole('banner').getByRole('button', { name: new RegExp(`^${tr.t('history.undo')}`) }).click();
    await expect.poll(async () => (await storedCustomer(host, c.id))!.relationshipPlan).toEqual(c.relationshipPlan);
    dialog = await openDetail(page, tr, c);
    await expect(cell()).toHaveValue('3');

    // "—" removes the phase's plan; a level set again starts from the phase before.
    await cell().selectOption('');
    await expect.poll(async () => (await storedCustomer(host, c.id))!.relationshipPlan!.p2).toBeUndefined();
    await expect(dialog.getByRole('combobox', { name: ladderCell(tr, 'key', p2.name) })).toHaveValue('');
    await dialog.getByRole('combobox', { name: ladderCell(tr, 'key', p2.name) }).selectOption('4');
    await expect.poll(async () => (await storedCustomer(host, c.id))!.relationshipPlan!.p2).toEqual({ ...c.relationshipPlan!.p1, key: 4 });
    expect(consoleErrors).toEqual([]);
  });

  test(`[${lang}] needs typed in the detail are found by the search and shown in the grid`, async ({ openApp, host }) => {
    const { page, tr, demo, grid } = await openCustomers(openApp, host, lang);
    const c = demo.customers.find((x) => !x.needs && x.tier === 'B')!;
    const dialog = await openDetail(page, tr, c);
    const needs = dialog.getByRole('textbox', { name: tr.t('customers.needs.label') });
    await expect(needs).toHaveValue('');
    const text = lang === 'en' ? 'Replace the ageing branch routers\nZero-trust campus access by Q3' : '更换老化的网点路由器\n三季度前实现园区零信任接入';
    await needs.fill(text);
    await needs.blur();
    await expect.poll(async () => (await storedCustomer(host, c.id))!.needs).toBe(text);
    await dialog.getByRole('button', { name: tr.t('dialog.close') }).last().click();

    const search = page.getByRole('searchbox', { name: tr.t('customers.search.label') });
    await search.fill(lang === 'en' ? 'ageing routers' : '老化');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(rowOf(grid, c.id)).toBeVisible();
    const needsCell = rowOf(grid, c.id).getByRole('gridcell').last();
    await expect(needsCell).toHaveText(text.replace('\n', ' · '));
    // Another customer's needs from the demo are searchable too.
    const other = demo.customers.find((x) => x.needs && x.id !== c.id)!;
    const word = other.needs!.split(/[\s，。；、,.;]+/).find((w) => w.length >= 4)!;
    await search.fill(word);
    await expect(rowOf(grid, other.id)).toBeVisible();
  });

  test(`[${lang}] behind plan lists the customers below the current phase's planned levels`, async ({ page, openApp, host }) => {
    await page.clock.setFixedTime(new Date('2027-08-15T10:00:00'));
    const { tr, demo, grid } = await openCustomers(openApp, host, lang);
    const p2 = demo.phases.find((p) => p.id === 'p2')!;
    const behind = demo.customers.filter((c) => {
      const planned = c.relationshipPlan?.p2;
      return planned && (['key', 'broad', 'organizational'] as const).some((l) => c.relationship[l] < planned[l]);
    });
    expect(behind.length).toBeGreaterThan(1);
    const box = page.getByRole('checkbox', { name: tr.t('customers.filter.behindPlan') });
    await expect(box).toHaveAccessibleDescription(tr.t('customers.filter.behindPlan.tip', { phase: p2.name }));
    await box.check();
    await expect(page.getByRole('list', { name: tr.t('customers.filters.label') })).toContainText(tr.t('customers.chip.behindPlan', { phase: p2.name }));
    await expect(grid.getByRole('row')).toHaveCount(behind.length + 1);
    for (const c of behind) await expect(rowOf(grid, c.id)).toBeVisible();

    // Raising today's levels to the plan in the detail takes the customer off the list.
    const c = behind[0]!;
    const dialog = await openDetail(page, tr, c);
    const late = (['key', 'broad', 'organizational'] as const).filter((l) => c.relationship[l] < c.relationshipPlan!.p2![l]);
    const layers = new Intl.ListFormat(lang).format(late.map((l) => tr.t(`layer.${l}`)));
    await expect(dialog.getByRole('status').filter({ hasText: tr.t('customers.ladder.behind', { phase: p2.name, layers }) })).toBeVisible();
    for (const layer of late)
        await dialog.getByRole('combobox', { name: tr.t(`layer.${layer}`), exact: true }).selectOption(String(c.relationshipPlan!.p2![layer]));
    await expect(dialog.getByRole('status').filter({ hasText: tr.t('customers.ladder.onPlan', { phase: p2.name }) })).toBeVisible();
    await dialog.getByRole('button', { name: tr.t('dialog.close') }).last().click();
    await page.getByRole('searchbox', { name: tr.t('customers.search.label') }).fill('');
    await expect(grid.getByRole('row')).toHaveCount(behind.length);
  });

  test(`[${lang}] breakthrough odds show after a run: both ways in the detail, per first-contract goal on Goals`, async ({ openApp, host }, testInfo) => {
    const { page, tr, demo } = await openCustomers(openApp, host, lang);
    const pct = (p: number) => formatPercent(p, lang, 0);
    const c = demo.customers.find((x) => x.id === 'wy-bank')!;
    const dialog = await openDetail(page, tr, c);
    // Not simulated yet: the pursuit's odds and its goal's odds (in the customer's goal list) say so.
    await expect(dialog.getByText(tr.t('odds.notSimulated'), { exact: true })).toHaveCount(2);

    // A run finishing while the detail is open shows its odds there.
    const { runId } = await host.call<{ runId: string }>('simulation.run', { trials: 200, seed: 7, scenarioId: null });
    await host.call('simulation.wait', { runId });
    const { run } = (await host.call<StoredRunView>('simulation.latest', { scenarioId: null }))!;
    const pursuit = run.result.pursuits.find((p) => p.customerId === c.id)!;
    expect(pursuit.usesPlan).toBe(true);
    await expect(dialog.getByRole('definition').first()).toHaveText(pct(pursuit.probability));
    await expect(dialog.getByRole('definition').nth(1)).toHaveText(pct(pursuit.probabilityToday));
    // The customer's own goal list (the same GoalTable) carries the goal's odds.
    const ownGoal = demo.goals.find((g) => g.customerId === c.id && g.metric === 'firstContract')!;
    const ownResult = run.result.goals.find((g) => g.id === ownGoal.id)!;
    await expect(dialog.getByRole('row').filter({ hasText: ownGoal.title })).toContainText(pct(ownResult.probability!));
    await keepScreenshot(page, testInfo, `customer-odds-${lang}`);
    await dialog.getByRole('button', { name: tr.t('dialog.close') }).last().click();

    await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t('nav.goals') }).click();
    for (const g of demo.goals) {
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: g.title, exact: true }) });
      const cell = row.getByRole('cell').nth(5);
      if (g.metric !== 'firstContract') {
        await expect(cell).toHaveText('—');
        continue;
      }
      const r = run.result.goals.find((x) => x.id === g.id)!;
      await expect(cell).toContainText(r.probability === null ? tr.t('odds.goal.notPursued') : pct(r.probability));
    }
    await keepScreenshot(page, testInfo, `goals-odds-${lang}`);

    // Any change to the plan makes the run stale: the odds go back to "not simulated".
    const stored = (await storedCustomer(host, c.id))!;
    await host.call('customers.update', { id: c.id, value: { ...stored, relationship: { ...stored.relationship, broad: 4 } } });
    const first = demo.goals.find((g) => g.metric === 'firstContract')!;
    await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first.title, exact: true }) }).getByRole('cell').nth(5)).toHaveText(tr.t('odds.notSimulated'));
  });
}

test('[en] needs pasted through the customer import show in its preview and land in the plan', async ({ openApp, host }) => {
  const { page, tr, grid } = await openCustomers(openApp, host, 'en');
  const text = 'Customer name\tSegment\tTier\tCustomer needs\r\nLakeside Credit Union\tBanks and financial institutions\tB\tQuantum-safe VPN for every branch\r\n';
  await grid.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const dialog = page.getByRole('dialog', { name: tr.t('import.title') });
  await dialog.getByRole('button', { name: tr.t('import.next') }).click();
  await dialog.getByRole('button', { name: tr.t('import.next') }).click();
  const preview = dialog.getByRole('grid', { name: tr.t('import.preview.gridLabel') });
  await expect(preview.getByRole('columnheader', { name: tr.t('import.field.needs') })).toBeVisible();
  await expect(preview.getByRole('gridcell', { name: 'Quantum-safe VPN for every branch' })).toBeVisible();
  await dialog.getByRole('button', { name: tr.tn('import.submit', 1) }).click();
  await expect(dialog).toBeHidden();
  const { plan } = await host.call<{ plan: Plan }>('plan.get');
  expect(plan.customers.find((c) => c.name === 'Lakeside Credit Union')!.needs).toBe('Quantum-safe VPN for every branch');
  await page.getByRole('searchbox', { name: tr.t('customers.search.label') }).fill('quantum-safe vpn');
  await expect(grid.getByRole('row')).toHaveCount(2);
});
