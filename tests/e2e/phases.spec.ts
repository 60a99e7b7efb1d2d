// The Phases screen on the demo plan, in English and Chinese: the roadmap
// matches the demo's phases month for month; resizing by the keyboard fields
// or by dragging is stored; an overlap is refused with the reason and the
// stored months shown; a gap is explained; reordering swaps phases in time;
// deleting a phase that is referred to is refused with what refers to it.
import { formatMonthRange } from '../../shared/i18n';
import { monthIndex } from '../../shared/plan/months';
import type { Phase } from '../../shared/plan/types';
import { expect, keepScreenshot, test } from './fixtures';
import { expectNoSeriousAxeViolations, LANGS, openScreen, type PlanGet } from './planning-helpers';

const phasesOf = async (call: <T>(m: string) => Promise<T>) => (await call<PlanGet>('plan.get')).plan.phases;

for (const lang of LANGS) {
  test(`[${lang}] the roadmap shows the demo's phases with their month spans`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'phases');
    const { startMonth, horizonMonths } = demo.plan;
    const sorted = [...demo.phases].sort((a, b) => a.start.localeCompare(b.start));
    const lanes = page.locator('.roadmap-lane');
    await expect(lanes).toHaveCount(sorted.length);
    for (const [i, p] of sorted.entries()) {
      const from = monthIndex(startMonth, p.start);
      const months = monthIndex(startMonth, p.end) - from + 1;
      const bar = page.getByRole('button', {
        name: tr.t('planning.roadmap.barLabel', {
          number: i + 1,
          name: p.name,
          stage: tr.t(`stage.${p.stage}`),
          months: formatMonthRange(p.start, p.end, lang),
          count: months,
        }),
        exact: true,
      });
      await expect(bar).toBeVisible();
      // The bar covers exactly its months of the horizon.
      const track = (await lanes.nth(i).locator('.roadmap-track').boundingBox())!;
      const box = (await lanes.nth(i).locator('.roadmap-bar').boundingBox())!;
      expect((box.x - track.x) / track.width, p.id).toBeCloseTo(from / horizonMonths, 2);
      expect(box.width / track.width, p.id).toBeCloseTo(months / horizonMonths, 2);
      // The table's fields hold the same months.
      await expect(page.getByLabel(tr.t('planning.phase.startOf', { name: p.name }))).toHaveValue(p.start);
      await expect(page.getByLabel(tr.t('planning.phase.endOf', { name: p.name }))).toHaveValue(p.end);
    }
    for (const stage of ['entry', 'breakthrough', 'expansion', 'consolidation'] as const)
      await expect(page.getByRole('list', { name: tr.t('planning.roadmap.legend') })).toContainText(tr.t(`stage.${stage}`));
    await expect(page.getByText(tr.t('planning.coverage.complete'))).toBeVisible();
    await keepScreenshot(page, testInfo, `phases-${lang}`);

    // Details are one click away: intent, exit criteria, breakthrough customers, goals and targets.
    const p1 = sorted[0]!;
    await page.getByRole('button', { name: tr.t('planning.phase.detailsOf', { name: p1.name }) }).click();
    const details = page.getByRole('region', { name: new RegExp(tr.t('planning.phase.detailsTitle', { name: p1.name }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await expect(details.getByLabel(tr.t('planning.phase.intent'))).toHaveValue(p1.intent ?? '');
    for (const [i, text] of (p1.exitCriteria ?? []).entries())
      await expect(details.getByLabel(tr.t('planning.phase.criterion', { number: i + 1 }), { exact: true })).toHaveValue(text);
    const breakthrough = demo.customers.filter((c) => c.breakthroughPhaseId === p1.id);
    for (const c of breakthrough) await expect(details.getByRole('rowheader', { name: c.name })).toBeVisible();
    await expect(details).toContainText(tr.tn('planning.goalsCount', demo.goals.filter((g) => g.phaseId === p1.id).length));
    await expect(details).toContainText(tr.tn('planning.targetsCount', demo.targets.filter((t) => t.phaseId === p1.id).length));
    await keepScreenshot(page, testInfo, `phases-details-${lang}`);
    await expectNoSeriousAxeViolations(page, `phases ${lang}`);
    expect(consoleErrors).toEqual([]);
  });

  test(`[${lang}] resizing with the keyboard is stored and the gap it leaves is explained`, async ({ openApp, host }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'phases');
    const p2 = demo.phases.find((p) => p.id === 'p2')!;
    const end = page.getByLabel(tr.t('planning.phase.endOf', { name: p2.name }));
    await end.focus();
    await page.keyboard.press('ArrowUp');
    await expect(end).toHaveValue('2027-11');
    await page.keyboard.press('ArrowUp');
    await expect(end).toHaveValue('2027-10');
    await expect.poll(async () => (await phasesOf(host.call)).find((p) => p.id === 'p2')!.end).toBe('2027-10');
    await expect(page.getByText(tr.t('planning.coverage.gap', { months: formatMonthRange('2027-11', '2027-12', lang) }))).toBeVisible();
    await expect(page.locator('.roadmap-gap').first()).toBeVisible();
    await keepScreenshot(page, testInfo, `phases-gap-${lang}`);
  });

  test(`[${lang}] an overlapping end month is refused with the reason, and the stored month stays`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'phases');
    const p2 = demo.phases.find((p) => p.id === 'p2')!;
    const p3 = demo.phases.find((p) => p.id === 'p3')!;
    const end = page.getByLabel(tr.t('planning.phase.endOf', { name: p2.name }));
    await end.selectOption('2028-02');
    const alert = page.getByRole('alert').filter({ hasText: tr.t('planning.phase.refusedTitle', { name: p2.name }) });
    await expect(alert).toContainText(
      tr.t('planning.phase.problem.overlap', {
        months: formatMonthRange('2028-01', '2028-02', lang),
        other: p3.name,
        otherMonths: formatMonthRange(p3.start, p3.end, lang),
      }),
    );
    await expect(alert).toContainText(tr.t('planning.phase.storedMonths', { months: formatMonthRange(p2.start, p2.end, lang) }));
    await expect(end).toHaveValue(p2.end);
    await expect(end).toHaveAttribute('aria-invalid', 'true');
    expect((await phasesOf(host.call)).find((p) => p.id === 'p2')).toEqual(p2);
    await keepScreenshot(page, testInfo, `phases-overlap-${lang}`);
    // A refusal is an answer, not a failure: nothing in the console.
    expect(consoleErrors).toEqual([]);
  });

  test(`[${lang}] deleting a phase that goals, targets and customers refer to is refused with the reason`, async ({ openApp, host }) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'phases');
    const p1 = demo.phases.find((p) => p.id === 'p1')!;
    await page.getByRole('button', { name: tr.t('planning.phase.deleteOf', { name: p1.name }) }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('planning.phase.deleteTitle') });
    await dialog.getByRole('button', { name: tr.t('planning.delete') }).click();
    const alert = dialog.getByRole('alert');
    const counts = {
      segments: demo.segments.filter((s) => s.leads.some((l) => l.phaseId === p1.id)).length,
      customers: demo.customers.filter((c) => c.breakthroughPhaseId === p1.id).length,
      goals: demo.goals.filter((g) => g.phaseId === p1.id).length,
      targets: demo.targets.filter((t) => t.phaseId === p1.id).length,
    };
    for (const [kind, n] of Object.entries(counts))
      if (n > 0) await expect(alert).toContainText(tr.tn(`planning.refs.${kind as keyof typeof counts}`, n));
    await expect(alert).toContainText(`“${p1.name}”`);
    await dialog.getByRole('button', { name: tr.t('dialog.close') }).click();
    expect((await phasesOf(host.call)).map((p) => p.id)).toEqual(demo.phases.map((p) => p.id));
  });
}

test('adding a phase takes the free months after the last one, with the next stage', async ({ openApp, host }) => {
  const { page, tr, demo } = await openScreen(openApp, host, 'en', 'phases');
  // The demo covers the whole horizon: there is no room yet, and the screen says why.
  await page.getByRole('button', { name: tr.t('planning.phase.add') }).click();
  await expect(page.getByRole('alert')).toContainText(tr.t('planning.phase.noRoom'));
  const p4 = demo.phases.find((p) => p.id === 'p4')!;
  await page.getByLabel(tr.t('planning.phase.endOf', { name: p4.name })).selectOption('2029-06');
  await expect.poll(async () => (await phasesOf(host.call)).find((p) => p.id === 'p4')!.end).toBe('2029-06');
  await page.getByRole('button', { name: tr.t('planning.phase.add') }).click();
  await expect(page.locator('.roadmap-lane')).toHaveCount(demo.phases.length + 1);
  const phases = await phasesOf(host.call);
  const added = phases.at(-1)!;
  expect(added).toMatchObject({ start: '2029-07', end: '2029-12', stage: 'consolidation', name: tr.t('stage.consolidation') });
  expect(phases.map((p) => p.id)).toEqual([...demo.phases.map((p) => p.id), added.id]);
  // Renaming it inline is stored too.
  const name = page.getByLabel(tr.t('planning.phase.nameOf', { number: phases.length }));
  await name.fill('Harvest');
  await name.press('Enter');
  await expect.poll(async () => (await phasesOf(host.call)).at(-1)!.name).toBe('Harvest');
});

test('moving a phase earlier swaps its months with its neighbour and keeps the plan order by date', async ({ openApp, host }) => {
  const { page, tr, demo } = await openScreen(openApp, host, 'en', 'phases');
  const [p1, p2] = demo.phases as [Phase, Phase, ...Phase[]];
  await page.getByRole('button', { name: tr.t('planning.phase.moveEarlier', { name: p2.name }) }).click();
  await expect.poll(async () => (await phasesOf(host.call)).map((p) => p.id)).toEqual(['p2', 'p1', ...demo.phases.slice(2).map((p) => p.id)]);
  const phases = await phasesOf(host.call);
  expect(phases[0]).toMatchObject({ id: 'p2', start: '2027-01', end: '2027-06' });
  expect(phases[1]).toMatchObject({ id: 'p1', start: '2027-07', end: '2027-12' });
  await expect(page.locator('.roadmap-lane').first()).toContainText(p2.name);
  await expect(page.getByLabel(tr.t('planning.phase.startOf', { name: p1.name }))).toHaveValue('2027-07');
});

test('dragging the end of a bar resizes the phase by whole months', async ({ openApp, host }) => {
  const { page, demo } = await openScreen(openApp, host, 'en', 'phases');
  const lane = page.locator('.roadmap-lane').nth(1);
  const track = (await lane.locator('.roadmap-track').boundingBox())!;
  const handle = (await lane.locator('.roadmap-handle-end').boundingBox())!;
  const monthWidth = track.width / demo.plan.horizonMonths;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  // To the middle of month index 9 (2027-10), in steps like a real drag.
  await page.mouse.move(track.x + monthWidth * 9.5, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await phasesOf(host.call)).find((p) => p.id === 'p2')!.end).toBe('2027-10');
});
