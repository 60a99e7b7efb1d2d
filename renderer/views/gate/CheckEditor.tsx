// The form for one exit check (add or edit): its kind, then what that kind
// measures — a target of the phase and the odds it needs; the tiers and
// iron-triangle roles to cover; a relationship layer and level; or the share
// of goals achieved — the threshold in percent, and an optional note.
import { observer } from 'mobx-react-lite';
import { useId, useState, type FormEvent } from 'react';
import {
  EXIT_CHECK_KINDS,
  OWNER_ROLES,
  RELATIONSHIP_LAYERS,
  TIERS,
  type ExitCheck,
  type ExitCheckKind,
  type OwnerRole,
  type Phase,
  type RelationshipLayer,
  type Tier,
} from '../../../shared/plan/types';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';
import type { WriteOutcome } from '../../stores/refusals';
import { targetLabel } from './gateText';

const NOTE_MAX = 500;

interface Draft {
  kind: ExitCheckKind;
  targetId: string;
  tiers: Tier[];
  roles: OwnerRole[];
  layer: RelationshipLayer;
  level: number;
  /** Threshold in percent, as typed. */
  percent: string;
  note: string;
}

function draftOf(check: ExitCheck | null, firstTargetId: string): Draft {
  const base: Draft = { kind: 'target', targetId: firstTargetId, tiers: ['S', 'A'], roles: [...OWNER_ROLES], layer: 'key', level: 3, percent: '80', note: '' };
  if (!check) return base;
  const percent = String(Math.round((check.kind === 'target' ? check.probability : check.share) * 1000) / 10);
  const common = { ...base, kind: check.kind, percent, note: check.note ?? '' };
  switch (check.kind) {
    case 'target':
      return { ...common, targetId: check.targetId };
    case 'coverage':
      return { ...common, tiers: [...check.tiers], roles: [...check.roles] };
    case 'relationship':
      return { ...common, layer: check.layer, level: check.level };
    case 'goals':
      return common;
  }
}

function toggle<T>(list: T[], item: T, order: readonly T[]): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : order.filter((x) => x === item || list.includes(x));
}

export const CheckEditor = observer(function CheckEditor(props: {
  phase: Phase;
  check: ExitCheck | null;
  onSave: (check: ExitCheck) => Promise<WriteOutcome>;
  onDone: () => void;
}) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const targets = plan.collections.targets.list.filter((t) => t.phaseId === props.phase.id);
  const [d, setD] = useState<Draft>(() => draftOf(props.check, targets[0]?.id ?? ''));
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => {
    setD({ ...d, ...patch });
    setProblem(null);
  };

  const build = (): ExitCheck | string => {
    const n = Number(d.percent.trim().replace('%', ''));
    if (d.percent.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) return tr.t('gate.editor.percentInvalid');
    if (d.note.length > NOTE_MAX) return tr.t('planning.text.tooLong', { max: NOTE_MAX });
    const value = n / 100;
    const note = d.note.trim() === '' ? {} : { note: d.note.trim() };
    switch (d.kind) {
      case 'target':
        if (!targets.some((t) => t.id === d.targetId)) return tr.t('gate.editor.noTarget');
        return { kind: 'target', targetId: d.targetId, probability: value, ...note };
      case 'coverage':
        if (d.tiers.length === 0 || d.roles.length === 0) return tr.t('gate.editor.pickTiersRoles');
        return { kind: 'coverage', tiers: d.tiers, roles: d.roles, share: value, ...note };
      case 'relationship':
        return { kind: 'relationship', layer: d.layer, level: d.level, share: value, ...note };
      case 'goals':
        return { kind: 'goals', share: value, ...note };
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = build();
    if (typeof check === 'string') return setProblem(check);
    const refusal = await props.onSave(check);
    if (refusal) setProblem(refusal);
    else props.onDone();
  };

  const thresholdLabel = d.kind === 'target' ? tr.t('gate.editor.probability') : tr.t('gate.editor.share');
  return (
    <form className="gate-editor" onSubmit={submit} aria-label={props.check ? tr.t('gate.editor.editTitle') : tr.t('gate.editor.addTitle')}>
      <div className="gate-editor-fields">
        <label className="gate-field">
          <span>{tr.t('gate.editor.kind')}</span>
          <select className="select-input" value={d.kind} onChange={(e) => set({ kind: e.target.value as ExitCheckKind })}>
            {EXIT_CHECK_KINDS.map((k) => (
              <option key={k} value={k}>
                {tr.t(`gate.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {d.kind === 'target' && (
          <label className="gate-field">
            <span>{tr.t('gate.editor.target')}</span>
            <select className="select-input" value={d.targetId} onChange={(e) => set({ targetId: e.target.value })}>
              {targets.length === 0 && <option value="">{tr.t('gate.editor.noTargets')}</option>}
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {targetLabel(t, tr, plan)}
                </option>
              ))}
            </select>
          </label>
        )}
        {d.kind === 'coverage' && (
          <>
            <fieldset className="gate-field gate-checks">
              <legend>{tr.t('gate.editor.tiers')}</legend>
              {TIERS.map((t) => (
                <label key={t}>
                  <input type="checkbox" checked={d.tiers.includes(t)} onChange={() => set({ tiers: toggle(d.tiers, t, TIERS) })} /> {t}
                </label>
              ))}
            </fieldset>
            <fieldset className="gate-field gate-checks">
              <legend>{tr.t('gate.editor.roles')}</legend>
              {OWNER_ROLES.map((r) => (
                <label key={r} title={tr.t(`role.${r}`)}>
                  <input type="checkbox" checked={d.roles.includes(r)} onChange={() => set({ roles: toggle(d.roles, r, OWNER_ROLES) })} /> {r}
                </label>
              ))}
            </fieldset>
          </>
        )}
        {d.kind === 'relationship' && (
          <>
            <label className="gate-field">
              <span>{tr.t('gate.editor.layer')}</span>
              <select className="select-input" value={d.layer} onChange={(e) => set({ layer: e.target.value as RelationshipLayer })}>
                {RELATIONSHIP_LAYERS.map((l) => (
                  <option key={l} value={l}>
                    {tr.t(`layer.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="gate-field">
              <span>{tr.t('gate.editor.level')}</span>
              <select className="select-input" value={d.level} onChange={(e) => set({ level: Number(e.target.value) })}>
                {[0, 1, 2, 3, 4].map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="gate-field">
          <span>{thresholdLabel}</span>
          <span className="gate-percent">
            <input className="text-input" inputMode="decimal" value={d.percent} onChange={(e) => set({ percent: e.target.value })} /> %
          </span>
        </label>
        <label className="gate-field gate-note">
          <span>{tr.t('gate.editor.note')}</span>
          <input id={`${id}-note`} className="text-input" value={d.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
      </div>
      <Refusal reason={problem} />
      <div className="gate-editor-actions">
        <button type="submit" className="button button-primary">
          {tr.t('gate.editor.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onDone}>
          {tr.t('dialog.cancel')}
        </button>
      </div>
    </form>
  );
});
