// plan.*: the whole plan (read), its settings, and batches of edits.
import type { Handlers } from '../../../shared/api/dispatch';
import { readSettings } from '../../store';
import type { PlanEdit } from '../edits/types';
import { asPlan, planOf } from '../plan-cache';
import type { PlannerSession } from '../session';

type PlanHandlers = Pick<Handlers<PlannerSession>, 'plan.get' | 'plan.updateSettings' | 'plan.batch'>;

export const planHandlers: PlanHandlers = {
  'plan.get': (_arg, s) => {
    const file = s.requireFile();
    // The revision and the plan always match (read in one transaction, kept per revision).
    const { revision, plan } = planOf(file);
    return { file: file.info(), revision, plan: asPlan(plan) };
  },

  'plan.updateSettings': ({ patch }, s) => {
    const { revision } = s.commit('plan.updateSettings', [{ kind: 'plan', op: 'update', patch }]);
    return { revision, value: readSettings(s.requireFile().db) };
  },

  'plan.batch': ({ edits, label }, s) => {
    const { revision } = s.commit('plan.batch', edits as PlanEdit[], label);
    return { revision, value: null };
  },
};
