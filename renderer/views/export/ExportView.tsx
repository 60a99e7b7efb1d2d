// The Export screen: format, language, scenario, paper and sections; progress
// with Cancel while the host's export worker writes the file; then the file
// as a download (browser host). CSV tables are a folder of files: the CLI
// writes them (`export FILE --format csv --out FOLDER`).
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatPercent, LOCALES, type Locale } from '../../../shared/i18n';
import { SECTION_KINDS } from '../../../shared/report/model';
import type { ExportFormat } from '../../../shared/api/methods/export';
import { downloadBlob } from '../../components/download';
import { useStores, useT } from '../../stores/context';
import { SCREEN_FORMATS, SECTIONED_FORMATS } from '../../stores/ExportStore';
import '../../styles/export.css';

export const ExportView = observer(function ExportView() {
  const { exports: ex, plan } = useStores();
  const tr = useT();
  const id = useId();
  const running = ex.status === 'running';
  const sectioned = SECTIONED_FORMATS.includes(ex.format);
  const percent = ex.total > 0 ? ex.done / ex.total : 0;
  const download = async () => {
    const file = await ex.download();
    if (file) downloadBlob(file.name, file.blob);
  };
  return (
    <div className="view export-view">
      <h1 className="view-title">{tr.t('nav.export')}</h1>
      <p className="lead">{tr.t('view.export.intro')}</p>
      <section className="card export-form" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="card-title">
          {tr.t('export.start')}
        </h2>
        <div className="export-fields">
          <label className="export-field">
            <span className="field-label">{tr.t('export.format')}</span>
            <select className="select-input" value={ex.format} disabled={running} onChange={(e) => ex.setFormat(e.target.value as ExportFormat)}>
              {SCREEN_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {tr.t(`export.format.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="export-field">
            <span className="field-label">{tr.t('export.language')}</span>
            <select className="select-input" value={ex.lang ?? tr.locale} disabled={running} onChange={(e) => ex.setLang(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {tr.t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="export-field">
            <span className="field-label">{tr.t('report.scenario')}</span>
            <select className="select-input" value={ex.scenarioId ?? ''} disabled={running} onChange={(e) => ex.setScenario(e.target.value === '' ? null : e.target.value)}>
              <option value="">{tr.t('report.scenarioNone')}</option>
              {plan.collections.scenarios.list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {ex.format === 'pdf' && (
            <label className="export-field">
              <span className="field-label">{tr.t('export.paper')}</span>
              <select className="select-input" value={ex.paper} disabled={running} onChange={(e) => ex.setPaper(e.target.value as 'A4' | 'Letter')}>
                <option value="A4">A4</option>
                <option value="Letter">Letter</option>
              </select>
            </label>
          )}
        </div>
        {sectioned && (
          <fieldset className="export-sections" disabled={running}>
            <legend className="field-label">{tr.t('export.sections')}</legend>
            {SECTION_KINDS.map((s) => (
              <label key={s} className="export-section">
                <input type="checkbox" checked={ex.sections.has(s)} onChange={() => ex.toggleSection(s)} />
                {tr.t(`report.section.${s}`)}
              </label>
            ))}
          </fieldset>
        )}
        <div className="export-actions">
          {running ? (
            <>
              <progress max={1} value={percent} aria-label={tr.t('export.progress', { percent: formatPercent(percent, tr.locale, 0) })} />
              <span role="status">{tr.t('export.progress', { percent: formatPercent(percent, tr.locale, 0) })}</span>
              <button type="button" className="button" disabled={ex.cancelling} onClick={() => void ex.cancel()}>
                {tr.t('export.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-primary" disabled={!ex.canStart} onClick={() => void ex.start()}>
              {tr.t('export.start')}
            </button>
          )}
        </div>
        {ex.status === 'done' && ex.result && (
          <div className="export-result" role="status">
            <p>{tr.t('export.done', { name: ex.result.name })}</p>
            {ex.result.ranSimulation && <p className="muted">{tr.t('export.ranSimulation')}</p>}
            <button type="button" className="button button-primary" onClick={() => void download()}>
              {tr.t('export.download', { name: ex.result.name })}
            </button>
          </div>
        )}
        {ex.status === 'cancelled' && <p role="status">{tr.t('export.cancelled')}</p>}
        {ex.status === 'failed' && ex.error && (
          <p role="alert" className="field-message">
            {tr.t('export.failed', { message: ex.error.message })}
          </p>
        )}
      </section>
    </div>
  );
});
