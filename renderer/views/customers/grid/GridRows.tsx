// One row of the Customers grid: a customer's cells, or a group header with
// its count and summed potential. Rows are observers keyed by customer: an
// edit makes a new plain row object for that customer only, and the active
// cell, selection and refusals are read through per-row computeds, so moving
// around or editing re-renders the rows concerned, not all of them.
import { computed } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useMemo, type MouseEvent } from 'react';
import { formatMoney, type Translator } from '../../../../shared/i18n';
import { useStores, useT } from '../../../stores/context';
import { GRID_COLUMNS, type GridColumn } from '../../../stores/customers/columns';
import { isEditableColumn } from '../../../stores/customers/edits';
import type { CustomerRow, GroupItem } from '../../../stores/customers/rows';
import type { Names } from '../../../stores/CustomersViewStore';
import { CellEditor } from './CellEditor';
import { displayText, editorOf, type PlanLists } from './cells';
import { headerKey } from './columns';

export const ROW_HEIGHT = 36;

export interface RowContext {
  gridId: string;
  widths: readonly number[];
  totalWidth: number;
  names: Names;
  lists: PlanLists;
  currency: string;
  focusGrid: () => void;
}

export function cellId(gridId: string, index: number, column: GridColumn): string {
  return `${gridId}-r${index}-${column}`;
}

export function columnLabel(column: GridColumn, tr: Translator): string {
  const key = headerKey(column);
  return tr.t(key);
}

interface CustomerRowProps {
  row: CustomerRow;
  index: number;
  top: number;
  ctx: RowContext;
}

export const CustomerGridRow = observer(function CustomerGridRow({ row, index, top, ctx }: CustomerRowProps) {
  const { customers: view } = useStores();
  const tr = useT();
  const id = row.id;
  const activeColumn = useMemo(() => computed(() => (view.active?.key === id ? view.active.column : null)), [view, id]).get();
  const selected = useMemo(() => computed(() => view.selected.has(id)), [view, id]).get();
  const refused = useMemo(
    () => computed(() => GRID_COLUMNS.filter((c) => view.writes.refusalAt(id, c)).join(' ')),
    [view, id],
  ).get();
  const editing = useMemo(() => computed(() => view.active?.key === id && view.draft !== null), [view, id]).get();
  const c = row.customer;

  const activate = (column: GridColumn) => (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest('input, select, button')) return;
    e.preventDefault();
    view.setActive({ key: id, column });
    ctx.focusGrid();
  };

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`cg-row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, width: ctx.totalWidth }}
    >
      {GRID_COLUMNS.map((column, j) => {
        const isActive = activeColumn === column;
        const refusal = refused.split(' ').includes(column) ? view.writes.refusalAt(id, column) : undefined;
        return (
          <div
            key={column}
            id={cellId(ctx.gridId, index, column)}
            role="gridcell"
            aria-colindex={j + 1}
            aria-invalid={refusal ? true : undefined}
            title={refusal?.message}
            className={`cg-cell cg-${column}${isActive ? ' is-active' : ''}${refusal ? ' is-refused' : ''}`}
            style={{ width: ctx.widths[j] }}
            onMouseDown={activate(column)}
            onDoubleClick={() => {
              if (isEditableColumn(column)) view.startEdit();
            }}
          >
            {isActive && editing && isEditableColumn(column) ? (
              <CellEditor
                column={column}
                editor={editorOf(column, c, ctx.lists, tr)}
                label={tr.t('customers.editor', { column: columnLabel(column, tr), name: c.name })}
                focusGrid={ctx.focusGrid}
              />
            ) : (
              <CellContent row={row} column={column} selected={selected} ctx={ctx} tr={tr} />
            )}
          </div>
        );
      })}
    </div>
  );
});

interface CellContentProps {
  row: CustomerRow;
  column: GridColumn;
  selected: boolean;
  ctx: RowContext;
  tr: Translator;
}

function CellContent({ row, column, selected, ctx, tr }: CellContentProps) {
  const { customers: view } = useStores();
  const c = row.customer;
  switch (column) {
    case 'select':
      return (
        <input
          type="checkbox"
          tabIndex={-1}
          className="cg-check"
          aria-label={tr.t('customers.select.row', { name: c.name })}
          checked={selected}
          onChange={() => {}}
          onClick={(e) => {
            if (e.shiftKey) view.selectRange(row.id);
            else view.toggleSelected(row.id);
            view.setActive({ key: row.id, column: 'select' });
            ctx.focusGrid();
          }}
        />
      );
    case 'details':
      return (
        <button
          type="button"
          tabIndex={-1}
          className="cg-details-button"
          aria-label={tr.t('customers.details.openFor', { name: c.name })}
          onClick={() => view.openDetail(row.id)}
        >
          {tr.t('customers.details.open')}
        </button>
      );
    case 'tier':
      return (
        <>
          <span className={`tier-badge tier-${c.tier}`} aria-hidden="true">
            {c.tier}
          </span>
          <span className="cg-text">{displayText(c, column, row.readiness, ctx.names, ctx.currency, tr)}</span>
        </>
      );
    case 'needs':
      return (
        <span className="cg-text" title={c.needs}>
          {displayText(c, column, row.readiness, ctx.names, ctx.currency, tr)}
        </span>
      );
    default:
      return <span className="cg-text">{displayText(c, column, row.readiness, ctx.names, ctx.currency, tr)}</span>;
  }
}

interface GroupRowProps {
  group: GroupItem;
  label: string;
  index: number;
  top: number;
  ctx: RowContext;
}

export const GroupGridRow = observer(function GroupGridRow({ group, label, index, top, ctx }: GroupRowProps) {
  const { customers: view } = useStores();
  const tr = useT();
  const active = view.active?.key === group.key;
  const potential = formatMoney(group.potential, ctx.currency, tr.locale);
  const count = tr.tn('customers.group.count', group.count);
  return (
    <div role="row" aria-rowindex={index + 2} className="cg-row cg-group-row" style={{ transform: `translateY(${top}px)`, width: ctx.totalWidth }}>
      <div
        id={cellId(ctx.gridId, index, 'select')}
        role="gridcell"
        aria-colindex={1}
        aria-colspan={GRID_COLUMNS.length}
        className={`cg-cell cg-group-cell${active ? ' is-active' : ''}`}
        style={{ width: ctx.totalWidth }}
        onMouseDown={(e) => {
          if ((e.target as HTMLElement).closest('button')) return;
          e.preventDefault();
          view.setActive({ key: group.key, column: 'select' });
          ctx.focusGrid();
        }}
      >
        <button
          type="button"
          tabIndex={-1}
          className="cg-group-toggle"
          aria-expanded={!group.collapsed}
          onClick={() => {
            view.toggleGroup(group.value);
            view.setActive({ key: group.key, column: 'select' });
            ctx.focusGrid();
          }}
        >
          <span className="cg-group-caret" aria-hidden="true">
            {group.collapsed ? '▸' : '▾'}
          </span>
          <span className="cg-group-label">{label}</span>
          <span className="cg-group-count">{count}</span>
          <span className="cg-group-potential">{tr.t('customers.group.potential', { value: potential })}</span>
        </button>
      </div>
    </div>
  );
});
