// A modal built on <dialog>: the browser traps focus, closes on Escape and
// marks the rest of the page inert, which no hand-made overlay gets right.
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStores } from '../stores/context';
import { ErrorPanel } from './ErrorPanel';

export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest onClose without re-running the effect (which would close and
  // reopen the dialog, losing focus) each time the parent re-renders.
  const onCloseRef = useRef(props.onClose);
  useLayoutEffect(() => {
    onCloseRef.current = props.onClose;
  });
  const { ui } = useStores();
  useEffect(() => {
    ui.enterModal();
    return () => ui.leaveModal();
  }, [ui]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  // Portalled to <body> so no styles of the component that opened it (the
  // dark header, for the File menu) leak into it.
  return createPortal(
    <dialog ref={ref} className={props.wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      <ErrorPanel inDialog />
      {props.children}
    </dialog>,
    document.body,
  );
}
