// Performance targets as a grid of metric × phase (role=grid): arrow keys,
// Home/End and Ctrl+Home/End move between cells; Enter or F2 edits; typing
// a digit starts editing with it; Delete or Backspace clears the cell (the
// target is deleted); Esc cancels. A value typed into an empty cell creates
// the target with a generated id.
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatMonthRange } from '../../../shared/i18n';
import { TARGET_METRICS, type Phase, type Target, type TargetMetric } from '../../../shared/plan/types';
import { cellKey } from '../../stores/PlanningStore';
import { explainParseProblem } from '../../stores/planning/explain';
import { TARGET_KIND } from '../../../shared/plan/value-kinds';
import { parseValue, type TargetScope } from '../../stores/planning/values';
import { useStores, useT } from '../../stores/context';
import { startText, TargetCell } from './TargetCell';
import { Refusal } from '../../components/Refusal';

interface Pos {
  row: number;
  col: number;
}

export const TargetsGrid = observer(function TargetsGrid() {
  const { planning, goals } = useStores();
  const tr = useT();
  const phases = planning.phasesByDate;
  const cells = planning.targetCells;
  const [active, setActive] = useState<Pos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<(Pos & { text: string }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const targetsAt = (metric: TargetMetric, phase: Phase): Target[] => cells.get(cellKey(phase.id, metric)) ?? [];
  const cellAt = (pos: Pos) => table.current?.querySelector<HTMLElement>(`[data-cell="${pos.row}-${pos.col}"]`);
  // Cells with tabIndex -1 take focus from script, so this moves at once and
  // the next key press already reaches the new cell.
  const focusCell = (pos: Pos) => {
    setActive(pos);
    cellAt(pos)?.focus();
  };
  // After an edit closes: back to its cell, unless the user already went
  // elsewhere (clicked another cell, tabbed away). Runs once the editor has
  // really left the page, so the check sees where focus ended up.
  const restoreTo = useRef<Pos | null>(null);
  useEffect(() => {
    const pos = restoreTo.current;
    if (editing !== null || !pos) return;
    restoreTo.current = null;
    const now = document.activeElement;
    if (!now || now === document.body) cellAt(pos)?.focus();
  });
  const restoreFocus = (pos: Pos) => {
    restoreTo.current = pos;
  };
  const startEdit = (pos: Pos) => {
    setMessage(null);
    setActive(pos);
    setEditing({ ...pos, text: startText(targetsAt(TARGET_METRICS[pos.row]!, phases[pos.col]!), TARGET_METRICS[pos.row]!) });
  };

  /** Saves the cell; false keeps the editor open (the text is not a value). */
  const save = async (metric: TargetMetric, phase: Phase, text: string, ownerId: string | null, scope?: TargetScope): Promise<boolean> => {
    const parsed = text.trim() === '' ? null : parseValue(TARGET_KIND[metric], text);
    if (parsed && !parsed.ok) {
      setMessage(tr.t('planning.targets.refused', { ...whereParts(metric, phase), reason: explainParseProblem(parsed.problem, text, tr) }));
      return false;
    }
    // A refusal: the stored value shows again; the reason stays under the grid.
    const refusal = await goals.setTarget(metric, phase, parsed ? parsed.value : null, ownerId, scope);
    if (refusal) setMessage(refusal);
    return true;
  };
  const whereParts = (metric: TargetMetric, phase: Phase) => ({ metric: tr.t(`metric.${metric}`), phase: phase.name });

  const onKeyDown = (pos: Pos) => (e: KeyboardEvent<HTMLTableCellElement>) => {
    const lastRow = TARGET_METRICS.length - 1;
    const lastCol = phases.length - 1;
    const move = (row: number, col: number) => {
      e.preventDefault();
      focusCell({ row: Math.max(0, Math.min(lastRow, row)), col: Math.max(0, Math.min(lastCol, col)) });
    };
    const metric = TARGET_METRICS[pos.row]!;
    const phase = phases[pos.col]!;
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowUp':
        return move(pos.row - 1, pos.col);
      case 'ArrowDown':
        return move(pos.row + 1, pos.col);
      case 'ArrowLeft':
        return move(pos.row, pos.col - 1);
      case 'ArrowRight':
        return move(pos.row, pos.col + 1);
      case 'Home':
        return move(ctrl ? 0 : pos.row, 0);
      case 'End':
        return move(ctrl ? lastRow : pos.row, lastCol);
      case 'Enter':
      case 'F2':
        e.preventDefault();
        return startEdit(pos);
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        setMessage(null);
        void save(metric, phase, '', null);
        return;
      default:
        if (!ctrl && !e.altKey && /^[0-9.]$/.test(e.key)) {
          e.preventDefault();
          setMessage(null);
          setActive(pos);
          setEditing({ ...pos, text: e.key });
        }
    }
  };

  if (phases.length === 0) return <p className="muted">{tr.t('planning.phase.none')}</p>;
  return (
    <>
      <p id="targets-help" className="muted table-note">
        {tr.t('planning.targets.help')}
      </p>
      <div className="table-scroll">
        <table ref={table} role="grid" className="table targets-grid" aria-labelledby="targets-title" aria-describedby="targets-help">
          <thead>
            <tr role="row">
              <th role="columnheader" scope="col">
                {tr.t('planning.targets.metric')}
              </th>
              {phases.map((p, i) => (
                <th key={p.id} role="columnheader" scope="col" className="num">
                  {i + 1}. {p.name}
                  <span className="column-months">{formatMonthRange(p.start, p.end, tr.locale)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TARGET_METRICS.map((metric, row) => (
              <tr key={metric} role="row">
                <th role="rowheader" scope="row">
                  {tr.t(`metric.${metric}`)}
                </th>
                {phases.map((phase, col) => {
                  const isEditing = editing?.row === row && editing.col === col;
                  return (
                    <TargetCell
                      key={phase.id}
                      row={row}
                      col={col}
                      metric={metric}
                      phase={phase}
                      targets={targetsAt(metric, phase)}
                      active={active.row === row && active.col === col}
                      editing={isEditing ? editing.text : null}
                      onFocusCell={() => setActive({ row, col })}
                      onKeyDown={onKeyDown({ row, col })}
                      onStartEdit={() => startEdit({ row, col })}
                      onCancel={() => {
                        restoreFocus({ row, col });
                        setEditing(null);
                      }}
                      onCommit={async (text, ownerId, scope) => {
                        const ok = await save(metric, phase, text, ownerId, scope);
                        if (ok) {
                          restoreFocus({ row, col });
                          setEditing(null);
                        }
                        return ok;
                      }}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Refusal reason={message} />
    </>
  );
});
