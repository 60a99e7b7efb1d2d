// Undo and Redo in the app header, each named after what it will do
// ("Undo: Changed tier of customer “Jiangnan Bank”"). aria-disabled rather
// than disabled: the button keeps focus when the last edit has been undone.
import { observer } from 'mobx-react-lite';
import { useStores, useT } from '../stores/context';
import { shortcutText } from './undoKeys';
import '../styles/history.css';

export const UndoRedoButtons = observer(function UndoRedoButtons() {
  const { history, plan } = useStores();
  const tr = useT();
  if (plan.status !== 'ready') return null;
  const undoName = history.undoText ?? tr.t('history.nothingToUndo');
  const redoName = history.redoText ?? tr.t('history.nothingToRedo');
  return (
    <div className="history-buttons" role="group" aria-label={tr.t('history.toolbar')}>
      <button
        type="button"
        className="button history-button"
        aria-disabled={!history.state.canUndo || history.busy}
        aria-label={history.undoText ?? tr.t('history.undo')}
        title={`${undoName} — ${shortcutText('undo')}`}
        onClick={() => {
          if (history.state.canUndo) void history.undo();
        }}
      >
        <span aria-hidden="true" className="history-icon">
          ↶
        </span>
        {tr.t('history.undo')}
      </button>
      <button
        type="button"
        className="button history-button"
        aria-disabled={!history.state.canRedo || history.busy}
        aria-label={history.redoText ?? tr.t('history.redo')}
        title={`${redoName} — ${shortcutText('redo')}`}
        onClick={() => {
          if (history.state.canRedo) void history.redo();
        }}
      >
        <span aria-hidden="true" className="history-icon">
          ↷
        </span>
        {tr.t('history.redo')}
      </button>
    </div>
  );
});
