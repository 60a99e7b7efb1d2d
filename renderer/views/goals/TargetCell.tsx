// One cell of the targets grid: the value of one metric in one phase, and
// its owner and scope (every funnel, one funnel or one segment), flagged when
// an unscoped ratio or cycle target pools several funnels. Read mode shows
// the formatted value; edit mode shows a value field, an owner picker and a
// scope picker. Saving an empty value deletes the target; a
// value in an empty cell creates one.
import { observer } from 'mobx-react-lite';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Phase, Target, TargetMetric } from '../../../shared/plan/types';
import { PersonPicker } from '../../components/PersonPicker';
import { useStores, useT } from '../../stores/context';
import { formatFull, TARGET_KIND, targetValueText } from '../../../shared/plan/value-kinds';
import { editText, isPooledRatio, scopeFromKey, scopeKey, scopeOf, type TargetScope } from '../../stores/planning/values';

export interface CellProps {
  row: number;
  col: number;
  metric: TargetMetric;
  phase: Phase;
  targets: readonly Target[];
  active: boolean;
  /** Text to start editing with (a typed character), or null when not editing. */
  editing: string | null;
  onFocusCell: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableCellElement>) => void;
  onStartEdit: () => void;
  onCommit: (text: string, ownerId: string | null, scope: TargetScope) => Promise<boolean>;
  onCancel: () => void;
}

export const TargetCell = observer(function TargetCell(props: CellProps) {
  const { plan } = useStores();
  const tr = useT();
  const target = props.targets[0];
  const kind = TARGET_KIND[props.metric];
  const currency = plan.settings?.currency ?? '';
  const owner = target?.ownerId ? plan.collections.people.get(target.ownerId) : undefined;
  const where = { metric: tr.t(`metric.${props.metric}`), phase: props.phase.name };
  const funnels = plan.collections.funnels;
  const scope = target ? scopeOf(target) : null;
  const scopeName =
    scope === null
      ? null
      : 'funnelId' in scope
        ? (funnels.get(scope.funnelId)?.name ?? scope.funnelId)
        : tr.t('planning.targets.segmentScope', { name: plan.collections.segments.get(scope.segmentId)?.name ?? scope.segmentId });
  const pooled = target ? isPooledRatio(target, funnels.size) : false;
  return (
    <td
      role="gridcell"
      className={`target-cell${props.active ? ' is-active' : ''}${target ? '' : ' is-empty'}`}
      tabIndex={props.active && props.editing === null ? 0 : -1}
      data-cell={`${props.row}-${props.col}`}
      aria-readonly={false}
      onFocus={(e) => {
        if (e.target === e.currentTarget) props.onFocusCell();
      }}
      onClick={props.onFocusCell}
      onDoubleClick={props.onStartEdit}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget) props.onKeyDown(e);
      }}
    >
      {props.editing !== null ? (
        <Editor
          key="editor"
          initial={props.editing}
          ownerId={target?.ownerId ?? null}
          scope={scope}
          scopeLabel={tr.t('planning.targets.scopeOf', where)}
          valueLabel={tr.t('planning.targets.valueOf', where)}
          ownerLabel={tr.t('planning.targets.ownerOf', where)}
          onCommit={props.onCommit}
          onCancel={props.onCancel}
        />
      ) : target ? (
        <>
          <span className="target-value" title={formatFull(kind, target.value, currency, tr.locale)}>
            {targetValueText(props.metric, target.value, currency, tr)}
          </span>
          <span className="target-owner">{owner?.name ?? tr.t('planning.goal.noOwner')}</span>
          {scopeName && <span className="target-scope">{scopeName}</span>}
          {pooled && (
            <span className="target-pooled" title={tr.t('planning.targets.pooledHelp')}>
              <span aria-hidden="true">⚠ </span>
              {tr.t('planning.targets.pooled', { count: funnels.size })}
            </span>
          )}
          {props.targets.length > 1 && <span className="target-more">{tr.t('planning.targets.more', { count: props.targets.length - 1 })}</span>}
        </>
      ) : (
        <span className="target-empty">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{tr.t('planning.targets.empty')}</span>
        </span>
      )}
    </td>
  );
});

/** The text a cell's editor starts from when opened with Enter or F2. */
export function startText(targets: readonly Target[], metric: TargetMetric): string {
  const t = targets[0];
  return t ? editText(TARGET_KIND[metric], t.value) : '';
}

const Editor = observer(function Editor(props: {
  initial: string;
  ownerId: string | null;
  scope: TargetScope;
  scopeLabel: string;
  valueLabel: string;
  ownerLabel: string;
  onCommit: (text: string, ownerId: string | null, scope: TargetScope) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { plan } = useStores();
  const tr = useT();
  const [text, setText] = useState(props.initial);
  const [ownerId, setOwnerId] = useState(props.ownerId);
  const [scope, setScope] = useState(scopeKey(props.scope));
  const box = useRef<HTMLDivElement>(null);
  const done = useRef(false);
  const commit = async () => {
    if (done.current) return;
    done.current = true;
    if (!(await props.onCommit(text, ownerId, scopeFromKey(scope)))) done.current = false;
  };
  return (
    <div
      ref={box}
      className="target-editor"
      onKeyDown={(e) => {
        // Keys typed here edit the field; they must not move the grid.
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          props.onCancel();
        } else if (e.key === 'Enter') {
          e.preventDefault();
          void commit();
        }
      }}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) void commit();
      }}
    >
      <input
        className="text-input"
        aria-label={props.valueLabel}
        value={text}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setText(e.target.value)}
      />
      <PersonPicker label={props.ownerLabel} hideLabel value={ownerId} onChange={setOwnerId} />
      <select className="select-input" aria-label={props.scopeLabel} value={scope} onChange={(e) => setScope(e.target.value)}>
        <option value="">{tr.t('planning.targets.allFunnels')}</option>
        <optgroup label={tr.t('planning.targets.funnels')}>
          {plan.collections.funnels.list.map((f) => (
            <option key={f.id} value={`f:${f.id}`}>
              {f.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={tr.t('planning.targets.segments')}>
          {plan.collections.segments.list.map((sg) => (
            <option key={sg.id} value={`s:${sg.id}`}>
              {tr.t('planning.targets.segmentScope', { name: sg.name })}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
});
