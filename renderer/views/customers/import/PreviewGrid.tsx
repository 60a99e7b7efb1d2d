// The rows as they will be imported: a keyboard grid (arrows, Home/End,
// PageUp/PageDown; Enter, F2 or a double-click edits a cell, Enter saves,
// Escape cancels; Space toggles "include"), virtualised so 5,000 rows stay
// smooth. Every invalid cell is marked (aria-invalid) and described
// (aria-describedby, title, and the line under the grid when focused).
import { useVirtualizer } from '@tanstack/react-virtual';
import { observer } from 'mobx-react-lite';
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CellProblem, ImportField, RowOutcome } from '../../../../shared/import';
import type { Translator } from '../../../../shared/i18n';
import { useT } from '../../../stores/context';
import type { CustomerImportSession } from '../../../stores/customerImport/CustomerImportSession';
import { fieldLabel, problemText } from './labels';

const ROW_HEIGHT = 32;
/** Grid columns before the data columns: include, row number, state. */
const LEAD = 3;

export interface FocusRequest {
  row: number;
  column: number | null;
  seq: number;
}

interface Cell {
  row: number; // index into visibleRows
  col: number; // grid column
}

function rowState(row: RowOutcome): 'excluded' | 'skip' | 'errors' | 'create' | 'update' {
  if (row.excluded) return 'excluded';
  if (row.op === 'skip') return 'skip';
  if (row.problems.some((p) => p.severity === 'error')) return 'errors';
  return row.op;
}

function defaultText(tr: Translator, session: CustomerImportSession, field: ImportField): string {
  const d = session.defaults;
  switch (field) {
    case 'segment':
      return session.segments.find((s) => s.id === d.segmentId)?.name ?? '';
    case 'tier':
      return d.tier ? tr.t(`tier.${d.tier}`) : '';
    case 'status':
      return tr.t(`status.${d.status}`);
    case 'potential':
      return '0';
    default:
      return '';
  }
}

export const PreviewGrid = observer(function PreviewGrid(props: {
  session: CustomerImportSession;
  focusRequest: FocusRequest | null;
}) {
  const { session } = props;
  const tr = useT();
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Cell>({ row: 0, col: LEAD });
  const [editing, setEditing] = useState<Cell | null>(null);
  const [draft, setDraft] = useState('');
  const wantFocus = useRef(false);
  const editEnded = useRef(false);

  const summary = session.summary;
  const visible = session.visibleRows;
  const columns = session.mappedColumns;
  const idMapped = columns.some((c) => c.field === 'id');
  const colCount = LEAD + (idMapped ? 0 : 1) + columns.length;
  const dataStart = LEAD + (idMapped ? 0 : 1);
  // Fixed widths: the header row and the absolutely placed body rows must line up.
  const template = `64px 64px 104px ${idMapped ? '' : '150px '}${columns.map(() => '160px').join(' ')}`;
  const width = 64 + 64 + 104 + (idMapped ? 0 : 150) + 160 * columns.length;
  const height = Math.min(340, ROW_HEIGHT * (visible.length + 1) + 4);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
  });

  const clamp = (c: Cell): Cell => ({
    row: Math.max(0, Math.min(visible.length - 1, c.row)),
    col: Math.max(0, Math.min(colCount - 1, c.col)),
  });
  const cur = clamp(active);

  const moveTo = (next: Cell) => {
    const c = clamp(next);
    wantFocus.current = true;
    setActive(c);
    virtualizer.scrollToIndex(c.row, { align: 'auto' });
  };

  // A problem chosen in the list below: show its cell and focus it. Only a new
  // request moves focus; the rows and columns are read as they are at that moment.
  const focusProblem = useEffectEvent((req: NonNullable<typeof props.focusRequest>) => {
    const row = visible.indexOf(req.row);
    if (row === -1) return;
    const k = req.column === null ? -1 : columns.findIndex((c) => c.column === req.column);
    moveTo({ row, col: k === -1 ? 2 : dataStart + k });
  });
  useEffect(() => {
    if (props.focusRequest) focusProblem(props.focusRequest);
  }, [props.focusRequest]);

  useEffect(() => {
    if (!wantFocus.current) return;
    const focus = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cur.row}:${cur.col}"]`);
      if (!el) return false;
      const target = el.querySelector<HTMLElement>('input') ?? el;
      target.focus({ preventScroll: true });
      wantFocus.current = false;
      return true;
    };
    if (!focus()) requestAnimationFrame(() => void focus());
  });

  const startEdit = (cell: Cell) => {
    const k = cell.col - dataStart;
    if (k < 0) return;
    setDraft(session.cellText(visible[cell.row]!, columns[k]!.column));
    editEnded.current = false;
    setEditing(cell);
  };
  const finishEdit = (save: boolean) => {
    // Enter or Escape ends the edit; the blur that follows must not end it again.
    if (!editing || editEnded.current) return;
    editEnded.current = true;
    if (save) session.fixCell(visible[editing.row]!, columns[editing.col - dataStart]!.column, draft);
    setEditing(null);
    wantFocus.current = true;
    setActive(editing);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1);
    const moves: Record<string, Cell> = {
      ArrowUp: { row: cur.row - 1, col: cur.col },
      ArrowDown: { row: cur.row + 1, col: cur.col },
      ArrowLeft: { row: cur.row, col: cur.col - 1 },
      ArrowRight: { row: cur.row, col: cur.col + 1 },
      PageUp: { row: cur.row - page, col: cur.col },
      PageDown: { row: cur.row + page, col: cur.col },
      Home: e.ctrlKey ? { row: 0, col: 0 } : { row: cur.row, col: 0 },
      End: e.ctrlKey ? { row: visible.length - 1, col: colCount - 1 } : { row: cur.row, col: colCount - 1 },
    };
    const next = moves[e.key];
    if (next) {
      e.preventDefault();
      moveTo(next);
    } else if ((e.key === 'Enter' || e.key === 'F2') && cur.col >= dataStart) {
      e.preventDefault();
      startEdit(cur);
    }
  };

  const messageId = (rowIndex: number, col: number) => `${id}-m-${rowIndex}-${col}`;
  // Descriptions live outside the grid (hidden), so a cell's name stays its value.
  const descriptions: { id: string; text: string }[] = [];
  const activeProblems = (() => {
    const rowIndex = visible[cur.row];
    if (rowIndex === undefined) return [];
    const row = summary.rows[rowIndex]!;
    if (cur.col === 2) return row.problems.filter((p) => p.column === null);
    const k = cur.col - dataStart;
    if (k < 0) return [];
    return row.problems.filter((p) => p.column === columns[k]!.column);
  })();

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        className="import-grid"
        style={{ height }}
        aria-label={tr.t('import.preview.gridLabel')}
        aria-rowcount={visible.length + 1}
        aria-colcount={colCount}
        aria-describedby={`${id}-hint`}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="import-grid-head" style={{ width }}>
          <div role="row" aria-rowindex={1} className="import-grid-row" style={{ gridTemplateColumns: template }}>
            <div role="columnheader">{tr.t('import.preview.include')}</div>
            <div role="columnheader">{tr.t('import.preview.line')}</div>
            <div role="columnheader">{tr.t('import.preview.rowState')}</div>
            {!idMapped && <div role="columnheader">{tr.t('import.field.id')}</div>}
            {columns.map((c) => (
              <div role="columnheader" key={c.column}>
                {fieldLabel(tr, c.field)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="import-grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
          {virtualizer.getVirtualItems().map((item) => {
            const rowIndex = visible[item.index]!;
            const row = summary.rows[rowIndex]!;
            const state = rowState(row);
            const cellProps = (col: number) => ({
              'data-cell': `${item.index}:${col}`,
              tabIndex: cur.row === item.index && cur.col === col ? 0 : -1,
              onFocus: () => setActive({ row: item.index, col }),
            });
            const problemsAt = (column: number | null) => row.problems.filter((p) => p.column === column);
            const described = (col: number, problems: CellProblem[]) => {
              if (problems.length === 0) return {};
              const invalid = problems.some((p) => p.severity === 'error');
              const text = problems.map((p) => problemText(tr, p)).join(' ');
              descriptions.push({ id: messageId(item.index, col), text });
              return { 'aria-invalid': invalid || undefined, 'aria-describedby': messageId(item.index, col), title: text };
            };
            const stateProblems = problemsAt(null);
            return (
              <div
                role="row"
                key={row.line}
                aria-rowindex={item.index + 2}
                className={`import-grid-row is-${state}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                <div role="gridcell" data-cell={`${item.index}:0`}>
                  <input
                    type="checkbox"
                    checked={!row.excluded}
                    aria-label={tr.t('import.preview.includeRow', { line: row.line })}
                    tabIndex={cur.row === item.index && cur.col === 0 ? 0 : -1}
                    onFocus={() => setActive({ row: item.index, col: 0 })}
                    onChange={(e) => session.setExcluded(row.line, !e.target.checked)}
                  />
                </div>
                <div role="rowheader" {...cellProps(1)}>
                  {row.line}
                </div>
                <div role="gridcell" {...cellProps(2)} {...described(2, stateProblems)} className="import-state">
                  {tr.t(`import.row.${state}`)}
                </div>
                {!idMapped && (
                  <div role="gridcell" {...cellProps(3)} className="import-muted-cell">
                    {row.customer?.id ?? ''}
                    {row.generatedId && <span className="import-tag">{tr.t('import.preview.generated')}</span>}
                  </div>
                )}
                {columns.map((c, k) => {
                  const col = dataStart + k;
                  const problems = problemsAt(c.column);
                  const isEditing = editing?.row === item.index && editing.col === col;
                  const text = session.cellText(rowIndex, c.column);
                  const isDefault = text.trim() === '' && row.defaulted.includes(c.field);
                  const generated = text.trim() === '' && c.field === 'id' ? row.generatedId : null;
                  const notes = problems.length > 0 && problems.every((p) => p.severity === 'note');
                  return (
                    <div
                      role="gridcell"
                      key={c.column}
                      {...cellProps(col)}
                      {...described(col, problems)}
                      className={problems.length === 0 ? undefined : notes ? 'has-note' : 'is-invalid'}
                      onDoubleClick={() => startEdit({ row: item.index, col })}
                    >
                      {isEditing ? (
                        <input
                          className="import-cell-input"
                          autoFocus
                          aria-label={tr.t('import.preview.editLabel', { field: fieldLabel(tr, c.field), line: row.line })}
                          value={draft}
                          onChange={(e) => setDraft(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              finishEdit(true);
                            } else if (e.key === 'Escape') {
                              e.preventDefault();
                              e.stopPropagation(); // not the dialog's Escape
                              finishEdit(false);
                            }
                          }}
                          onBlur={() => finishEdit(true)}
                        />
                      ) : generated ? (
                        <span className="import-muted-cell">
                          {generated}
                          <span className="import-tag">{tr.t('import.preview.generated')}</span>
                        </span>
                      ) : isDefault ? (
                        <span className="import-muted-cell">
                          {defaultText(tr, session, c.field)}
                          <span className="import-tag">{tr.t('import.preview.default')}</span>
                        </span>
                      ) : (
                        <span className="import-cell-text">{text}</span>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <div hidden>
        {descriptions.map((d) => (
          <span key={d.id} id={d.id}>
            {d.text}
          </span>
        ))}
      </div>
      <p id={`${id}-hint`} className="muted import-hint">
        {tr.t('import.preview.editHint')}
      </p>
      <p className="import-active-message" aria-live="polite">
        {activeProblems.map((p) => problemText(tr, p)).join(' ')}
      </p>
    </>
  );
});
