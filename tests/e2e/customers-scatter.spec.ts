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

/** The demo plan (English) grown to 2,500 customers: big enough for large mode (one path per tier, no element per point). */
function bigPlan() {
  const plan = readDemo('en');
  const base = plan.customers;
  for (let k = base.length; k < 2500; k++) {
    const c = base[k % base.length]!;
    plan.customers.push({ ...structuredClone(c), id: `big${k}`, name: `${c.name} ${k}`, potential: 1000 + k });
  }
  return plan;
}

test('the same on a plan big enough for large mode (2,500 customers: one path per tier, no element per point)', async ({ openApp, host }) => {
  const plan = bigPlan();
  const base = plan.customers.slice(0, readDemo('en').customers.length);
  await host.call('file.importJson', { json: JSON.stringify(plan) });
  const screen = await openCustomers(openApp, host, 'en');
  await editAndPick(screen, base.find((x) => x.tier !== 'C')!, plan.customers, plan.plan.currency);
});

test('after edits the large chart shows what a chart drawn afresh shows (tiers not edited keep their drawing)', async ({ openApp, host }) => {
  const plan = bigPlan();
  await host.call('file.importJson', { json: JSON.stringify(plan) });
  const { page, tr, grid } = await openCustomers(openApp, host, 'en');
  const scatter = page.getByRole('img', { name: tr.t('customers.scatter.chartLabel') });
  await scatter.scrollIntoViewIfNeeded();
  const edited = (id: string) =>
    scatter.evaluate((el, id) => {
      const chart = (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts.of(el);
      return chart.getOption().series.some((s) => s.id === 'A' && Array.from(s.data).includes(id === 'potential' ? 2_345_678 : -1));
    }, id);
  // A potential inside the axis range (the axes stay, so only that tier's layer is painted again),
  // then a customer of tier B moved to tier A.
  const [a, b] = [plan.customers.find((c) => c.tier === 'A')!, plan.customers.find((c) => c.tier === 'B')!];
  await cellOf(grid, a.id, 'potential').click();
  await page.keyboard.press('Enter');
  await grid.getByRole('textbox').fill('2345678');
  await page.keyboard.press('Enter');
  await expect.poll(() => edited('potential')).toBe(true);
  await cellOf(grid, b.id, 'tier').click();
  await page.keyboard.press('Enter');
  await grid.getByRole('combobox').selectOption('A');
  await page.keyboard.press('Enter');
  await expect(cellOf(grid, b.id, 'tier')).toContainText(tr.t('tier.A'));
  await expect
    .poll(() =>
      scatter.evaluate((el) => {
        const chart = (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts.of(el);
        return chart.getOption().series.map((s) => `${s.id}:${s.data.length / 2}`).join(' ');
      }),
    )
    .toBe(['S', 'A', 'B', 'C'].map((t) => `${t}:${plan.customers.filter((c) => (c.id === b.id ? 'A' : c.tier) === t).length}`).join(' '));
  // Tier S hidden with the legend and shown again: its series is drawn anew.
  for (const type of ['legendUnSelect', 'legendSelect'])
    await scatter.evaluate(
      (el, { type, name }) => (window as unknown as { plannerCharts: { of(e: Element): ChartApi } }).plannerCharts.of(el).dispatchAction({ type, name }),
      { type, name: tr.t('tier.S') },
    );
  // The layers as drawn after the edits; then the screen left and opened again: a chart drawn afresh.
  await scatter.evaluate((el) => {
    (window as unknown as { edited: ImageData[] }).edited = [...el.querySelectorAll('canvas')].map((c) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height));
  });
  await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t('nav.overview') }).click();
  await expect(grid).toBeHidden();
  await page.getByRole('navigation', { name: tr.t('nav.label') }).getByRole('link', { name: tr.t('nav.customers') }).click();
  // Pixels apart by more than rounding (points of one tier overlap in another order) would be a stale point.
  const compare = () =>
    page.getByRole('img', { name: tr.t('customers.scatter.chartLabel') }).evaluate((el) => {
      const before = (window as unknown as { edited: ImageData[] }).edited;
      const now = [...el.querySelectorAll('canvas')].map((c) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height));
      let differing = 0;
      let drawn = 0;
      now.forEach((img, k) => {
        const old = before[k];
        if (!old || old.width !== img.width || old.height !== img.height) return void (differing += img.data.length / 4);
        for (let i = 0; i < img.data.length; i += 4) {
          if (img.data[i + 3]! > 0) drawn++;
          for (let ch = 0; ch < 4; ch++) if (Math.abs(img.data[i + ch]! - old.data[i + ch]!) > 3) {
            differing++;
            break;
          }
        }
      });
      return { layers: `${now.length} of ${before.length}`, drawn: drawn > 1000, differing };
    });
  await expect.poll(compare).toEqual({ layers: expect.stringMatching(/^(\d+) of \1$/), drawn: true, differing: 0 });
});
