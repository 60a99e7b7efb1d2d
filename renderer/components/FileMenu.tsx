// The File menu of the browser host, as a WAI-ARIA menu button: Enter/Space
// or ArrowDown opens it on the first item, arrows move, Home/End jump,
// Escape closes and returns focus to the button. Electron shows native menus
// instead (App hides this when the bridge is present).
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStores, useT } from '../stores/context';
import { BackupsDialog } from './BackupsDialog';
import { downloadText } from './download';
import { NewBlankDialog, OpenDialog, SaveCopyDialog } from './FileDialogs';

type OpenDialogKind = 'open' | 'saveCopy' | 'newBlank' | 'backups' | null;
const RECENT_IN_MENU = 6;

export const FileMenu = observer(function FileMenu() {
  const { files } = useStores();
  const tr = useT();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<OpenDialogKind>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    void files.refreshRecent();
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, files]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (action: () => void) => () => {
    close(false);
    action();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') focusItem(at + 1);
    else if (e.key === 'ArrowUp') focusItem(at - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(all.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  const exportJson = async () => {
    const out = await files.exportJson();
    if (out) downloadText(out.fileName, out.json);
  };

  const onImportChosen = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      files.reportReadError(file.name, e);
      return;
    }
    await files.importJson(file.name, text);
  };

  const recent = files.recent.slice(0, RECENT_IN_MENU);
  return (
    <div className="file-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={files.busy}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {tr.t('file.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={tr.t('file.menuLabel')} className="menu" onKeyDown={onMenuKey}>
          <MenuItem label={tr.t('file.newDemo')} onSelect={choose(() => void files.newFromDemo())} />
          <MenuItem label={tr.t('file.newBlank')} onSelect={choose(() => setDialog('newBlank'))} />
          <MenuItem label={tr.t('file.open')} onSelect={choose(() => setDialog('open'))} />
          <MenuItem label={tr.t('file.saveCopy')} onSelect={choose(() => setDialog('saveCopy'))} />
          <MenuItem label={tr.t('file.backups')} onSelect={choose(() => setDialog('backups'))} />
          <li role="separator" className="menu-separator" />
          <li role="none">
            <ul role="group" aria-label={tr.t('file.recent')} className="menu-group">
              <li role="presentation" className="menu-group-label" aria-hidden="true">
                {tr.t('file.recent')}
              </li>
              {recent.length === 0 && (
                <MenuItem label={tr.t('file.recentNone')} disabled onSelect={() => {}} />
              )}
              {recent.map((r) => (
                <MenuItem
                  key={r.path}
                  label={r.name}
                  title={r.path}
                  disabled={!r.exists}
                  onSelect={choose(() => void files.open(r.path))}
                />
              ))}
            </ul>
          </li>
          <li role="separator" className="menu-separator" />
          <MenuItem label={tr.t('file.importJson')} onSelect={choose(() => fileInput.current?.click())} />
          <MenuItem label={tr.t('file.exportJson')} onSelect={choose(() => void exportJson())} />
        </ul>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={tr.t('file.importJson')}
        onChange={(e) => void onImportChosen(e.currentTarget)}
      />
      {dialog === 'open' && <OpenDialog onClose={() => setDialog(null)} />}
      {dialog === 'saveCopy' && <SaveCopyDialog onClose={() => setDialog(null)} />}
      {dialog === 'newBlank' && <NewBlankDialog onClose={() => setDialog(null)} />}
      {dialog === 'backups' && <BackupsDialog of="current" onClose={() => setDialog(null)} />}
      {files.damagedWithBackups && dialog !== 'open' && <BackupsDialog of="damaged" onClose={files.dismissDamaged} />}
    </div>
  );
});

function MenuItem(props: { label: string; title?: string; disabled?: boolean; onSelect: () => void }) {
  return (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="menu-item"
        title={props.title}
        disabled={props.disabled}
        aria-disabled={props.disabled || undefined}
        onClick={props.onSelect}
      >
        {props.label}
      </button>
    </li>
  );
}
