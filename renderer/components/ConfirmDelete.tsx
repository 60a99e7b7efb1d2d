// "Delete X?" in a modal. If the store refuses (in_use: other entities still
// refer to it), the dialog stays open with the reason and whatever way out
// the caller offers (e.g. "Show their customers"); nothing was deleted.
import { observer } from 'mobx-react-lite';
import { useState, type ReactNode } from 'react';
import { useT } from '../stores/context';
import '../styles/planning.css';
import { Dialog } from './Dialog';

export interface ConfirmDeleteProps {
  title: string;
  question: string;
  confirmLabel: string;
  /** Deletes; resolves to null when done, else the reason it was refused. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
  /** Shown under a refusal: links to what still refers to the entity. */
  whenRefused?: ReactNode;
}

export const ConfirmDelete = observer(function ConfirmDelete(props: ConfirmDeleteProps) {
  const tr = useT();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <p>{props.question}</p>
      {refusal && (
        <div className="refusal" role="alert">
          <p>{refusal}</p>
          {props.whenRefused}
        </div>
      )}
      <div className="dialog-actions">
        {!refusal && (
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const reason = await props.onConfirm();
              setBusy(false);
              if (reason) setRefusal(reason);
              else props.onClose();
            }}
          >
            {props.confirmLabel}
          </button>
        )}
        <button type="button" className="button" onClick={props.onClose} autoFocus>
          {refusal ? tr.t('dialog.close') : tr.t('dialog.cancel')}
        </button>
      </div>
    </Dialog>
  );
});
