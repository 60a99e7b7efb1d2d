import { observer } from 'mobx-react-lite';
import { useStores, useT } from '../stores/context';
import { FileMenu } from './FileMenu';
import { ShellBackups } from './ShellBackups';
import { LanguageSwitch } from './LanguageSwitch';
import { UndoRedoButtons } from './UndoRedoButtons';

export const AppHeader = observer(function AppHeader() {
  const { plan, transport, workshop } = useStores();
  const tr = useT();
  const file = plan.file;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{tr.t('app.title')}</span>
      </div>
      <div className="header-plan">
        {plan.settings && <span className="header-plan-name">{plan.settings.name}</span>}
        {file && (
          <span className="header-file" title={file.path}>
            {tr.t('file.current', { path: `${file.name}.salesplan` })}
          </span>
        )}
      </div>
      <div className="header-actions">
        {plan.status === 'ready' && (
          <button type="button" className="button" aria-keyshortcuts="F5" title={tr.t('workshop.enterHint')} onClick={() => workshop.enter()}>
            {tr.t('workshop.enter')}
          </button>
        )}
        <UndoRedoButtons />
        {/* Electron has native File menus; the in-app one is for the browser host. */}
        {transport === 'http' ? <FileMenu /> : <ShellBackups />}
        <LanguageSwitch />
      </div>
    </header>
  );
});
