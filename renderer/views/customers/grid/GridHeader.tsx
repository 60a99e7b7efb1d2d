// The grid's header row: a sort button per sortable column (aria-sort on
// the column header says the current order) and the select-all checkbox.
import type { ReactTable, TableState } from '@tanstack/react-table';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { useStores, useT } from '../../../stores/context';
import type { GridColumn } from '../../../stores/customers/columns';
import type { DisplayItem } from '../../../stores/customers/rows';
import { columnLabel } from './GridRows';
import { ROLE_OF_COLUMN, type features } from './columns';

export const HEADER_HEIGHT = 40;

interface GridHeaderProps {
  table: ReactTable<typeof features, DisplayItem, TableState<typeof features>>;
  widths: readonly number[];
  totalWidth: number;
  focusGrid: () => void;
}

export const GridHeader = observer(function GridHeader({ table, widths, totalWidth, focusGrid }: GridHeaderProps) {
  const tr = useT();
  const headers = table.getHeaderGroups()[0]!.headers;
  return (
    <div role="rowgroup" className="cg-head" style={{ width: totalWidth }}>
      <div role="row" aria-rowindex={1} className="cg-row cg-header-row">
        {headers.map((header, j) => {
          const id = header.column.id as GridColumn;
          const sorted = header.column.getIsSorted();
          const canSort = header.column.getCanSort();
          const label = columnLabel(id, tr);
          const role = id in ROLE_OF_COLUMN ? ROLE_OF_COLUMN[id as keyof typeof ROLE_OF_COLUMN] : null;
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-colindex={j + 1}
              aria-sort={canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
              className={`cg-cell cg-head-cell cg-${id}`}
              style={{ width: widths[j] }}
            >
              {id === 'select' ? (
                <SelectAll label={label} focusGrid={focusGrid} />
              ) : canSort ? (
                <button
                  type="button"
                  tabIndex={-1}
                  className="cg-sort"
                  // The role code is what the column shows; its full name is what it is called.
                  aria-label={role ? label : undefined}
                  title={role ? label : undefined}
                  onClick={(e) => {
                    header.column.getToggleSortingHandler()?.(e);
                    focusGrid();
                  }}
                >
                  <span className="cg-sort-label">{role ?? label}</span>
                  <span className="cg-sort-mark" aria-hidden="true">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                <span className={id === 'details' ? 'visually-hidden' : 'cg-head-text'}>{label}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});

const SelectAll = observer(function SelectAll({ label, focusGrid }: { label: string; focusGrid: () => void }) {
  const { customers: view } = useStores();
  const tr = useT();
  const ref = useRef<HTMLInputElement>(null);
  const state = view.filteredSelection;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      tabIndex={-1}
      className="cg-check"
      aria-label={tr.t('customers.select.all')}
      title={label}
      checked={state === 'all'}
      onChange={() => {
        if (state === 'all') view.clearSelection();
        else view.selectAllFiltered();
        focusGrid();
      }}
    />
  );
});
