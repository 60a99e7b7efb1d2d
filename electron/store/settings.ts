// The plan's settings: one row of plan_settings.
import type { PlanSettings } from '../../shared/plan/types';
import { stmt, type Db, type Row } from './sql';

export function readSettings(db: Db): PlanSettings {
  const r = stmt(db, 'SELECT * FROM plan_settings WHERE singleton = 1').get() as Row | undefined;
  if (!r) throw new Error('the plan file has no settings row');
  const s: PlanSettings = { name: r.name as string } as PlanSettings;
  if (r.description !== null) s.description = r.description as string;
  s.currency = r.currency as string;
  s.startMonth = r.start_month as string;
  s.horizonMonths = r.horizon_months as number;
  s.seed = r.seed as number;
  s.trials = r.trials as number;
  return s;
}

export function writeSettings(db: Db, s: PlanSettings): void {
  stmt(
    db,
    `INSERT INTO plan_settings (singleton, name, description, currency, start_month, horizon_months, seed, trials)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET name = excluded.name, description = excluded.description,
       currency = excluded.currency, start_month = excluded.start_month, horizon_months = excluded.horizon_months,
       seed = excluded.seed, trials = excluded.trials`,
  ).run(s.name, s.description ?? null, s.currency, s.startMonth, s.horizonMonths, s.seed, s.trials);
}
