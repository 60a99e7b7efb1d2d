// The roadmap: the plan horizon's months across, one lane per phase (in date
// order) with a bar in its stage colour. Months no phase covers are hatched,
// months two phases share are red. Bars open the phase's details; their edges
// can be dragged month by month (a pointer shortcut — the start and end
// fields in the table below do the same from the keyboard).
import { observer } from 'mobx-react-lite';
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { formatMonth, formatMonthRange, formatMonthShort } from '../../../shared/i18n';
import { addMonths, horizonMonthList, monthIndex } from '../../../shared/plan/months';
import { PHASE_STAGES } from '../../../shared/plan/types';
import type { MonthSpan, PhaseSpan } from '../../stores/planning/coverage';
import { useStores, useT } from '../../stores/context';

const pct = (n: number, of: number) => `${(n / of) * 100}%`;

function Bands(props: { spans: readonly MonthSpan[]; total: number; className: string }) {
  return (
    <>
      {props.spans.map((s) => (
        <span
          key={`${s.from}-${s.to}`}
          className={props.className}
          style={{ left: pct(Math.max(0, s.from), props.total), width: pct(Math.min(props.total, s.to + 1) - Math.max(0, s.from), props.total) }}
        />
      ))}
    </>
  );
}

const Axis = observer(function Axis({ months }: { months: string[] }) {
  const tr = useT();
  const total = months.length;
  // Label every month while they fit, then quarters, then only years.
  const step = total <= 48 ? 1 : total <= 96 ? 3 : 0;
  const years: { year: string; from: number; count: number }[] = [];
  months.forEach((m, i) => {
    const y = m.slice(0, 4);
    const last = years[years.length - 1];
    if (last && last.year === y) last.count += 1;
    else years.push({ year: y, from: i, count: 1 });
  });
  return (
    <div className="roadmap-axis" aria-hidden="true">
      <div className="roadmap-years">
        {years.map((y) => (
          <span key={y.year} className="roadmap-year" style={{ left: pct(y.from, total), width: pct(y.count, total) }}>
            {tr.locale === 'zh-CN' ? `${y.year}年` : y.year}
          </span>
        ))}
      </div>
      {step > 0 && (
        <div className="roadmap-months">
          {months.map((m, i) =>
            i % step === 0 ? (
              <span key={m} className="roadmap-month" style={{ left: pct(i, total), width: pct(step, total) }} title={formatMonth(m, tr.locale)}>
                {formatMonthShort(m, tr.locale)}
              </span>
            ) : null,
          )}
        </div>
      )}
    </div>
  );
});

const Lane = observer(function Lane({ span, total }: { span: PhaseSpan; total: number }) {
  const { planning, plan } = useStores();
  const tr = useT();
  const track = useRef<HTMLDivElement>(null);
  const { coverage, selectedPhaseId } = planning;
  const from = Math.max(0, span.from);
  const to = Math.min(total - 1, span.to);
  const label = tr.t('planning.roadmap.barLabel', {
    number: span.number,
    name: span.phase.name,
    stage: tr.t(`stage.${span.phase.stage}`),
    months: formatMonthRange(span.start, span.end, tr.locale),
    count: span.months,
  });

  const monthAt = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    return Math.min(total - 1, Math.max(0, Math.floor(((clientX - rect.left) / rect.width) * total)));
  };
  const startDrag = (edge: 'start' | 'end') => (e: ReactPointerEvent<HTMLSpanElement>) => {
    const settings = plan.settings;
    const stored = plan.collections.phases.get(span.phase.id);
    if (!settings || !stored || e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const idx = (m: string) => monthIndex(settings.startMonth, m);
    const move = (clientX: number) => {
      const i = monthAt(clientX);
      const cur = planning.draft ?? { id: stored.id, start: stored.start, end: stored.end };
      // An edge stops at the other edge: a phase is at least one month long.
      planning.setDraft(
        edge === 'start'
          ? { ...cur, start: addMonths(settings.startMonth, Math.min(i, idx(cur.end))) }
          : { ...cur, end: addMonths(settings.startMonth, Math.max(i, idx(cur.start))) },
      );
    };
    const onMove = (ev: PointerEvent) => move(ev.clientX);
    const onUp = async () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      const draft = planning.draft;
      if (draft && (draft.start !== stored.start || draft.end !== stored.end))
        await planning.tryUpdatePhase(stored.id, { ...stored, start: draft.start, end: draft.end });
      planning.setDraft(null);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
    move(e.clientX);
  };

  return (
    <li className="roadmap-lane">
      <span className="roadmap-lane-label">
        <span className="roadmap-lane-number">{span.number}</span>
        {span.phase.name}
      </span>
      <div className="roadmap-track" ref={track}>
        <Bands spans={coverage.gaps} total={total} className="roadmap-gap" />
        <Bands spans={coverage.overlaps} total={total} className="roadmap-overlap" />
        {to >= from && (
          <div
            className={`roadmap-bar stage-bar-${span.phase.stage}${selectedPhaseId === span.phase.id ? ' is-selected' : ''}${
              planning.draft?.id === span.phase.id ? ' is-dragging' : ''
            }`}
            style={{ left: pct(from, total), width: pct(to - from + 1, total) }}
          >
            <span className="roadmap-handle roadmap-handle-start" aria-hidden="true" onPointerDown={startDrag('start')} />
            <button
              type="button"
              className="roadmap-bar-button"
              aria-label={label}
              aria-pressed={selectedPhaseId === span.phase.id}
              title={label}
              onClick={() => planning.selectPhase(selectedPhaseId === span.phase.id ? null : span.phase.id)}
            >
              {span.phase.name}
            </button>
            <span className="roadmap-handle roadmap-handle-end" aria-hidden="true" onPointerDown={startDrag('end')} />
          </div>
        )}
      </div>
    </li>
  );
});

export const Roadmap = observer(function Roadmap() {
  const { planning, plan } = useStores();
  const tr = useT();
  const settings = plan.settings!;
  const months = horizonMonthList(settings.startMonth, settings.horizonMonths);
  const { spans } = planning.coverage;
  return (
    <figure className="roadmap" aria-labelledby="roadmap-caption">
      <figcaption id="roadmap-caption" className="card-title">
        {tr.t('planning.roadmap.title')}{' '}
        <span className="muted roadmap-horizon">
          {formatMonthRange(months[0]!, months[months.length - 1]!, tr.locale)}
        </span>
      </figcaption>
      <ul className="roadmap-legend" aria-label={tr.t('planning.roadmap.legend')}>
        {PHASE_STAGES.map((stage) => (
          <li key={stage}>
            <span className={`roadmap-swatch stage-bar-${stage}`} aria-hidden="true" />
            {tr.t(`stage.${stage}`)}
          </li>
        ))}
        <li>
          <span className="roadmap-swatch roadmap-gap-swatch" aria-hidden="true" />
          {tr.t('planning.roadmap.gapLegend')}
        </li>
        <li>
          <span className="roadmap-swatch roadmap-overlap-swatch" aria-hidden="true" />
          {tr.t('planning.roadmap.overlapLegend')}
        </li>
      </ul>
      <div className="roadmap-chart">
        <Axis months={months} />
        {spans.length === 0 ? (
          <p className="muted roadmap-empty">{tr.t('planning.roadmap.empty')}</p>
        ) : (
          <ol className="roadmap-lanes">
            {spans.map((s) => (
              <Lane key={s.phase.id} span={s} total={months.length} />
            ))}
          </ol>
        )}
      </div>
      <p className="roadmap-hint muted">{tr.t('planning.roadmap.hint')}</p>
    </figure>
  );
});
