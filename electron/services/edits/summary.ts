// The one-line summary stored with each change (history lists, logs). The
// items hold everything else, so a localised view can be rebuilt from them.
import { CODECS, type ChangeItem } from '../../store';
import { displayName } from './types';

const VERB = { create: 'Added', update: 'Changed', delete: 'Deleted', reorder: 'Reordered' } as const;
const PAST = { create: 'added', update: 'changed', delete: 'deleted', reorder: 'reordered' } as const;

function describe(item: ChangeItem): string {
  if (item.kind === 'plan') return 'Changed the plan settings';
  if (item.kind === 'tiering') return item.after === null ? 'Removed the tiering rule' : 'Changed the tiering rule';
  if (item.kind === 'actuals') return 'Changed the actuals';
  const codec = CODECS[item.kind];
  if (item.op === 'reorder') return `Reordered ${codec.plural}`;
  return `${VERB[item.op]} ${codec.singular} "${displayName(item.after ?? item.before)}"`;
}

export function summarize(items: ChangeItem[], label?: string): string {
  if (label) return label;
  if (items.length === 1) return describe(items[0]!);
  const counts = new Map<string, number>();
  for (const it of items) {
    const key = `${it.kind}\u0000${it.op}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].map(([key, n]) => {
    const [kind, op] = key.split('\u0000') as [ChangeItem['kind'], ChangeItem['op']];
    if (kind === 'plan') return 'plan settings changed';
    if (kind === 'tiering') return 'tiering rule changed';
    if (kind === 'actuals') return 'actuals changed';
    const codec = CODECS[kind];
    return op === 'reorder' ? `${codec.plural} reordered` : `${n} ${n === 1 ? codec.singular : codec.plural} ${PAST[op]}`;
  });
  return `${items.length} edits: ${parts.join(', ')}`;
}
