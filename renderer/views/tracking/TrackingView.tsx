// The Tracking screen: monthly actuals (entered, pasted from Excel or
// imported from CSV/XLSX; the whole plan or one segment), plan vs actual over
// the latest run's fan chart, and the reforecast of every target with its
// effective sample size (simulation-model.md, "Actuals").
import { observer } from 'mobx-react-lite';
import { useEffect, useRef } from 'react';
import { LabelledSelect } from '../../components/LabelledSelect';
import { useStores, useT } from '../../stores/context';
import { CUSTOMER_FILE_ACCEPT } from '../../stores/customerImport/readCustomerFile';
import { fileErrorText } from '../customers/import/labels';
import { ActualsGrid } from './ActualsGrid';
import { PlanVsActual } from './PlanVsActual';
import { ReforecastPanel } from './ReforecastPanel';
import '../../styles/simulation.css';
import '../../styles/tracking.css';

const ImportBar = observer(function ImportBar() {
  const { tracking } = useStores();
  const tr = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="trk-import">
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {tr.t('tracking.import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept={CUSTOMER_FILE_ACCEPT}
        hidden
        data-testid="actuals-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void tracking.importFile(f);
        }}
      />
      <span className="muted">{tr.t('tracking.import.help')}</span>
      {tracking.importedCount !== null && (
        <p className="notice" role="status">
          {tr.tn('tracking.import.done', tracking.importedCount)}
        </p>
      )}
      {(tracking.importProblems || tracking.importFileError) && (
        <div className="refused" role="alert">
          <p>{tr.t('tracking.import.failed')}</p>
          <ul>
            {tracking.importFileError && <li>{fileErrorText(tr, tracking.importFileError)}</li>}
            {tracking.importProblems?.map((p, i) => (
              <li key={i}>{(tr.t as (key: string, params: Record<string, string | number>) => string)(p.key, p.params)}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => tracking.dismissImport()}>
            {tr.t('tracking.import.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
});

const Results = observer(function Results() {
  const { tracking } = useStores();
  const tr = useT();
  const state = tracking.reforecast;
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return <p className="muted">{tr.t('tracking.reforecast.loading')}</p>;
    case 'noRun':
      return <p className="notice">{tr.t('tracking.pva.noRun')}</p>;
    case 'failed':
      return <p className="refused">{tr.t('tracking.reforecast.failed', { message: state.message })}</p>;
    case 'ready':
      return (
        <>
          <PlanVsActual run={state.run} reforecast={state.result} />
          <ReforecastPanel result={state.result} updating={state.stale} />
        </>
      );
  }
});

export const TrackingView = observer(function TrackingView() {
  const { tracking, plan } = useStores();
  const tr = useT();
  useEffect(() => {
    tracking.open();
    return () => tracking.close();
  }, [tracking]);
  const segments = plan.collections.segments.plainList;
  return (
    <div className="view tracking-view simulation-view">
      <h1 className="view-title">{tr.t('nav.tracking')}</h1>
      <p className="lead">{tr.t('tracking.intro')}</p>
      <div className="trk-bar">
        <LabelledSelect
          layout="bar"
          label={tr.t('tracking.scope')}
          value={tracking.segmentId ?? ''}
          onChange={(v) => tracking.setSegment(v === '' ? null : v)}
          options={[['', tr.t('tracking.scope.all')], ...segments.map((s) => [s.id, s.name] as const)]}
        />
        <ImportBar />
      </div>
      <Results />
      <ActualsGrid />
    </div>
  );
});
