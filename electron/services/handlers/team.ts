// team.*: one person's customer limit or one goal's status, set by id. Since
// plan-format v2 both are plan fields (person `customerLimit`, goal `status`),
// so each call is a people.update / goals.update of that field: one edit in
// the history, undoable, in the JSON export.
import type { Handlers } from '../../../shared/api/dispatch';
import type { TeamData } from '../../../shared/api/methods/team';
import { ApiError } from '../../../shared/api/result';
import { DEFAULT_GOAL_STATUS, type GoalStatus, type Person } from '../../../shared/plan/types';
import { CODECS, type Db } from '../../store';
import { readAllEntities, readEntity } from '../../store/entities/repository';
import type { PlannerSession } from '../session';

type TeamHandlers = Pick<Handlers<PlannerSession>, 'team.get' | 'team.setCustomerLimit' | 'team.setGoalStatus'>;

function notFound(what: string, id: string): ApiError {
  return new ApiError('not_found', `There is no ${what} "${id}" in this plan`, { id });
}

export function readTeamData(db: Db): TeamData {
  const customerLimits: Record<string, number> = {};
  for (const p of readAllEntities(db, CODECS.people)) if (p.customerLimit !== undefined) customerLimits[p.id] = p.customerLimit;
  const goalStatuses: Record<string, GoalStatus> = {};
  for (const g of readAllEntities(db, CODECS.goals)) if (g.status && g.status !== DEFAULT_GOAL_STATUS) goalStatuses[g.id] = g.status;
  return { customerLimits, goalStatuses };
}

export const teamHandlers: TeamHandlers = {
  'team.get': (_arg, s) => readTeamData(s.requireFile().db),

  'team.setCustomerLimit': ({ personId, limit }, s) => {
    const db = s.requireFile().db;
    return db.transaction(() => {
      const person = readEntity(db, CODECS.people, personId)?.value;
      if (!person) throw notFound('person', personId);
      const { customerLimit: _old, ...rest } = person;
      const value: Person = limit === null ? rest : { ...rest, customerLimit: limit };
      s.commit('team.setCustomerLimit', [{ kind: 'people', op: 'update', id: personId, value }]);
      return readTeamData(db);
    })();
  },

  'team.setGoalStatus': ({ goalId, status }, s) => {
    const db = s.requireFile().db;
    return db.transaction(() => {
      const goal = readEntity(db, CODECS.goals, goalId)?.value;
      if (!goal) throw notFound('goal', goalId);
      s.commit('team.setGoalStatus', [{ kind: 'goals', op: 'update', id: goalId, value: { ...goal, status } }]);
      return readTeamData(db);
    })();
  },
};
