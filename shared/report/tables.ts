// The plan as tables, one per entity, with typed columns: the XLSX sheets
// and the CSV files are both written from these, so a column reads the same
// in both. The customers table uses the import's own field labels, so a
// customers CSV or sheet imports back as the same customers.
import { IMPORT_FIELDS, fieldLabelKey, layerOf, ownerRoleOf, factorOf } from '../import/fields';
import type { Translator } from '../i18n/translate';
import type { Customer, Plan, Range } from '../plan/types';

export type ColumnType = 'text' | 'int' | 'number' | 'money' | 'percent' | 'month';
export type Cell = string | number | null;

export interface TableColumn {
  header: string;
  type: ColumnType;
  /** Width in characters, for spreadsheets. */
  width?: number;
}

export interface PlanTable {
  /** File and sheet key (phases, customers, …): stable, not translated. */
  key: string;
  title: string;
  columns: TableColumn[];
  /** Rows, produced on demand: 50,000 customers stream without a second copy. */
  rows(): Iterable<Cell[]>;
  rowCount: number;
}

/** A range as the importer reads it back: "min/mode/max", or the number. */
export function rangeCell(r: Range | undefined): Cell {
  if (r === undefined) return null;
  return typeof r === 'number' ? r : `${r.min}/${r.mode}/${r.max}`;
}

/** The customer import's fields, less the import-only helper `potentialBase` (potential = a column × factor). */
const CUSTOMER_COLUMNS = IMPORT_FIELDS.filter((f) => f !== 'potentialBase');

function customerCell(c: Customer, field: (typeof IMPORT_FIELDS)[number]): Cell {
  const role = ownerRoleOf(field);
  if (role) return c.owners[role];
  const layer = layerOf(field);
  if (layer) return c.relationship[layer];
  const factor = factorOf(field);
  if (factor) return c.factors?.[factor] ?? null;
  switch (field) {
    case 'id':
      return c.id;
    case 'name':
      return c.name;
    case 'segment':
      return c.segmentId;
    case 'tier':
      return c.tier;
    case 'status':
      return c.status;
    case 'potential':
      return c.potential;
    case 'region':
      return c.region ?? null;
    case 'industry':
      return c.industry ?? null;
    case 'breakthroughPhase':
      return c.breakthroughPhaseId ?? null;
    case 'entryStage':
      return c.entryStage ?? null;
    case 'firstDeal':
      return rangeCell(c.firstDeal);
    case 'needs':
      return c.needs ?? null;
    default:
      // Owners, layers and factors are answered above.
      return null;
  }
}

function customerType(field: (typeof IMPORT_FIELDS)[number]): ColumnType {
  if (field === 'potential') return 'money';
  if (layerOf(field) || factorOf(field) || field === 'entryStage') return 'int';
  return 'text';
}

function table(key: string, title: string, columns: TableColumn[], rows: Cell[][]): PlanTable {
  return { key, title, columns, rows: () => rows, rowCount: rows.length };
}

export function planTables(plan: Plan, tr: Translator): PlanTable[] {
  const t = tr.t.bind(tr);
  const col = (header: string, type: ColumnType = 'text', width?: number): TableColumn => ({ header, type, ...(width ? { width } : {}) });
  const id = col(t('report.col.id'), 'text', 14);
  return [
    table(
      'phases',
      t('report.sheet.phases'),
      [id, col(t('report.col.name'), 'text', 28), col(t('report.col.stage'), 'text', 14), col(t('report.col.start'), 'month'), col(t('report.col.end'), 'month'), col(t('report.col.intent'), 'text', 50), col(t('report.col.exitCriteria'), 'text', 50)],
      plan.phases.map((p) => [p.id, p.name, p.stage, p.start, p.end, p.intent ?? null, (p.exitCriteria ?? []).join('\n') || null]),
    ),
    {
      key: 'customers',
      title: t('report.sheet.customers'),
      columns: CUSTOMER_COLUMNS.map((f) => col(tr.t(fieldLabelKey(f) as 'report.col.id'), customerType(f), f === 'name' ? 30 : undefined)),
      rowCount: plan.customers.length,
      *rows() {
        for (const c of plan.customers) yield CUSTOMER_COLUMNS.map((f) => customerCell(c, f));
      },
    },
    table(
      'people',
      t('report.sheet.people'),
      [id, col(t('report.col.name'), 'text', 20), col(t('report.col.role'))],
      plan.people.map((p) => [p.id, p.name, p.role]),
    ),
    table(
      'goals',
      t('report.sheet.goals'),
      [id, col(t('report.col.phase')), col(t('report.col.goal'), 'text', 40), col(t('report.col.customer')), col(t('report.col.metric')), col(t('report.col.target'), 'number'), col(t('report.col.due'), 'month'), col(t('report.col.owner'))],
      plan.goals.map((g) => [g.id, g.phaseId, g.title, g.customerId, g.metric, g.target, g.due, g.ownerId]),
    ),
    table(
      'targets',
      t('report.sheet.targets'),
      [id, col(t('report.col.phase')), col(t('report.col.metric')), col(t('report.col.target'), 'number', 16), col(t('report.col.owner'))],
      plan.targets.map((g) => [g.id, g.phaseId, g.metric, g.value, g.ownerId]),
    ),
    table(
      'funnels',
      t('report.sheet.funnels'),
      [id, col(t('report.col.name'), 'text', 24), col(t('report.col.process')), col(t('report.col.dealSize'), 'text', 24), col(t('report.col.deliveryDays'), 'text', 16)],
      plan.funnels.map((f) => [f.id, f.name, f.process, rangeCell(f.dealSize), rangeCell(f.deliveryDays)]),
    ),
    table(
      'stages',
      t('report.sheet.stages'),
      [col(t('report.col.funnel')), id, col(t('report.col.name'), 'text', 24), col(t('report.col.conversion'), 'text', 16), col(t('report.col.days'), 'text', 16), col(t('report.col.owner'))],
      plan.funnels.flatMap((f) => f.stages.map((s) => [f.id, s.key, s.name, rangeCell(s.conversion), rangeCell(s.days), s.ownerId ?? null])),
    ),
    table(
      'segments',
      t('report.sheet.segments'),
      [id, col(t('report.col.name'), 'text', 28), col(t('report.col.funnel'))],
      plan.segments.map((s) => [s.id, s.name, s.funnelId]),
    ),
    table(
      'leads',
      t('report.sheet.leads'),
      [col(t('report.col.segment')), col(t('report.col.phase')), col(t('report.col.leadsPerMonth'), 'text', 16)],
      plan.segments.flatMap((s) => s.leads.map((l) => [s.id, l.phaseId ?? null, rangeCell(l.perMonth)])),
    ),
    table(
      'scenarios',
      t('report.sheet.scenarios'),
      [id, col(t('report.col.name'), 'text', 24), col(t('metric.leads'), 'number'), col(t('report.col.conversion'), 'number'), col(t('report.col.dealSize'), 'number'), col(t('report.col.days'), 'number')],
      plan.scenarios.map((s) => [s.id, s.name, s.adjust.leads ?? null, s.adjust.conversion ?? null, s.adjust.dealSize ?? null, s.adjust.days ?? null]),
    ),
    // Account ladder: one row per customer with a relationship plan × phase, the three layers' planned levels.
    table(
      'ladder',
      t('report.sheet.ladder'),
      [col(t('report.col.customer'), 'text', 14), col(t('report.col.name'), 'text', 28), col(t('report.col.phase')), col(t('layer.key'), 'int'), col(t('layer.broad'), 'int'), col(t('layer.organizational'), 'int')],
      plan.customers.flatMap((c) =>
        plan.phases.flatMap((p) => {
          const r = c.relationshipPlan?.[p.id];
          return r ? [[c.id, c.name, p.id, r.key, r.broad, r.organizational]] : [];
        }),
      ),
    ),
    table(
      'decisions',
      t('report.sheet.decisions'),
      [id, col(t('report.col.at'), 'text', 26), col(t('report.col.decision'), 'text', 60), col(t('report.col.phase')), col(t('report.col.by'))],
      (plan.decisions ?? []).map((d) => [d.id, d.at, d.text, d.phaseId ?? null, d.byId ?? null]),
    ),
    table(
      'actuals',
      t('report.sheet.actuals'),
      [col(t('report.col.month'), 'month'), col(t('report.col.metric')), col(t('report.col.segment')), col(t('report.col.actual'), 'number', 16)],
      (plan.actuals ?? []).map((a) => [a.month, a.metric, a.segmentId ?? null, a.value]),
    ),
  ];
}
