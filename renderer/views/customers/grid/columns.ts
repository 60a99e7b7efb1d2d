// The TanStack column model of the Customers grid: ids, widths and which
// columns sort. Defined once at module scope (TanStack wants stable
// columns); headers and cells are rendered by the grid itself, in the UI
// language, from the column id.
import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import type { PlainKey } from '../../../../shared/i18n';
import { GRID_COLUMNS, type GridColumn } from '../../../stores/customers/columns';
import { isSortColumn, type DisplayItem } from '../../../stores/customers/rows';

export const features = tableFeatures({ rowSortingFeature, columnSizingFeature });

const helper = createColumnHelper<typeof features, DisplayItem>();

const WIDTH: Record<GridColumn, number> = {
  select: 44,
  id: 130,
  name: 240,
  tier: 140,
  segment: 200,
  region: 110,
  industry: 110,
  potential: 150,
  readiness: 100,
  phase: 170,
  status: 110,
  ownerAR: 130,
  ownerSR: 130,
  ownerFR: 130,
  details: 96,
  needs: 320,
};

// TanStack sorts only columns with an accessor. The sorting itself is the view
// store's (manualSorting): the accessor only makes the column sortable.
const rowKey = (item: DisplayItem) => item.key;

export const columns: ColumnDef<typeof features, DisplayItem>[] = GRID_COLUMNS.map((id) =>
  isSortColumn(id)
    ? (helper.accessor(rowKey, { id, size: WIDTH[id], sortDescFirst: false }) as ColumnDef<typeof features, DisplayItem>)
    : helper.display({ id, size: WIDTH[id], enableSorting: false }),
);

export const ROLE_OF_COLUMN = { ownerAR: 'AR', ownerSR: 'SR', ownerFR: 'FR' } as const;

/** The message naming a column (its header, or the label of its checkbox). */
export function headerKey(id: GridColumn): PlainKey {
  switch (id) {
    case 'select':
      return 'customers.col.select';
    case 'ownerAR':
      return 'role.AR';
    case 'ownerSR':
      return 'role.SR';
    case 'ownerFR':
      return 'role.FR';
    default:
      return `customers.col.${id}`;
  }
}
