// The editor inside the active cell: a text box or a select, holding the
// view store's draft. Enter saves, Esc cancels, Tab saves and moves right
// (Shift+Tab left); leaving the cell saves. Keys never reach the grid while
// editing, so arrows move the caret, not the active cell.
import { observer } from 'mobx-react-lite';
import type { KeyboardEvent } from 'react';
import type { EditableColumn } from '../../../stores/customers/edits';
import { useStores } from '../../../stores/context';
import type { EditorKind } from './cells';

export interface CellEditorProps {
  editor: EditorKind;
  column: EditableColumn;
  label: string;
  /** Gives the keyboard back to the grid once the editor closes. */
  focusGrid: () => void;
}

export const CellEditor = observer(function CellEditor({ editor, label, focusGrid }: CellEditorProps) {
  const { customers: view } = useStores();
  const draft = view.draft ?? '';

  const commit = () => void view.commitEdit();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
      focusGrid();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      view.cancelEdit();
      focusGrid();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit();
      view.moveActive(0, e.shiftKey ? -1 : 1);
      focusGrid();
    }
  };

  if (editor.kind === 'choice')
    return (
      <select
        className="cg-editor"
        aria-label={label}
        autoFocus
        value={draft}
        onChange={(e) => view.setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      >
        {/* A value the list does not offer (a dangling reference) stays visible, not silently replaced. */}
        {!editor.choices.some((c) => c.value === draft) && <option value={draft}>{draft}</option>}
        {editor.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  return (
    <input
      className={editor.kind === 'number' ? 'cg-editor cg-editor-number' : 'cg-editor'}
      aria-label={label}
      autoFocus
      type="text"
      inputMode={editor.kind === 'number' ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={false}
      value={draft}
      onChange={(e) => view.setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
      // The caret after the text, so a typed first character is followed, not preceded, by the next.
      onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
    />
  );
});
