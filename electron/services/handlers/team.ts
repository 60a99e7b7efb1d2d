// team.*: the app-only planning data of shared/api/methods/team.ts (person
// limits, goal statuses). These are not plan edits: they do not bump the
// plan revision or enter the undo history, and JSON export leaves them out.
import type { Handlers } from '../../../shared/api/dispatch';
import { DEFAULT_GOAL_STATUS } from '../../../shared/api/methods/team';
import { ApiError } from '../../../shared/api/result';
import { entityExists } from '../../store/entities/repository';
import { readTeamData, writeCustomerLimit, writeGoalStatus } from '../../store/team-data';
import type { PlannerSession } from '../session';

type TeamHandlers = Pick<Handlers<PlannerSession>, 'team.get' | 'team.setCustomerLimit' | 'team.setGoalStatus'>;

function requireEntity(exists: boolean, what: string, id: string): void {
  if (!exists) throw new ApiError('not_found', `There is no ${what} "${id}" in this plan`, { id });
}

export const teamHandlers: TeamHandlers = {
  'team.get': (_arg, s) => readTeamData(s.requireFile().db),

  'team.setCustomerLimit': ({ personId, limit }, s) => {
    const db = s.requireFile().db;
    requireEntity(entityExists(db, 'people', personId), 'person', personId);
    writeCustomerLimit(db, personId, limit);
    return readTeamData(db);
  },

  'team.setGoalStatus': ({ goalId, status }, s) => {
    const db = s.requireFile().db;
    requireEntity(entityExists(db, 'goals', goalId), 'goal', goalId);
    writeGoalStatus(db, goalId, status === DEFAULT_GOAL_STATUS ? null : status);
    return readTeamData(db);
  },
};
