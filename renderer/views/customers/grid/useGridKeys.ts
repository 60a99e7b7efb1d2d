// The grid's keyboard, while no cell is being edited (the editor keeps its
// own keys): arrows, Home/End, PageUp/PageDown move the active cell; Enter
// or F2 edits (or opens details, toggles a group or the row's selection);
// typing a character starts editing with it; Space selects the row;
// Ctrl/Cmd+A selects every filtered customer. Tab leaves the grid, as the
// ARIA grid pattern asks.
import type { KeyboardEvent } from 'react';
import { useStores } from '../../../stores/context';

const PAGE = 10;

export function useGridKeys(focusGrid: () => void): (e: KeyboardEvent<HTMLDivElement>) => void {
  const { customers: view } = useStores();
  return (e) => {
    if (view.draft !== null) return;
    const target = e.target as HTMLElement;
    // Keys typed into a control inside the grid (a checkbox, a button) other than navigation stay theirs.
    if (target !== e.currentTarget && !/^(Arrow|Home|End|Page)/.test(e.key)) return;
    const mod = e.ctrlKey || e.metaKey;
    const move = (dRow: number, dCol: number) => {
      e.preventDefault();
      view.moveActive(dRow, dCol);
      focusGrid();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(1, 0);
      case 'ArrowUp':
        return move(-1, 0);
      case 'ArrowRight':
        return move(0, 1);
      case 'ArrowLeft':
        return move(0, -1);
      case 'PageDown':
        return move(PAGE, 0);
      case 'PageUp':
        return move(-PAGE, 0);
      case 'Home':
        return mod ? move(-Infinity, -Infinity) : move(0, -Infinity);
      case 'End':
        return mod ? move(Infinity, Infinity) : move(0, Infinity);
      default:
        break;
    }
    const active = view.active;
    if (!active) return;
    const item = view.items[view.itemIndex.get(active.key) ?? -1];
    if (!item) return;
    if (item.kind === 'group') {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        view.toggleGroup(item.value);
      }
      return;
    }
    if (e.key === ' ' || (e.key === 'Enter' && active.column === 'select')) {
      e.preventDefault();
      if (e.shiftKey) view.selectRange(item.key);
      else view.toggleSelected(item.key);
      return;
    }
    // Needs are edited in the detail panel (many lines), so Enter there opens it too.
    if (e.key === 'Enter' && (active.column === 'details' || active.column === 'needs')) {
      e.preventDefault();
      view.openDetail(item.key);
      return;
    }
    if (e.key === 'Enter' || e.key === 'F2') {
      if (view.startEdit()) e.preventDefault();
      return;
    }
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      view.selectAllFiltered();
      return;
    }
    // A printable character replaces the cell's text, as in a spreadsheet.
    if (e.key.length === 1 && !mod && !e.altKey) {
      if (view.startEdit(active.column === 'potential' || isTextColumn(active.column) ? e.key : undefined))
        e.preventDefault();
    }
  };
}

function isTextColumn(column: string): boolean {
  return column === 'id' || column === 'name' || column === 'region' || column === 'industry';
}
