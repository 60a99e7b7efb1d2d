// The readiness × potential chart after edits in the grid: an edit moves only
// the edited customer's point (the chart is not rebuilt), and that point is
// where the chart says, names the customer with the new figures in its
// tooltip, a box drawn with the brush around it and a click on it filter the
// table to that customer.
import { formatMoney, formatNumber } from '../../shared/i18n';
import type { Customer, Tier } from '../../shared/plan/types';
import { expect, readDemo, test } from './fixtures';
import { cellOf, openCustomers, type CustomersScreen } from './customers-helpers';
import { LANGS } from './planning-helpers';

interface ChartApi {
  getOption(): { series: { id: string; data: ArrayLike<number> }[] };
  convertToPixel(finder: { seriesId: string }, value: number[]): number[];
  setOption: unknown;
  dispatchAction(action: object): void;
}

/** Moves customer `c` of `customers` (not in tier C) to tier C with the highest potential, then finds, hovers, brushes and clicks its point. */
async function editAndPick({ page, tr, grid }: CustomersScreen, c: Customer, customers: Customer[], currency: string) {
  const lang = tr.locale;
  const total = customers.length;
  const scatter = page.getByRole('img', { name: tr.t('customers.scatter.chartLabel') });
  await scatter.scrollIntoViewIfNeeded();
  const pointsOf = (tier: Tier) =>
    scatter.evaluate((el, tier) => {
      const chart = (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts.of(el);
      const xy = chart.getOption().series.find((s) => s.id === tier)!.data;
      const out: number[][] = [];
      for (let i = 0; i < xy.length; i += 2) out.push([xy[i]!, xy[i + 1]!]);
      return out;
    }, tier);
  const tierCount = (await pointsOf(c.tier)).length;
  expect(tierCount).toBeGreaterThan(0);

  // Count whole-chart rebuilds (setOption without merging) from here on.
  await scatter.evaluate((el) => {
    const chart = (window as unknown as { plannerCharts: { of(e: Element): Record<string, unknown> } }).plannerCharts.of(el);
    const setOption = chart.setOption as (...a: unknown[]) => unknown;
    (window as unknown as { rebuilds: number }).rebuilds = 0;
    chart.setOption = function (this: unknown, option: unknown, opts?: { notMerge?: boolean }) {
      if (opts?.notMerge) (window as unknown as { rebuilds: number }).rebuilds += 1;
      return setOption.call(this, option, opts);
    };
  });

  // Tier C, then a potential above every other: one point, easy to find on top.
  await cellOf(grid, c.id, 'tier').click();
  await page.keyboard.press('Enter');
  await grid.getByRole('combobox').selectOption('C');
  await page.keyboard.press('Enter');
  await expect(cellOf(grid, c.id, 'tier')).toContainText(tr.t('tier.C'));
  await cellOf(grid, c.id, 'potential').click();
  await page.keyboard.press('Enter');
  await grid.getByRole('textbox').fill('987654321');
  await page.keyboard.press('Enter');
  await expect(cellOf(grid, c.id, 'potential')).toHaveText(formatMoney(987_654_321, currency, lang));

  await expect.poll(async () => (await pointsOf('C')).filter(([, p]) => p === 987_654_321).length).toBe(1);
  expect(await pointsOf(c.tier)).toHaveLength(tierCount - 1);
  expect(await page.evaluate(() => (window as unknown as { rebuilds: number }).rebuilds)).toBe(0);
  // The pyramid's list beside follows (a task after the chart): tier C has one more customer, and its potential.
  const inC = customers.filter((x) => x.tier === 'C');
  const cItem = tr.t('customers.pyramid.item', {
    tier: tr.t('tier.C'),
    count: formatNumber(inC.length + 1, lang),
    potential: formatMoney(inC.reduce((sum, x) => sum + x.potential, 987_654_321), currency, lang, { compact: true }),
  });
  await expect(page.getByRole('button', { name: new RegExp(`^${tr.t('tier.C')}`) })).toHaveText(`C${cItem}`);

  // Hover the point: its tooltip names the customer with the new potential; a click filters to it.
  const [x, y] = await scatter.evaluate((el) => {
    const chart = (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts.of(el);
    const xy = chart.getOption().series.find((s) => s.id === 'C')!.data;
    for (let i = 0; i < xy.length; i += 2) if (xy[i + 1] === 987_654_321) return chart.convertToPixel({ seriesId: 'C' }, [xy[i]!, xy[i + 1]!]);
    throw new Error('no point');
  });
  const box = (await scatter.boundingBox())!;
  // A box drawn with the brush around the point (the brush tool taken as its toolbox button does)
  // filters to the readiness and potential inside it: that customer alone.
  await scatter.evaluate((el) =>
    (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts
      .of(el)
      .dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'rect', brushMode: 'single' } }),
  );
  // From inside the plot (the point is near its top edge) up and to the left.
  await page.mouse.move(box.x + x! + 8, box.y + y! + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + x! - 8, box.y + y! - 6, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByText(tr.t('customers.count', { shown: 1, total }))).toBeVisible();
  // The chip of the potential range (its remove button names it).
  const potentialChip = page.getByRole('button', {
    name: tr.t('customers.chip.remove', { label: tr.t('customers.chip', { name: tr.t('customers.col.potential'), value: '' }) }),
    exact: false,
  });
  await expect(potentialChip).toBeVisible();
  await scatter.evaluate((el) =>
    (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts.of(el).dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: false } }),
  );

  await page.mouse.move(box.x + x!, box.y + y!);
  const tip = scatter.locator('div').filter({ hasText: c.name, visible: true });
  await expect(tip).toContainText(formatMoney(987_654_321, currency, lang, { compact: true }));
  await page.mouse.click(box.x + x!, box.y + y!);
  // The click picks that customer instead of the brushed ranges.
  await expect(potentialChip).toBeHidden();
  await expect(page.getByText(tr.t('customers.chip.picked.one', { count: 1 }))).toBeVisible();
  await expect(page.getByText(tr.t('customers.count', { shown: 1, total }))).toBeVisible();
  await expect(cellOf(grid, c.id, 'id')).toHaveText(c.id);
}

for (const lang of LANGS) {
  test(`an edited customer's point moves, shows its new figures and filters the table when clicked (${lang})`, async ({ openApp, host }) => {
    const screen = await openCustomers(openApp, host, lang);
    const { demo } = screen;
    await editAndPick(screen, demo.customers.find((x) => x.tier !== 'C')!, demo.customers, demo.plan.currency);
  });
}

test('the same on a plan big enough for large mode (2,500 customers: one path per tier, no element per point)', async ({ openApp, host }) => {
  const plan = readDemo('en');
  const base = plan.customers;
  for (let k = base.length; k < 2500; k++) {
    const c = base[k % base.length]!;
    plan.customers.push({ ...structuredClone(c), id: `big${k}`, name: `${c.name} ${k}`, potential: 1000 + k });
  }
  await host.call('file.importJson', { json: JSON.stringify(plan) });
  const screen = await openCustomers(openApp, host, 'en');
  await editAndPick(screen, base.find((x) => x.tier !== 'C')!, plan.customers, plan.plan.currency);
});
