// Electron's File ▸ Backups… and its File ▸ Open of a damaged file reach the
// page as shell events (electron/main/page-events.ts) and open the same
// BackupsDialog as the browser's File menu. Renders nothing until then.
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { BACKUPS_OPEN_EVENT, DAMAGED_BACKUPS_EVENT } from '../../shared/api/shell-events';
import { useStores } from '../stores/context';
import { BackupsDialog } from './BackupsDialog';

export const ShellBackups = observer(function ShellBackups() {
  const { files } = useStores();
  const [current, setCurrent] = useState(false);
  useEffect(() => {
    const onOpen = () => setCurrent(true);
    const onDamaged = () => files.offerDamagedBackups();
    window.addEventListener(BACKUPS_OPEN_EVENT, onOpen);
    window.addEventListener(DAMAGED_BACKUPS_EVENT, onDamaged);
    return () => {
      window.removeEventListener(BACKUPS_OPEN_EVENT, onOpen);
      window.removeEventListener(DAMAGED_BACKUPS_EVENT, onDamaged);
    };
  }, [files]);
  if (current) return <BackupsDialog of="current" onClose={() => setCurrent(false)} />;
  if (files.damagedWithBackups) return <BackupsDialog of="damaged" onClose={files.dismissDamaged} />;
  return null;
});
