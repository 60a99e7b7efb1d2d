import type { Person, Role } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

export const personCodec: EntityCodec<Person> = {
  table: 'people',
  singular: 'person',
  plural: 'people',
  columns: ['name', 'role', 'customer_limit'],
  toRow: (p) => [p.name, p.role, p.customerLimit ?? null],
  fromRow(r, c) {
    const p: Person = { id: r[c.id] as string, name: r[c.name] as string, role: r[c.role] as Role };
    if (r[c.customer_limit] !== null) p.customerLimit = r[c.customer_limit] as number;
    return p;
  },
  children: [],
};
