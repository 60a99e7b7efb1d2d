// The Customers grid: a TanStack Table (column model, header sort state)
// over the view store's display rows, virtualised with TanStack Virtual so
// only the rows in view exist in the DOM. ARIA grid semantics: the grid
// keeps the keyboard focus and points at the active cell with
// aria-activedescendant; rows carry aria-rowindex since most are not there.
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { observer } from 'mobx-react-lite';
import { useCallback, useEffect, useId, useMemo, useRef, type ClipboardEvent } from 'react';
import { useStores, useT } from '../../../stores/context';
import { GRID_COLUMNS } from '../../../stores/customers/columns';
import { isSortColumn, type DisplayItem } from '../../../stores/customers/rows';
import { GridHeader, HEADER_HEIGHT } from './GridHeader';
import { CustomerGridRow, GroupGridRow, ROW_HEIGHT, cellId, type RowContext } from './GridRows';
import { columns, features } from './columns';
import { useGridKeys } from './useGridKeys';
import { useGroupLabel } from './useGroupLabel';

const rowId = (item: DisplayItem) => item.key;
const rowHeight = () => ROW_HEIGHT;

export interface CustomerGridProps {
  /** Text pasted onto the grid while no cell is being edited (rows from Excel). */
  onPasteText: (text: string) => void;
}

export const CustomerGrid = observer(function CustomerGrid({ onPasteText }: CustomerGridProps) {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const gridId = useId().replace(/:/g, '');
  const helpId = `${gridId}-help`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = view.items;

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  const end = (virtualItems[virtualItems.length - 1]?.index ?? -1) + 1;
  // TanStack makes a Row object per data item on every data change; 50,000 of
  // them cost more than the sort itself. Given only the rows in view, the
  // table's row model stays a few dozen rows, whatever the plan's size.
  const windowItems = useMemo(() => items.slice(first, end), [items, first, end]);

  const sorting: SortingState = view.sort ? [{ id: view.sort.column, desc: view.sort.desc }] : [];
  const table = useTable({
    features,
    columns,
    data: windowItems,
    getRowId: rowId,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const head = next[0];
      view.setSort(head && isSortColumn(head.id) ? { column: head.id, desc: head.desc } : null);
    },
    manualSorting: true,
    enableMultiSort: false,
  });
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const widths = leafColumns.map((c) => c.getSize());
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), []);
  const onKeyDown = useGridKeys(focusGrid);

  // Ready the text sorts while the user looks at the rows (again after the data changed).
  const allRows = view.allRows;
  const lang = tr.locale;
  useEffect(() => view.prepareSorting(), [view, allRows, lang]);

  // A new order, filter or grouping starts from the top.
  const { sort, filter, groupBy } = view;
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sort, filter, groupBy]);

  // Keep the active cell in view (below the sticky header) when it moves —
  // only then: scrolling away with the wheel must not snap back.
  const widthsRef = useRef(widths);
  widthsRef.current = widths;
  const activeIndex = view.active ? view.itemIndex.get(view.active.key) : undefined;
  const activeColumn = view.active?.column;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || activeIndex === undefined || !activeColumn) return;
    const top = HEADER_HEIGHT + activeIndex * ROW_HEIGHT;
    if (top - HEADER_HEIGHT < el.scrollTop) el.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    const j = GRID_COLUMNS.indexOf(activeColumn);
    const widths = widthsRef.current;
    const left = widths.slice(0, j).reduce((a, b) => a + b, 0);
    const right = left + (widths[j] ?? 0);
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
  }, [activeIndex, activeColumn]);

  const groupLabel = useGroupLabel();
  // One context object while nothing in it changes, so rows (memoised observers) skip re-rendering.
  const { names } = view;
  const { segments, phases, people } = plan.collections;
  const segmentList = segments.plainList;
  const phaseList = phases.plainList;
  const peopleList = people.plainList;
  const currency = plan.settings?.currency ?? '';
  const widthKey = widths.join(',');
  const ctx: RowContext = useMemo(
    () => ({
      gridId,
      widths: widthKey.split(',').map(Number),
      totalWidth,
      names,
      lists: { segments: segmentList, phases: phaseList, people: peopleList },
      currency,
      focusGrid,
    }),
    [gridId, widthKey, totalWidth, names, segmentList, phaseList, peopleList, currency, focusGrid],
  );

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (view.draft !== null) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    onPasteText(text);
  };

  const activeDescendant =
    activeIndex !== undefined && activeColumn
      ? cellId(gridId, activeIndex, items[activeIndex]?.kind === 'group' ? 'select' : activeColumn)
      : undefined;

  return (
    <>
      <p id={helpId} className="cg-help">
        {tr.t('customers.grid.help')}
      </p>
      <div
        ref={scrollRef}
        className="cg"
        role="grid"
        aria-label={tr.t('customers.grid.label')}
        aria-describedby={helpId}
        aria-rowcount={items.length + 1}
        aria-colcount={GRID_COLUMNS.length}
        aria-multiselectable="true"
        aria-activedescendant={view.draft === null ? activeDescendant : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onFocus={(e) => {
          // Entering the grid with nothing active starts at the first row as it is now
          // (after a header click has just re-sorted it, too).
          const top = view.items[0];
          if (e.target === e.currentTarget && !view.active && top)
            view.setActive({ key: top.key, column: top.kind === 'group' ? 'select' : 'name' });
        }}
      >
        <GridHeader table={table} widths={widths} totalWidth={totalWidth} focusGrid={focusGrid} />
        <div role="rowgroup" className="cg-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
          {virtualItems.map((v) => {
            const item = rows[v.index - first]?.original;
            if (!item) return null;
            const top = v.start - HEADER_HEIGHT;
            return item.kind === 'group' ? (
              <GroupGridRow key={item.key} group={item} label={groupLabel(item.value)} index={v.index} top={top} ctx={ctx} />
            ) : (
              <CustomerGridRow key={item.key} row={item.row} index={v.index} top={top} ctx={ctx} />
            );
          })}
        </div>
      </div>
      {items.length === 0 && <p className="cg-empty">{tr.t('customers.grid.empty')}</p>}
    </>
  );
});
