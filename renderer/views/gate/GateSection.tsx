// One phase's gate: its overall verdict and each exit check with its status
// (in words as well as colour), the evidence, a way to what needs fixing,
// and the check's edit and delete; a form to add a check. Used by the Gate
// screen (every phase) and by a phase's details on the Phases screen.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { CheckEvaluation, GateStatus } from '../../../shared/plan/gate';
import type { Phase } from '../../../shared/plan/types';
import { DeleteButton } from '../../components/DeleteButton';
import { useStores, useT } from '../../stores/context';
import type { RootStore } from '../../stores/RootStore';
import { openCustomersOfPhase, openGoalsOf } from '../phases/links';
import { CheckEditor } from './CheckEditor';
import { gateCheckText, gateEvidenceText } from '../../../shared/report/gate-text';
import { checkRowOf } from './gateText';
import '../../styles/gate.css';

const ICON: Record<GateStatus, string> = { pass: '✓', atRisk: '!', fail: '✗', notSimulated: '?' };

export function StatusBadge({ status }: { status: GateStatus | null }) {
  const tr = useT();
  if (status === null) return <span className="gate-badge gate-none">{tr.t('gate.noChecks')}</span>;
  return (
    <span className={`gate-badge gate-${status}`}>
      <span aria-hidden="true">{ICON[status]} </span>
      {tr.t(`gate.status.${status}`)}
    </span>
  );
}

/** Where to go to fix what the check measures. */
function fixLink(e: CheckEvaluation, phase: Phase, root: RootStore): { label: 'gate.fix.simulate' | 'gate.fix.targets' | 'gate.fix.customers' | 'gate.fix.goals'; go: () => void } {
  switch (e.check.kind) {
    case 'target':
      if (e.status === 'notSimulated' && e.why !== 'missingTarget')
        return { label: 'gate.fix.simulate', go: () => (window.location.hash = '#/simulation') };
      return { label: 'gate.fix.targets', go: () => openGoalsOf(root.planning, phase.id) };
    case 'coverage':
    case 'relationship':
      return { label: 'gate.fix.customers', go: () => openCustomersOfPhase(root, phase.id) };
    case 'goals':
      return { label: 'gate.fix.goals', go: () => openGoalsOf(root.planning, phase.id) };
  }
}

const CheckRow = observer(function CheckRow({ phase, e, index }: { phase: Phase; e: CheckEvaluation; index: number }) {
  const root = useStores();
  const { plan, gate } = root;
  const tr = useT();
  const [editing, setEditing] = useState(false);
  const row = checkRowOf(e, plan);
  const what = gateCheckText(row, plan.settings?.currency ?? '', tr);
  const fix = fixLink(e, phase, root);
  if (editing)
    return (
      <li className="gate-check is-editing">
        <CheckEditor phase={phase} check={e.check} onSave={(c) => gate.replaceCheck(phase, index, c)} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className={`gate-check gate-check-${e.status}`}>
      <div className="gate-check-head">
        <StatusBadge status={e.status} />
        <span className="gate-check-what">{what}</span>
      </div>
      {e.check.note && <p className="gate-note muted">{e.check.note}</p>}
      <p className="gate-evidence">{gateEvidenceText(row, tr)}</p>
      <div className="gate-check-actions">
        {e.status !== 'pass' && (
          <button type="button" className="button button-small" onClick={fix.go}>
            {tr.t(fix.label)}
          </button>
        )}
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label={tr.t('gate.editCheck', { number: index + 1 })}
          onClick={() => setEditing(true)}
        >
          {tr.t('gate.edit')}
        </button>
        <DeleteButton
          className="button button-small button-danger-quiet"
          label={tr.t('planning.delete')}
          ariaLabel={tr.t('gate.deleteCheck', { number: index + 1 })}
          title={tr.t('gate.deleteTitle')}
          question={tr.t('gate.deleteQuestion', { check: what })}
          confirmLabel={tr.t('planning.delete')}
          onDelete={() => gate.removeCheck(phase, index)}
        />
      </div>
    </li>
  );
});

export const GateSection = observer(function GateSection({ phase, headingLevel = 3 }: { phase: Phase; headingLevel?: 2 | 3 }) {
  const { gate } = useStores();
  const tr = useT();
  const [adding, setAdding] = useState(false);
  const result = gate.gates.get(phase.id);
  const checks = result?.checks ?? [];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `gate-${phase.id}`;
  return (
    <section className="gate-section" aria-labelledby={headingId} data-phase={phase.id}>
      <div className="gate-section-head">
        <Heading id={headingId} className={headingLevel === 2 ? 'card-title' : 'details-heading'}>
          {headingLevel === 2 ? tr.t('gate.phaseTitle', { name: phase.name }) : tr.t('gate.title')}
        </Heading>
        <StatusBadge status={result?.status ?? null} />
      </div>
      {checks.length === 0 && <p className="muted">{tr.t('gate.noChecksHelp')}</p>}
      <ol className="gate-checks-list">
        {checks.map((e, i) => (
          <CheckRow key={`${i}-${e.check.kind}`} phase={phase} e={e} index={i} />
        ))}
      </ol>
      {adding ? (
        <CheckEditor phase={phase} check={null} onSave={(c) => gate.addCheck(phase, c)} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button-small" onClick={() => setAdding(true)}>
          {tr.t('gate.addCheck')}
        </button>
      )}
    </section>
  );
});
