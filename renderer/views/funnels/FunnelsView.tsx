// Funnels and segments: the LTC / MTC funnels with their stages, deal, cash
// terms and expected volumes, and the segments that feed them with leads.
import { observer } from 'mobx-react-lite';
import { useRef, type KeyboardEvent } from 'react';
import { useStores, useT } from '../../stores/context';
import type { FunnelsTab } from '../../stores/FunnelsStore';
import { CalibrateButton } from '../calibration/CalibrationDialog';
import { FunnelsPanel } from './FunnelsPanel';
import { SegmentsPanel } from './SegmentsPanel';
import '../../styles/editors.css';
import '../../styles/funnels.css';

const TABS: { id: FunnelsTab; label: 'funnels.tab.funnels' | 'funnels.tab.segments' }[] = [
  { id: 'funnels', label: 'funnels.tab.funnels' },
  { id: 'segments', label: 'funnels.tab.segments' },
];

export const FunnelsView = observer(function FunnelsView() {
  const { funnels } = useStores();
  const tr = useT();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes into the panel.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === funnels.tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const to = (next + TABS.length) % TABS.length;
    funnels.setTab(TABS[to]!.id);
    tabRefs.current[to]?.focus();
  };
  return (
    <div className="view funnels-view">
      <h1 className="view-title">{tr.t('nav.funnels')}</h1>
      <p className="lead">{tr.t('funnels.intro')}</p>
      <div className="cal-open">
        <CalibrateButton />
      </div>
      <div className="fx-tabs" role="tablist" aria-label={tr.t('funnels.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`funnels-tab-${tab.id}`}
            className="fx-tab"
            aria-selected={funnels.tab === tab.id}
            aria-controls={`funnels-panel-${tab.id}`}
            tabIndex={funnels.tab === tab.id ? 0 : -1}
            onClick={() => funnels.setTab(tab.id)}
          >
            {tr.t(tab.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`funnels-panel-${funnels.tab}`} aria-labelledby={`funnels-tab-${funnels.tab}`} className="fx-tab-panel">
        {funnels.tab === 'funnels' ? <FunnelsPanel /> : <SegmentsPanel />}
      </div>
    </div>
  );
});
