// Ids for imported customers that have none: readable when the name has
// Latin letters ("Jiangnan Bank" → "jiangnan-bank"), "customer" otherwise
// (Chinese names), made unique against the plan and the imported rows with
// "-2", "-3"… Ids must match the plan format: 1–64 of A–Z a–z 0–9 _ . -
const MAX_BASE = 48;

export function idBaseFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_BASE)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'customer';
}

export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();

  constructor(...takenIds: Iterable<string>[]) {
    this.taken = new Set();
    for (const ids of takenIds) for (const id of ids) this.taken.add(id);
  }

  fromName(name: string): string {
    const base = idBaseFromName(name);
    let id = base;
    if (this.taken.has(id)) {
      let n = this.next.get(base) ?? 2;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.next.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}
