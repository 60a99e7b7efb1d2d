// One history entry in words, in the user's language, built from what it
// touched (method, kinds, entity names, changed fields) rather than from the
// English summary the store keeps: "Changed tier of customer “Jiangnan
// Bank”", "12 customers changed, 1 goal added", "Undo: Added person “Li”".
// An undo entry is worded as what it took back: its items inverted.
import type { HistoryEffect, HistoryEntity, HistoryEntry, HistoryKind } from '../../../shared/api/methods/history';
import type { MessageKey, PluralKey } from '../../../shared/i18n';
import { changedFieldNames, entityName, type FieldContext } from './fields';

/** Fields named in a one-line description before "and N more". */
const FIELDS_NAMED = 3;

const INVERSE_OP = { create: 'delete', delete: 'create', update: 'update', reorder: 'reorder' } as const;

/** What an undo entry's items would be had they been the edit it took back. */
function inverted(entry: HistoryEntry): HistoryEffect {
  return {
    entityCount: entry.entityCount,
    entities: entry.entities.map((e) => ({ ...e, op: INVERSE_OP[e.op], before: e.after, after: e.before })),
    tally: entry.tally.map((t) => ({ ...t, op: INVERSE_OP[t.op] })),
  };
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "tier and potential", "分级和潜在规模". */
function list(parts: string[], ctx: FieldContext): string {
  const locale = ctx.tr.locale;
  let f = listFormats.get(locale);
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })));
  return f.format(parts);
}

function fieldsText(names: string[], ctx: FieldContext): string {
  if (names.length <= FIELDS_NAMED) return list(names, ctx);
  // "a, b, c and 2 more": the named ones are a plain series, the count ends it.
  const named = names.slice(0, FIELDS_NAMED).join(ctx.tr.t('history.what.listJoin'));
  return ctx.tr.t('history.what.moreFields', { fields: named, count: names.length - FIELDS_NAMED });
}

const kindWord = (kind: HistoryKind, ctx: FieldContext) => ctx.tr.t(`history.kind.${kind}` as MessageKey & `history.kind.${string}`);
const kindsWord = (kind: HistoryKind, ctx: FieldContext) => ctx.tr.t(`history.kinds.${kind}` as MessageKey & `history.kinds.${string}`);

function describeOne(e: HistoryEntity, ctx: FieldContext): string {
  const { tr } = ctx;
  if (e.kind === 'plan') {
    const fields = changedFieldNames(e, ctx);
    return fields.length ? tr.t('history.what.settings', { fields: fieldsText(fields, ctx) }) : tr.t('history.what.settingsNone');
  }
  // Written whole: the entry says what changed, the detail view lists the values.
  if (e.kind === 'tiering') return tr.t(e.after === null ? 'history.what.tieringRemoved' : 'history.what.tiering');
  if (e.kind === 'actuals') return tr.t('history.what.actuals');
  const kind = kindWord(e.kind, ctx);
  switch (e.op) {
    case 'create':
      return tr.t('history.what.create', { kind, name: entityName(e.kind, e.after, ctx) });
    case 'delete':
      return tr.t('history.what.delete', { kind, name: entityName(e.kind, e.before, ctx) });
    case 'reorder':
      return tr.t('history.what.reorder', { kinds: kindsWord(e.kind, ctx) });
    case 'update': {
      const fields = changedFieldNames(e, ctx);
      const name = entityName(e.kind, e.after, ctx);
      return fields.length ? tr.t('history.what.update', { fields: fieldsText(fields, ctx), kind, name }) : tr.t('history.what.updateSome', { kind, name });
    }
    default: {
      const never: never = e.op;
      return never;
    }
  }
}

function describeTally(tally: HistoryEntry['tally'], ctx: FieldContext): string {
  const { tr } = ctx;
  const parts = tally.map(({ kind, op, count }) => {
    if (kind === 'plan' || kind === 'tiering' || kind === 'actuals') return tr.t(`history.tally.${kind}`);
    if (op === 'reorder') return tr.t('history.tally.reorder', { kinds: kindsWord(kind, ctx) });
    const items = tr.tn(`history.count.${kind}` as PluralKey, count);
    return tr.t(`history.tally.${op}`, { items });
  });
  const text = list(parts, ctx);
  // "3 customers changed" reads as a sentence; a leading lower-case word gets its capital.
  return text.charAt(0).toLocaleUpperCase(tr.locale) + text.slice(1);
}

/** What an edit did (or an undo/redo took back or put back), without the "Undo:" prefix. */
export function describeEffect(entry: HistoryEffect, ctx: FieldContext): string {
  const only = entry.entities[0];
  if (entry.entityCount === 1 && only) return describeOne(only, ctx);
  return describeTally(entry.tally, ctx);
}

/** The full line for the history list: undo and redo entries say so. */
export function describeEntry(entry: HistoryEntry, ctx: FieldContext): string {
  switch (entry.type) {
    // Worded as the edit they acted on; their own items may hold more (a reorder putting rows back in place).
    case 'undo':
      return ctx.tr.t('history.undoLabel', { what: describeEffect(entry.target ?? inverted(entry), ctx) });
    case 'redo':
      return ctx.tr.t('history.redoLabel', { what: describeEffect(entry.target ?? entry, ctx) });
    case 'edit':
      return describeEffect(entry, ctx);
    default: {
      const never: never = entry.type;
      return never;
    }
  }
}

/**
 * The label a batch was given by whoever made it ("Paste 120 rows"), worth
 * showing beside the worded tally; summaries the store wrote itself are not.
 */
export function givenLabel(entry: HistoryEntry): string | null {
  if (entry.method !== 'plan.batch' || entry.type !== 'edit') return null;
  return /^\d+ edits: /.test(entry.summary) || entry.entityCount === 1 ? null : entry.summary;
}
