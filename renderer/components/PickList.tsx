// The list to pick one item from, beside the editor of the one picked (the
// Funnels and Scenarios screens). The current item is marked aria-current.
import type { ReactNode } from 'react';
import '../styles/pick-list.css';

export interface PickListProps<T extends { id: string; name: string }> {
  items: readonly T[];
  selectedId: string | undefined;
  onPick: (id: string) => void;
  /** A line under the name: counts, badges, what the item does. */
  detail?: (item: T) => ReactNode;
  /** Items side by side instead of one under the other. */
  row?: boolean;
  /** Shown instead of the list when there are no items. */
  empty: ReactNode;
}

export function PickList<T extends { id: string; name: string }>(props: PickListProps<T>) {
  if (props.items.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <ul className={props.row ? 'pick-list pick-row' : 'pick-list'}>
      {props.items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="pick"
            aria-current={item.id === props.selectedId ? 'true' : undefined}
            onClick={() => props.onPick(item.id)}
          >
            <span className="pick-name">{item.name}</span>
            {props.detail?.(item)}
          </button>
        </li>
      ))}
    </ul>
  );
}
