// A Delete button that asks first: the button, the "Delete X?" dialog and,
// if the store refuses (other entities still refer to it), the reason with
// whatever way out the caller offers. Every editor deletes through this.
import { useState, type ReactNode } from 'react';
import type { WriteOutcome } from '../stores/refusals';
import { ConfirmDelete } from './ConfirmDelete';

export interface DeleteButtonProps {
  /** The button's text ("Delete"). */
  label: string;
  /** What the button deletes, for screen readers ("Delete phase Entry"). */
  ariaLabel: string;
  className?: string;
  /** The dialog's title, question and confirm button. */
  title: string;
  question: string;
  confirmLabel: string;
  /** A store action: null when deleted, else the refusal in words. */
  onDelete: () => Promise<WriteOutcome>;
  /** Shown under a refusal; `close` closes the dialog (e.g. before navigating). */
  whenRefused?: (close: () => void) => ReactNode;
}

export function DeleteButton(props: DeleteButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const close = () => setConfirming(false);
  return (
    <>
      <button type="button" className={props.className ?? 'button'} aria-label={props.ariaLabel} onClick={() => setConfirming(true)}>
        {props.label}
      </button>
      {confirming && (
        <ConfirmDelete
          title={props.title}
          question={props.question}
          confirmLabel={props.confirmLabel}
          onConfirm={props.onDelete}
          onClose={close}
          whenRefused={props.whenRefused?.(close)}
        />
      )}
    </>
  );
}
