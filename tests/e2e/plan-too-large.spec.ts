// Bad input for plan loading: a plan with more customers than a window opens
// (a file grown outside the app). The window says so at once, in the user's
// language, with both numbers and what to do; it does not freeze, and the
// file is left as it was.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { growCustomers } from '../../bench/plans/grow-customers';
import { MAX_LOADED_CUSTOMERS } from '../../shared/api/methods/plan-load';
import { createTranslator } from '../../shared/i18n';
import { expect, test } from './fixtures';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('a plan with more customers than a window opens is refused with both numbers, in English and Chinese', async ({ page, host }) => {
  const big = join(host.dataDir, 'big.salesplan');
  await host.call('file.new', { demo: true });
  await host.call('file.saveCopy', { path: big });
  growCustomers(big, MAX_LOADED_CUSTOMERS + 1);
  const hash = sha256(big);
  await host.call('file.open', { path: big });

  await page.goto(host.url);
  const en = createTranslator('en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(en.t('app.tooLarge.customers', { count: MAX_LOADED_CUSTOMERS + 1, limit: MAX_LOADED_CUSTOMERS }));
  await expect(alert).toContainText('250,001');
  await expect(alert.getByRole('button', { name: en.t('app.retry') })).toBeVisible();

  await page.getByRole('button', { name: '简体中文' }).click();
  const zh = createTranslator('zh-CN');
  await expect(alert).toContainText(zh.t('app.tooLarge.customers', { count: MAX_LOADED_CUSTOMERS + 1, limit: MAX_LOADED_CUSTOMERS }));
  expect(sha256(big)).toBe(hash);
});
