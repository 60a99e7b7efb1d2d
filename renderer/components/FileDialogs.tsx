// Dialogs behind the browser File menu. Paths are typed (a browser cannot show
// the host's file system); recent files are one click away.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useStores, useT } from '../stores/context';
import { Dialog } from './Dialog';

function PathForm(props: {
  label: string;
  submit: string;
  initial?: string;
  onSubmit: (value: string) => Promise<boolean>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const tr = useT();
  const id = useId();
  const [value, setValue] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    setBusy(true);
    const done = await props.onSubmit(value.trim());
    setBusy(false);
    if (done) props.onClose();
  };
  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)}>
      {props.children}
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <input
        id={id}
        className="text-input"
        value={value}
        required
        autoFocus
        spellCheck={false}
        onChange={(e) => setValue(e.target.value)}
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          {tr.t('dialog.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !value.trim()}>
          {props.submit}
        </button>
      </div>
    </form>
  );
}

export const OpenDialog = observer(function OpenDialog({ onClose }: { onClose: () => void }) {
  const { files } = useStores();
  const tr = useT();
  useEffect(() => void files.refreshRecent(), [files]);
  const open = async (path: string) => {
    const ok = await files.open(path);
    if (ok) onClose();
    return ok;
  };
  return (
    <Dialog title={tr.t('open.title')} onClose={onClose} wide>
      <h3 className="dialog-subtitle">{tr.t('open.recentHeading')}</h3>
      {files.recent.length === 0 ? (
        <p className="muted">{tr.t('file.recentNone')}</p>
      ) : (
        <ul className="recent-list">
          {files.recent.map((r) => (
            <li key={r.path}>
              <button type="button" className="recent-item" disabled={!r.exists} onClick={() => void open(r.path)}>
                <span className="recent-name">{r.name}</span>
                <span className="recent-path">
                  {r.path}
                  {!r.exists && ` (${tr.t('open.missing')})`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <PathForm label={tr.t('open.pathLabel')} submit={tr.t('open.submit')} onSubmit={open} onClose={onClose} />
    </Dialog>
  );
});

export const SaveCopyDialog = observer(function SaveCopyDialog({ onClose }: { onClose: () => void }) {
  const { files, plan } = useStores();
  const tr = useT();
  const current = plan.file?.path ?? '';
  const suggestion = current ? current.replace(/(\.salesplan)?$/, ' copy.salesplan') : '';
  return (
    <Dialog title={tr.t('saveCopy.title')} onClose={onClose} wide>
      <PathForm
        label={tr.t('saveCopy.pathLabel')}
        submit={tr.t('saveCopy.submit')}
        initial={suggestion}
        onSubmit={(path) => files.saveCopy(path)}
        onClose={onClose}
      >
        <p className="muted">{tr.t('saveCopy.hint')}</p>
      </PathForm>
    </Dialog>
  );
});

export const NewBlankDialog = observer(function NewBlankDialog({ onClose }: { onClose: () => void }) {
  const { files } = useStores();
  const tr = useT();
  return (
    <Dialog title={tr.t('newBlank.title')} onClose={onClose}>
      <PathForm
        label={tr.t('newBlank.nameLabel')}
        submit={tr.t('newBlank.submit')}
        initial={tr.t('newBlank.defaultName')}
        onSubmit={(name) => files.newBlank(name)}
        onClose={onClose}
      />
    </Dialog>
  );
});
