// file.*: the open plan file — new, open, save a copy, recent files, JSON
// import and export.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/result';
import { validatePlan } from '../../../shared/plan/parse';
import { fileInfo, isLockedElsewhere, schemaVersion, snapshotToAsync } from '../../store';
import { fileError, lockedError } from '../../store/errors';
import { blankPlan } from '../blank-plan';
import { demoPlan } from '../demo';
import { invalidPlanError } from '../edits/check';
import { uniquePlanPath } from '../file-names';
import { planOf } from '../plan-cache';
import { readRecent } from '../recent';
import type { PlannerSession } from '../session';

type FileHandlers = Pick<
  Handlers<PlannerSession>,
  'file.current' | 'file.new' | 'file.open' | 'file.saveCopy' | 'file.recent' | 'file.importJson' | 'file.exportJson'
>;

/** Pretty-printed plan-format JSON of the open plan. */
export function exportPlanJson(session: PlannerSession): string {
  return `${JSON.stringify(planOf(session.requireFile()).plan, null, 2)}\n`;
}

export const fileHandlers: FileHandlers = {
  'file.current': (_arg, s) => s.file?.info() ?? null,

  'file.new': ({ path, demo, lang, name }, s) => {
    const language = lang ?? s.options.lang;
    const draft = demo ? demoPlan(language) : blankPlan(language, name);
    if (name) draft.plan.name = name;
    // Through the importer's checks, so a new file is as valid as an imported one (e.g. a blank name is refused).
    const checked = validatePlan(draft);
    if (!checked.ok) throw invalidPlanError(checked.issues, 'The plan was not created');
    const target = path ?? uniquePlanPath(s.plansDir(), checked.plan.plan.name);
    return s.createAndOpen(target, checked.plan, path !== undefined);
  },

  // quick_check (and, for imports, parsing and writing) run through s.fileWork: a worker thread in the app.
  'file.open': ({ path }, s) => s.openChecked(path),

  'file.saveCopy': async ({ path }, s) => {
    const file = s.requireFile();
    const target = resolve(path);
    if (s.isOpen(target)) throw new ApiError('conflict', 'A copy cannot replace the plan itself; choose another file', { path: target });
    if (existsSync(target) && isLockedElsewhere(target, s.storeOptions())) throw lockedError(target);
    try {
      await snapshotToAsync(file.db, target, async (temp) => void (await s.fileWork.run({ kind: 'commitCopy', temp, target, store: s.storeOptions() })));
    } catch (e) {
      throw fileError(target, e);
    }
    return fileInfo(target, schemaVersion(file.db));
  },

  'file.recent': (_arg, s) => (s.options.dataDir ? readRecent(s.options.dataDir) : []),

  'file.importJson': ({ json, path }, s) => s.importJson(json, path),

  'file.exportJson': (_arg, s) => ({ fileName: `${s.requireFile().info().name}.plan.json`, json: exportPlanJson(s) }),
};
