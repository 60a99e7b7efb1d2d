import type { Person, Role } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

export const personCodec: EntityCodec<Person> = {
  table: 'people',
  singular: 'person',
  plural: 'people',
  columns: ['name', 'role'],
  toRow: (p) => [p.name, p.role],
  fromRow: (r, c) => ({ id: r[c.id] as string, name: r[c.name] as string, role: r[c.role] as Role }),
  children: [],
};
