// tiering.set, tiering.apply, actuals.set, actuals.replace (shared/api/methods/tracking.ts):
// each one edit through the same commit path as every other (rules checked in
// the transaction, history entry, undo).
import type { Handlers } from '../../../shared/api/dispatch';
import type { ActualCell } from '../../../shared/api/methods/tracking';
import type { Actual } from '../../../shared/plan/types';
import { ApiError } from '../../../shared/api/result';
import { itemsFromCustomers, previewTiering } from '../../../shared/tiering';
import { CODECS, readActuals, readRevision, readTiering } from '../../store';
import { readAllEntities } from '../../store/entities/repository';
import type { PlanEdit } from '../edits/types';
import type { PlannerSession } from '../session';

type TrackingHandlers = Pick<Handlers<PlannerSession>, 'tiering.set' | 'tiering.apply' | 'actuals.set' | 'actuals.replace'>;

const cellKey = (a: { month: string; metric: string; segmentId?: string | undefined }) => `${a.month}\u0000${a.metric}\u0000${a.segmentId ?? ''}`;

/** The list with `cells` applied: a cell already there changes in place, a new one goes last, null removes. */
export function withCells(actuals: readonly Actual[], cells: readonly ActualCell[]): Actual[] {
  const out = new Map(actuals.map((a) => [cellKey(a), a]));
  for (const cell of cells) {
    const key = cellKey(cell);
    if (cell.value === null) out.delete(key);
    else {
      const a: Actual = { month: cell.month, metric: cell.metric, value: cell.value };
      if (cell.segmentId !== undefined) a.segmentId = cell.segmentId;
      out.set(key, a);
    }
  }
  return [...out.values()];
}

export const trackingHandlers: TrackingHandlers = {
  'tiering.set': ({ tiering }, s) => {
    const { revision } = s.commit('tiering.set', [{ kind: 'tiering', op: 'update', value: tiering }]);
    return { revision, value: readTiering(s.requireFile().db) };
  },

  'tiering.apply': (_arg, s) => {
    const db = s.requireFile().db;
    return db.transaction(() => {
      const rule = readTiering(db);
      if (!rule) throw new ApiError('conflict', 'This plan has no tiering rule to apply; set one first', { reason: 'no-tiering-rule' });
      const customers = readAllEntities(db, CODECS.customers);
      // The same computation as the screens' preview (shared/tiering), so what was previewed is what is applied.
      const preview = previewTiering(itemsFromCustomers(customers), rule);
      if (!preview.ok) throw new ApiError('invalid_argument', 'The plan\'s tiering rule cannot be applied', { reason: 'tiering-rule', problems: preview.problems });
      const edits: PlanEdit[] = customers
        .filter((c) => preview.tiers.get(c.id) !== c.tier)
        .map((c) => ({ kind: 'customers', op: 'update', id: c.id, value: { ...c, tier: preview.tiers.get(c.id)! } }));
      const revision = edits.length ? s.commit('tiering.apply', edits, `Applied the tiering rule to ${edits.length} customer${edits.length === 1 ? '' : 's'}`).revision : readRevision(db);
      return { revision, value: { changed: edits.length } };
    })();
  },

  'actuals.set': ({ cells }, s) => {
    const db = s.requireFile().db;
    // Read and written inside one transaction, so no other edit can slip between.
    return db.transaction(() => {
      const { revision } = s.commit('actuals.set', [{ kind: 'actuals', op: 'update', value: withCells(readActuals(db), cells) }]);
      return { revision, value: readActuals(db) };
    })();
  },

  'actuals.replace': ({ actuals }, s) => {
    const { revision } = s.commit('actuals.replace', [{ kind: 'actuals', op: 'update', value: actuals }]);
    return { revision, value: readActuals(s.requireFile().db) };
  },
};
