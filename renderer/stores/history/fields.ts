// Old → new per field of one history entity, in the user's language: the
// changed leaves of the before/after JSON (a whole Range is one leaf), each
// with a label built from the plan-format path (tier, relationship layers ›
// Key relationship, stages › Bid › conversion) and values formatted as the
// screens show them — money in the plan currency, months, percentages,
// tiers and statuses translated, ids shown as the names they refer to.
import type { CollectionKind } from '../../../shared/api/contract';
import type { HistoryEntity, HistoryKind } from '../../../shared/api/methods/history';
import { en, formatMonth, formatNumber, formatPercent, type MessageKey, type Translator } from '../../../shared/i18n';
import type { GoalMetric, TargetMetric } from '../../../shared/plan/types';
import { formatFull, GOAL_KIND, TARGET_KIND } from '../../../shared/plan/value-kinds';

export interface FieldContext {
  tr: Translator;
  currency: string;
  /** The current name of an entity, if it still exists. */
  nameOf(kind: CollectionKind, id: string): string | undefined;
}

export interface FieldChange {
  /** Stable key of the path, for React lists. */
  key: string;
  label: string;
  before: string;
  after: string;
}

type Seg = string | number;
interface Leaf {
  path: Seg[];
  value: unknown;
}

const isRange = (v: unknown): v is { min: number; mode: number; max: number } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).sort().join() === 'max,min,mode';
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted, to compare values whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function leaves(value: unknown, path: Seg[], out: Leaf[]): Leaf[] {
  if (isPlainObject(value) && !isRange(value)) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else if (Array.isArray(value) && value.some(isPlainObject)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else out.push({ path, value });
  return out;
}

/** The leaves that differ, in the order of the newer value (then those only the older one had). */
export function changedLeaves(before: unknown, after: unknown): { path: Seg[]; before: unknown; after: unknown }[] {
  const a = new Map(leaves(before ?? {}, [], []).map((l) => [canonical(l.path), l]));
  const b = new Map(leaves(after ?? {}, [], []).map((l) => [canonical(l.path), l]));
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return keys.flatMap((k) => {
    const x = a.get(k)?.value;
    const y = b.get(k)?.value;
    return canonical(x) === canonical(y) ? [] : [{ path: (b.get(k) ?? a.get(k))!.path, before: x, after: y }];
  });
}

const REFERENCE: Record<string, CollectionKind> = {
  segmentId: 'segments',
  funnelId: 'funnels',
  phaseId: 'phases',
  breakthroughPhaseId: 'phases',
  customerId: 'customers',
  ownerId: 'people',
  byId: 'people',
};
const MONTHS = new Set(['start', 'end', 'due', 'startMonth']);
const ADJUST_LABELS: Record<string, MessageKey> = {
  leads: 'history.field.leadsMultiplier',
  conversion: 'history.field.conversionMultiplier',
  dealSize: 'history.field.dealSizeMultiplier',
  days: 'history.field.daysMultiplier',
  stages: 'history.field.stageAdjusts',
};

function fieldKey(name: string): MessageKey | undefined {
  const key = `history.field.${name}`;
  return Object.prototype.hasOwnProperty.call(en, key) ? (key as MessageKey) : undefined;
}

/** The label of one path segment, with the element the path went through (for array items). */
function segmentLabel(kind: HistoryKind, path: Seg[], i: number, element: unknown, ctx: FieldContext): string {
  const { tr } = ctx;
  const seg = path[i]!;
  const parent = i > 0 ? path[i - 1] : undefined;
  if (typeof seg === 'number') {
    const e = element as { name?: string; key?: string; phaseId?: string; funnelId?: string; stageKey?: string } | undefined;
    if (parent === 'leads' && e) return e.phaseId ? (ctx.nameOf('phases', e.phaseId) ?? e.phaseId) : tr.t('history.field.defaultLeads');
    if (e?.name) return e.name;
    if (e?.funnelId && e.stageKey) return `${ctx.nameOf('funnels', e.funnelId) ?? e.funnelId} › ${e.stageKey}`;
    return tr.t('history.field.item', { n: seg + 1 });
  }
  if (parent === 'relationship' || path[i - 2] === 'relationshipPlan') return tr.t(`layer.${seg}` as MessageKey & `layer.${string}`);
  if (parent === 'relationshipPlan') return ctx.nameOf('phases', seg) ?? seg;
  if (parent === 'factors') return tr.t(`factor.${seg}` as MessageKey & `factor.${string}`);
  if (parent === 'owners') return seg;
  if (kind === 'scenarios' && parent === 'adjust' && ADJUST_LABELS[seg]) return tr.t(ADJUST_LABELS[seg] as 'history.field.leadsMultiplier');
  if (kind === 'scenarios' && seg === 'conversion' && path.includes('stages')) return tr.t('history.field.conversionMultiplier');
  const key = fieldKey(seg);
  return key ? tr.t(key as 'history.field.name') : seg;
}

export function pathLabel(kind: HistoryKind, path: Seg[], value: unknown, ctx: FieldContext): string {
  const parts: string[] = [];
  let node: unknown = value;
  path.forEach((seg, i) => {
    node = node === undefined || node === null ? undefined : (node as Record<string | number, unknown>)[seg];
    // Scenario adjustments read as "leads ×", not "adjustments › leads ×".
    if (kind === 'scenarios' && seg === 'adjust' && path.length > 1) return;
    parts.push(segmentLabel(kind, path, i, node, ctx));
  });
  return parts.join(' › ');
}

type Scalar = (n: number) => string;

function scalarFormatter(kind: HistoryKind, path: Seg[], owner: Record<string, unknown>, ctx: FieldContext): Scalar {
  const { tr, currency } = ctx;
  const locale = tr.locale;
  const last = path.at(-1);
  const money: Scalar = (n) => formatFull('money', n, currency, locale);
  const percent: Scalar = (n) => formatPercent(n, locale, 2);
  if (kind === 'scenarios' && path[0] === 'adjust') return (n) => tr.t('history.value.times', { value: formatNumber(n, locale, 3) });
  if (kind === 'customers' && (last === 'potential' || path[0] === 'firstDeal')) return money;
  if (kind === 'funnels' && path[0] === 'dealSize') return money;
  if (kind === 'funnels' && (last === 'conversion' || last === 'share')) return percent;
  if (kind === 'targets' && last === 'value') return (n) => formatFull(TARGET_KIND[owner.metric as TargetMetric] ?? 'count', n, currency, locale);
  if (kind === 'goals' && last === 'target') return (n) => formatFull(GOAL_KIND[owner.metric as GoalMetric] ?? 'count', n, currency, locale);
  return (n) => formatNumber(n, locale, 4);
}

/** A value as the screens show it; `owner` is the entity it belongs to (a target's metric decides its unit). */
export function formatFieldValue(kind: HistoryKind, path: Seg[], value: unknown, owner: unknown, ctx: FieldContext): string {
  const { tr } = ctx;
  const last = String(path.at(-1) ?? '');
  if (value === undefined || value === null || value === '') return tr.t('history.value.none');
  if (typeof value === 'string') {
    const ref = path[0] === 'owners' ? 'people' : REFERENCE[last];
    if (ref) return ctx.nameOf(ref, value) ?? value;
    if (MONTHS.has(last)) return formatMonth(value, tr.locale);
    if (last === 'tier') return tr.t(`tier.${value}` as 'tier.S');
    if (last === 'status' && kind === 'customers') return tr.t(`status.${value}` as 'status.target');
    if (last === 'status' && kind === 'goals') return tr.t(`planning.goalStatus.${value}` as 'planning.goalStatus.notStarted');
    if (last === 'stage' && kind === 'phases') return tr.t(`stage.${value}` as 'stage.entry');
    if (last === 'role') return tr.t(`role.${value}` as 'role.AR');
    if (last === 'process') return tr.t(`process.${value}` as 'process.ltc');
    if (last === 'metric' && kind === 'goals') return tr.t(`goalMetric.${value}` as 'goalMetric.custom');
    if (last === 'metric' && kind === 'targets') return tr.t(`metric.${value}` as 'metric.leads');
    return value;
  }
  const scalar = scalarFormatter(kind, path, (owner ?? {}) as Record<string, unknown>, ctx);
  if (typeof value === 'number') return scalar(value);
  if (isRange(value)) return tr.t('history.value.range', { min: scalar(value.min), mode: scalar(value.mode), max: scalar(value.max) });
  if (Array.isArray(value)) return value.length === 0 ? tr.t('history.value.none') : value.map((v) => (typeof v === 'string' ? v : canonical(v))).join('; ');
  return canonical(value);
}

/** What an entity is called in the history: its name or title; a target (which has neither) by metric and phase. */
export function entityName(kind: HistoryKind, value: unknown, ctx: FieldContext): string {
  const e = (value ?? {}) as { id?: string; name?: string; title?: string; metric?: string; phaseId?: string };
  if (e.name ?? e.title) return (e.name ?? e.title)!;
  if (kind === 'targets' && e.metric && e.phaseId)
    return `${ctx.tr.t(`metric.${e.metric}` as 'metric.leads')} · ${ctx.nameOf('phases', e.phaseId) ?? e.phaseId}`;
  return e.id ?? '';
}

/** Each changed field of a history entity: old → new (a create lists its values as new, a delete as old). */
export function fieldChanges(entity: HistoryEntity, ctx: FieldContext): FieldChange[] {
  if (entity.op === 'reorder') return [];
  return changedLeaves(entity.before, entity.after).map(({ path, before, after }) => ({
    key: canonical(path),
    label: pathLabel(entity.kind, path, entity.after ?? entity.before, ctx),
    before: formatFieldValue(entity.kind, path, before, entity.before, ctx),
    after: formatFieldValue(entity.kind, path, after, entity.after, ctx),
  }));
}

/** The top-level fields an update changed, labelled ("tier", "relationship layers"). */
export function changedFieldNames(entity: HistoryEntity, ctx: FieldContext): string[] {
  const tops = new Set(changedLeaves(entity.before, entity.after).map((c) => String(c.path[0])));
  return [...tops].map((top) => pathLabel(entity.kind, [top], entity.after ?? entity.before, ctx));
}
