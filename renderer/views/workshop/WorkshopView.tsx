// Workshop mode: the plan on a projector, full screen, large type and high
// contrast, one step at a time (Plan → … → Decisions), each with a box to
// record a decision, moved with the step
// list, the buttons, or a clicker's PageUp / PageDown and the arrow keys
// (components/WorkshopShortcuts). No header: neither the file path nor the
// access token is ever on screen here. Leaving full screen leaves the mode.
import { observer } from 'mobx-react-lite';
import { useCallback, useEffect, useRef } from 'react';
import { ErrorPanel } from '../../components/ErrorPanel';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { UndoRedoButtons } from '../../components/UndoRedoButtons';
import { useStores, useT } from '../../stores/context';
import { WORKSHOP_STEPS } from '../../stores/workshop/WorkshopStore';
import { DecisionBox } from '../decisions/DecisionBox';
import { WorkshopStepContent } from './steps';
import '../../styles/workshop.css';

function useFullScreen(onLeft: () => void) {
  useEffect(() => {
    const root = document.documentElement;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) onLeft();
    };
    document.addEventListener('fullscreenchange', onChange);
    // Refused without a user gesture or in a frame: the mode still works in the window.
    root.requestFullscreen?.().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onLeft]);
}

const StepList = observer(function StepList() {
  const { workshop } = useStores();
  const tr = useT();
  return (
    <nav className="ws-steps" aria-label={tr.t('workshop.steps')}>
      <ol>
        {WORKSHOP_STEPS.map((s, i) => (
          <li key={s}>
            <button type="button" className="ws-step" aria-current={workshop.step === s ? 'step' : undefined} onClick={() => workshop.go(s)}>
              <span className="ws-step-n">{i + 1}</span> {tr.t(`workshop.step.${s}`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
});

export const WorkshopView = observer(function WorkshopView() {
  const { workshop, plan } = useStores();
  const tr = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const leave = useCallback(() => workshop.leave(), [workshop]);
  useFullScreen(leave);
  // A new step: focus its heading, so a screen reader says where the room is.
  useEffect(() => heading.current?.focus(), [workshop.step]);
  const i = workshop.index;
  return (
    <div className="workshop" data-step={workshop.step}>
      <header className="ws-bar">
        <span className="ws-plan-name">{plan.settings?.name}</span>
        <StepList />
        <div className="ws-bar-actions">
          <UndoRedoButtons />
          <LanguageSwitch />
          <button type="button" className="button" aria-keyshortcuts="Escape" onClick={() => workshop.leave()}>
            {tr.t('workshop.leave')}
          </button>
        </div>
      </header>
      <main className="ws-main" id="main">
        <ErrorPanel />
        <h1 ref={heading} tabIndex={-1} className="ws-title">
          {tr.t('workshop.stepOf', { n: i + 1, count: WORKSHOP_STEPS.length })} · {tr.t(`workshop.step.${workshop.step}`)}
        </h1>
        <WorkshopStepContent step={workshop.step} />
        {/* On every step: the room decides where it is looking. */}
        <DecisionBox />
      </main>
      <footer className="ws-foot">
        <button type="button" className="button ws-nav" disabled={i === 0} aria-keyshortcuts="PageUp ArrowLeft" onClick={() => workshop.previous()}>
          ← {tr.t('workshop.previous')}
        </button>
        <span className="ws-hint">{tr.t('workshop.keysHint')}</span>
        <button
          type="button"
          className="button button-primary ws-nav"
          disabled={i === WORKSHOP_STEPS.length - 1}
          aria-keyshortcuts="PageDown ArrowRight"
          onClick={() => workshop.next()}
        >
          {tr.t('workshop.next')} →
        </button>
      </footer>
    </div>
  );
});
