// The roadmap in words: which months belong to no phase (and what that means
// for the simulation), which months two phases would share, and why the last
// edit of a phase was refused. The refusal has a fixed id so the start and
// end fields of that phase can point at it (aria-describedby).
import { observer } from 'mobx-react-lite';
import { formatMonthRange } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';

export const REFUSAL_ID = 'phase-refusal';

export const CoverageNotes = observer(function CoverageNotes() {
  const { planning, plan } = useStores();
  const tr = useT();
  const { gaps, overlaps, spans } = planning.coverage;
  const refusal = planning.phaseRefusal;
  const refusedPhase = refusal ? plan.collections.phases.get(refusal.phaseId) : undefined;
  const locale = tr.locale;
  return (
    <div className="coverage-notes">
      {refusal && (
        <div id={REFUSAL_ID} className="refusal" role="alert">
          <p>
            <strong>{tr.t('planning.phase.refusedTitle', { name: refusedPhase?.name ?? refusal.phaseId })}</strong>{' '}
            {planning.phaseRefusalText}
          </p>
          {refusedPhase && (
            <p className="refusal-stored">
              {tr.t('planning.phase.storedMonths', { months: formatMonthRange(refusedPhase.start, refusedPhase.end, locale) })}
            </p>
          )}
          <button type="button" className="button button-quiet" onClick={() => planning.setPhaseRefusal(null)}>
            {tr.t('error.dismiss')}
          </button>
        </div>
      )}
      <ul className="coverage-list">
        {gaps.map((g) => (
          <li key={`gap-${g.from}`} className="coverage-gap">
            {tr.t('planning.coverage.gap', { months: formatMonthRange(g.start, g.end, locale) })}
          </li>
        ))}
        {overlaps.map((o) => (
          <li key={`overlap-${o.a.id}-${o.b.id}`} className="coverage-overlap">
            {tr.t('planning.coverage.overlap', { months: formatMonthRange(o.start, o.end, locale), a: o.a.name, b: o.b.name })}
          </li>
        ))}
        {spans.length > 0 && gaps.length === 0 && overlaps.length === 0 && (
          <li className="coverage-ok">{tr.t('planning.coverage.complete')}</li>
        )}
      </ul>
    </div>
  );
});
