// The automatic backups of the open plan (File ▸ Backups) or of a file that
// failed to open as damaged (offered right after), newest first, each with a
// Restore button. The app keeps them in its data folder; restoring keeps the
// replaced file as a backup too, so nothing is lost by trying one.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { BackupList } from '../../shared/api/methods/backups';
import { formatNumber } from '../../shared/i18n';
import { useStores, useT } from '../stores/context';
import { Dialog } from './Dialog';

export const BackupsDialog = observer(function BackupsDialog(props: { of: 'current' | 'damaged'; onClose: () => void }) {
  const { files } = useStores();
  const tr = useT();
  const [list, setList] = useState<BackupList | null>(null);
  useEffect(() => {
    void files.listBackups(props.of).then(setList);
  }, [files, props.of]);
  const when = (iso: string) => new Date(iso).toLocaleString(tr.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const restore = async (n: number) => {
    if (await files.restoreBackup(props.of, n)) props.onClose();
  };
  return (
    <Dialog title={tr.t(props.of === 'damaged' ? 'backups.damagedTitle' : 'backups.title')} onClose={props.onClose} wide>
      {props.of === 'damaged' && <p>{tr.t('backups.damagedIntro')}</p>}
      {list?.path && <p className="muted">{tr.t('backups.of', { path: list.path })}</p>}
      {list && list.backups.length === 0 && <p className="muted">{tr.t('backups.none')}</p>}
      {list && list.backups.length > 0 && (
        <ul className="recent-list" aria-label={tr.t('backups.listLabel')}>
          {list.backups.map((b) => (
            <li key={b.n} className="backup-item">
              <span className="recent-name">{when(b.takenAt)}</span>
              <span className="recent-path">
                {tr.t(b.kind === 'auto' ? 'backups.kindAuto' : 'backups.kindBeforeRestore')} ·{' '}
                {tr.t('backups.size', { kb: formatNumber(Math.ceil(b.sizeBytes / 1024), tr.locale, 0) })}
              </span>
              <button
                type="button"
                className="button"
                disabled={files.busy}
                aria-label={tr.t('backups.restoreFrom', { when: when(b.takenAt) })}
                onClick={() => void restore(b.n)}
              >
                {tr.t('backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          {tr.t('dialog.close')}
        </button>
      </div>
    </Dialog>
  );
});
