// <kind>.create | update | delete | reorder for every collection, all through
// the same commit path as plan.batch. The contract's schemas have already
// checked each value's shape (strict zod objects) before these run.
import { COLLECTION_KINDS, type CollectionKind, type Edit } from '../../../shared/api/contract';
import type { Handlers } from '../../../shared/api/dispatch';
import type { PlannerSession } from '../session';

type CrudName = `${CollectionKind}.${'create' | 'update' | 'delete' | 'reorder'}`;
type CollectionHandlers = Pick<Handlers<PlannerSession>, CrudName>;
type Loose = (arg: { id?: string; ids?: string[]; value?: { id: string }; index?: number }, s: PlannerSession) => unknown;

function crudHandlers(kind: CollectionKind): Record<string, Loose> {
  const commit = (s: PlannerSession, op: string, edit: unknown) => s.commit(`${kind}.${op}`, [edit as Edit]).revision;
  return {
    [`${kind}.create`]: ({ value, index }, s) => ({
      revision: commit(s, 'create', { kind, op: 'create', value, ...(index !== undefined ? { index } : {}) }),
      value,
    }),
    [`${kind}.update`]: ({ id, value }, s) => ({ revision: commit(s, 'update', { kind, op: 'update', id, value }), value }),
    [`${kind}.delete`]: ({ id }, s) => ({ revision: commit(s, 'delete', { kind, op: 'delete', id }), value: null }),
    [`${kind}.reorder`]: ({ ids }, s) => ({
      revision: s.commit(`${kind}.reorder`, [{ kind, op: 'reorder', ids: ids! }]).revision,
      value: null,
    }),
  };
}

export const collectionHandlers = Object.assign({}, ...COLLECTION_KINDS.map(crudHandlers)) as CollectionHandlers;
