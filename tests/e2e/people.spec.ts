// The People screen on the demo plan, in English and Chinese: each person's
// load matches counts computed from the demo JSON, with the funnel stages
// they own (stage owners) and their customers a click away; lowering a limit flags
// overload and is stored; deleting someone who owns customers is refused
// with the reason and a way to their customers; adding, renaming, changing
// the role and deleting an unreferenced person are stored.
import { DEFAULT_CUSTOMER_LIMITS, MAX_CUSTOMER_LIMIT } from '../../shared/api/methods/team';
import { formatNumber } from '../../shared/i18n';
import type { Person, Plan } from '../../shared/plan/types';
import { expect, keepScreenshot, test } from './fixtures';
import { expectNoSeriousAxeViolations, LANGS, openScreen, type PlanGet } from './planning-helpers';

/** The load of `person` counted straight from the plan JSON. */
function expectedLoad(demo: Plan, person: Person) {
  const owned = demo.customers.filter((c) => Object.values(c.owners).includes(person.id));
  const phases = [...demo.phases].sort((a, b) => a.start.localeCompare(b.start));
  return {
    byRole: (['AR', 'SR', 'FR'] as const).map((r) => demo.customers.filter((c) => c.owners[r] === person.id).length),
    byPhase: [...phases.map((p) => owned.filter((c) => c.breakthroughPhaseId === p.id).length), owned.filter((c) => !c.breakthroughPhaseId).length],
    customers: owned.length,
    goals: demo.goals.filter((g) => g.ownerId === person.id).length,
    targets: demo.targets.filter((t) => t.ownerId === person.id).length,
  };
}

for (const lang of LANGS) {
  test(`[${lang}] each person's load matches the demo plan, and overload is flagged`, async ({ openApp, host, consoleErrors }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'people');
    const table = page.getByRole('table', { name: tr.t('planning.load.title') });
    const n = (x: number) => formatNumber(x, lang);
    let overloaded = 0;
    for (const person of demo.people) {
      const load = expectedLoad(demo, person);
      const row = table.getByRole('row').filter({ has: page.getByLabel(tr.t('planning.person.nameOf', { name: person.name }), { exact: true }) });
      const cells = row.getByRole('cell');
      await expect(cells.nth(0).getByRole('combobox')).toHaveValue(person.role);
      // The stages they own, as the demo's funnels name them ("LTC: Manage leads").
      const stages = demo.funnels.flatMap((f) =>
        f.stages.filter((s) => s.ownerId === person.id).map((s) => tr.t('planning.person.stage', { funnel: f.name, stage: s.name })),
      );
      if (stages.length === 0) await expect(cells.nth(1)).toHaveText('—');
      else await expect(cells.nth(1).getByRole('listitem')).toHaveText(stages);
      const figures = [...load.byRole, ...load.byPhase];
      for (const [i, value] of figures.entries()) await expect(cells.nth(2 + i), `${person.id} column ${i}`).toHaveText(n(value));
      const total = cells.nth(2 + figures.length);
      const limit = DEFAULT_CUSTOMER_LIMITS[person.role];
      await expect(cells.nth(3 + figures.length).getByRole('textbox')).toHaveValue(String(limit));
      await expect(cells.nth(4 + figures.length)).toHaveText(n(load.goals));
      await expect(cells.nth(5 + figures.length)).toHaveText(n(load.targets));
      // The total, flagged in words when it is over the limit.
      const flag = tr.t('planning.person.overloaded');
      if (load.customers > limit) {
        overloaded += 1;
        await expect(total).toHaveText(`${n(load.customers)}⚠ ${flag}`);
      } else await expect(total).toHaveText(n(load.customers));
    }
    await expect(page.getByRole('status').filter({ hasText: overloaded ? tr.tn('planning.load.overloadedCount', overloaded) : tr.t('planning.load.noneOverloaded') })).toBeVisible();
    await keepScreenshot(page, testInfo, `people-${lang}`);
    await expectNoSeriousAxeViolations(page, `people ${lang}`);
    expect(consoleErrors).toEqual([]);
  });

  test(`[${lang}] lowering a limit flags overload and is stored in the plan file`, async ({ openApp, host }, testInfo) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'people');
    // Someone within the default limit who owns customers.
    const person = demo.people.find((p) => {
      const { customers } = expectedLoad(demo, p);
      return customers > 0 && customers <= DEFAULT_CUSTOMER_LIMITS[p.role];
    })!;
    const { customers } = expectedLoad(demo, person);
    const row = page.getByRole('row').filter({ has: page.getByLabel(tr.t('planning.person.nameOf', { name: person.name }), { exact: true }) });
    await expect(row).not.toHaveClass(/is-overloaded/);
    await expect(row).not.toContainText(tr.t('planning.person.overloaded'));
    const limit = page.getByLabel(tr.t('planning.person.limitOf', { name: person.name }));
    await limit.fill(String(customers - 1));
    await limit.press('Enter');
    const flag = tr.t('planning.person.overloaded');
    await expect(row).toContainText(flag);
    await expect(row).toHaveClass(/is-overloaded/);
    await expect.poll(async () => (await host.call<{ customerLimits: Record<string, number> }>('team.get')).customerLimits).toEqual({
      [person.id]: customers - 1,
    });
    await keepScreenshot(page, testInfo, `people-overload-${lang}`);
    // Still there after a reload: it is in the file, not in the page.
    await page.reload();
    await page.getByRole('link', { name: tr.t('nav.people') }).click();
    const reloaded = page.getByRole('row').filter({ has: page.getByLabel(tr.t('planning.person.nameOf', { name: person.name }), { exact: true }) });
    await expect(reloaded).toContainText(flag);
    await expect(page.getByLabel(tr.t('planning.person.limitOf', { name: person.name }))).toHaveValue(String(customers - 1));
    // A bad limit is explained and not stored.
    const again = page.getByLabel(tr.t('planning.person.limitOf', { name: person.name }));
    await again.fill('-3');
    await expect(page.getByText(tr.t('planning.person.limitInvalid', { max: MAX_CUSTOMER_LIMIT }))).toBeVisible();
    await again.press('Escape');
    await expect(again).toHaveValue(String(customers - 1));
  });

  test(`[${lang}] deleting someone who owns customers is refused with the reason and a way to their customers`, async ({ openApp, host }) => {
    const { page, tr, demo } = await openScreen(openApp, host, lang, 'people');
    const person = demo.people.find((p) => expectedLoad(demo, p).customers > 0)!;
    const load = expectedLoad(demo, person);
    await page.getByRole('button', { name: tr.t('planning.person.deleteOf', { name: person.name }) }).click();
    const dialog = page.getByRole('dialog', { name: tr.t('planning.person.deleteTitle') });
    await dialog.getByRole('button', { name: tr.t('planning.delete') }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(tr.tn('planning.refs.customers', load.customers));
    if (load.goals) await expect(alert).toContainText(tr.tn('planning.refs.goals', load.goals));
    if (load.targets) await expect(alert).toContainText(tr.tn('planning.refs.targets', load.targets));
    expect((await host.call<PlanGet>('plan.get')).plan.people).toHaveLength(demo.people.length);
    await dialog.getByRole('button', { name: tr.t('planning.person.showCustomers', { name: person.name }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr.t('nav.customers') })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/customers');
  });
}

test('adding, renaming, re-roling and deleting a person are stored', async ({ openApp, host }) => {
  const { page, tr, demo } = await openScreen(openApp, host, 'en', 'people');
  await page.getByLabel(tr.t('planning.person.name'), { exact: true }).fill('Li Na');
  await page.getByLabel(tr.t('planning.person.role'), { exact: true }).selectOption('SR');
  await page.getByRole('button', { name: tr.t('planning.person.add') }).click();
  const people = async () => (await host.call<PlanGet>('plan.get')).plan.people;
  await expect.poll(async () => (await people()).at(-1)).toEqual({ id: 'li-na', name: 'Li Na', role: 'SR' });
  expect(await people()).toHaveLength(demo.people.length + 1);
  // The new person owns nothing yet, against the SR default.
  const name = page.getByLabel(tr.t('planning.person.nameOf', { name: 'Li Na' }));
  await name.fill('Li Na (Hefei)');
  await name.press('Enter');
  await expect.poll(async () => (await people()).at(-1)!.name).toBe('Li Na (Hefei)');
  await page.getByLabel(tr.t('planning.person.roleOf', { name: 'Li Na (Hefei)' })).selectOption('FR');
  await expect.poll(async () => (await people()).at(-1)!.role).toBe('FR');
  await page.getByRole('button', { name: tr.t('planning.person.deleteOf', { name: 'Li Na (Hefei)' }) }).click();
  await page.getByRole('dialog').getByRole('button', { name: tr.t('planning.delete') }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(async () => (await people()).map((p) => p.id)).toEqual(demo.people.map((p) => p.id));
  // An empty name is explained, not sent.
  await page.getByRole('button', { name: tr.t('planning.person.add') }).click();
  await expect(page.getByRole('alert').filter({ hasText: tr.t('planning.name.empty') })).toBeVisible();
});
