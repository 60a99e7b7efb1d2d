// One uncertain value — a fixed number or a triangular {min, mode, max} —
// edited in place. The user types in display units (a conversion as "45" %),
// sees problems next to the inputs as they type, and the value is committed
// when focus leaves the group or on Enter; Esc puts the stored value back.
// When the store refuses the commit (onCommit returns the reason), the
// stored value comes back and the reason stays next to the field.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { formatMoney, formatNumber, formatPercent, type Translator } from '../../shared/i18n';
import { rangeMean } from '../../shared/plan/range';
import type { Range } from '../../shared/plan/types';
import { useT } from '../stores/context';
import {
  draftOf,
  invalidFields,
  parseDraft,
  sameRange,
  withShape,
  type DraftField,
  type RangeDraft,
  type RangeProblem,
  type RangeShape,
  type RangeUnit,
} from './rangeDraft';
import '../styles/fields.css';

/** What a commit answers: nothing when it was stored, the reason when it was refused. */
export type CommitOutcome = string | null | undefined | void;

export interface RangeInputProps {
  /** The legend: what the value is ("Conversion rate — Manage leads"). */
  label: string;
  /** Keep the legend for assistive technology only (a column header already says it). */
  hideLegend?: boolean;
  value: Range;
  unit: RangeUnit;
  /** The plan currency, for money. */
  currency?: string;
  /** Shown after the inputs instead of the unit's own ("leads / month"). */
  suffix?: string;
  onCommit: (value: Range) => Promise<CommitOutcome> | CommitOutcome;
  disabled?: boolean;
}

export const RangeInput = observer(function RangeInput(props: RangeInputProps) {
  const tr = useT();
  const { value, unit } = props;
  const [draft, setDraft] = useState<RangeDraft>(() => draftOf(value, unit));
  const [attempted, setAttempted] = useState(false);
  const [rejection, setRejection] = useState<string | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const committing = useRef(false);
  const uid = useId();
  const messageId = `${uid}-msg`;

  // A new stored value (this commit, another window, undo) replaces the draft.
  const valueKey = JSON.stringify(value);
  useEffect(() => {
    setDraft(draftOf(latest.current, unit));
    setAttempted(false);
  }, [valueKey, unit]);

  const parsed = parseDraft(draft, unit);
  // "Enter a number" only once the user tried to commit: not while the field is being cleared to retype.
  const problems = parsed.ok ? [] : parsed.problems.filter((p) => attempted || p.code !== 'required');
  const invalid = invalidFields(problems);
  const messages = problems.map((p) => problemText(p, tr, unit));
  if (rejection) messages.push(rejection);
  const hasMessage = messages.length > 0;

  const revert = () => {
    setDraft(draftOf(latest.current, unit));
    setAttempted(false);
    setRejection(null);
  };

  const commit = async () => {
    if (committing.current) return;
    const result = parseDraft(draft, unit);
    setAttempted(true);
    if (!result.ok) return;
    if (sameRange(result.value, latest.current)) {
      setDraft(draftOf(latest.current, unit));
      setAttempted(false);
      return;
    }
    committing.current = true;
    try {
      const outcome = await props.onCommit(result.value);
      if (typeof outcome === 'string') {
        setDraft(draftOf(latest.current, unit));
        setRejection(outcome);
      } else {
        setRejection(null);
      }
      setAttempted(false);
    } finally {
      committing.current = false;
    }
  };

  const onBlur = (e: FocusEvent<HTMLFieldSetElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    void commit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape') {
      // Inside a dialog, the first Esc undoes the typing; only a second one closes it.
      if (!sameDraft(draft, draftOf(latest.current, unit)) || hasMessage) e.preventDefault();
      revert();
    }
  };
  const setField = (field: DraftField, text: string) => {
    setDraft((d) => ({ ...d, [field]: text }));
    setRejection(null);
  };
  const setShape = (shape: RangeShape) => {
    setDraft((d) => withShape(d, shape));
    setRejection(null);
  };

  const suffix = props.suffix ?? unitSuffix(unit, tr, props.currency);
  const fields: DraftField[] = draft.shape === 'fixed' ? ['fixed'] : ['min', 'mode', 'max'];
  return (
    <fieldset className="range-input" disabled={props.disabled} onBlur={onBlur}>
      <legend className={props.hideLegend ? 'visually-hidden' : 'range-legend'}>{props.label}</legend>
      <div className="range-shape">
        {(['fixed', 'range'] as const).map((shape) => (
          <label key={shape} className="range-shape-option">
            <input
              type="radio"
              name={`${uid}-shape`}
              value={shape}
              checked={draft.shape === shape}
              onChange={() => setShape(shape)}
            />
            {tr.t(shape === 'fixed' ? 'funnels.range.fixed' : 'funnels.range.range')}
          </label>
        ))}
      </div>
      <div className="range-fields">
        {fields.map((field) => (
          <label key={field} className="range-field">
            <span className="range-field-label">{fieldLabel(field, tr)}</span>
            <input
              className={unit === 'money' ? 'text-input range-number range-number-money' : 'text-input range-number'}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={draft[field]}
              aria-invalid={invalid.has(field) || undefined}
              aria-describedby={hasMessage ? messageId : undefined}
              onChange={(e) => setField(field, e.target.value)}
              onKeyDown={onKeyDown}
            />
          </label>
        ))}
        {suffix && <span className="range-suffix">{suffix}</span>}
      </div>
      {draft.shape === 'range' && parsed.ok && (
        <p className="range-mean">{tr.t('funnels.range.mean', { value: formatValue(rangeMean(parsed.value), unit, tr, props.currency) })}</p>
      )}
      <div id={messageId} className="range-message" aria-live="polite">
        {messages.map((m, i) => (
          <p key={i}>{m}</p>
        ))}
      </div>
    </fieldset>
  );
});

function sameDraft(a: RangeDraft, b: RangeDraft): boolean {
  if (a.shape !== b.shape) return false;
  return a.shape === 'fixed' ? a.fixed === b.fixed : a.min === b.min && a.mode === b.mode && a.max === b.max;
}

function fieldLabel(field: DraftField, tr: Translator): string {
  switch (field) {
    case 'fixed':
      return tr.t('funnels.range.value');
    case 'min':
      return tr.t('funnels.range.min');
    case 'mode':
      return tr.t('funnels.range.mode');
    case 'max':
      return tr.t('funnels.range.max');
    default: {
      const never: never = field;
      return never;
    }
  }
}

function unitSuffix(unit: RangeUnit, tr: Translator, currency: string | undefined): string {
  switch (unit) {
    case 'ratio':
    case 'percent':
      return '%';
    case 'days':
      return tr.t('funnels.range.days');
    case 'money':
      return currency ?? '';
    case 'count':
      return '';
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** A stored number as people read it: 0.45 → "45%", 900000 → "¥90万" (compact money). */
export function formatValue(stored: number, unit: RangeUnit, tr: Translator, currency?: string): string {
  switch (unit) {
    case 'ratio':
    case 'percent':
      return formatPercent(stored, tr.locale, 1);
    case 'days':
      return tr.t('funnels.range.daysValue', { days: formatNumber(stored, tr.locale, 1) });
    case 'money':
      return currency ? formatMoney(stored, currency, tr.locale, { compact: true }) : formatNumber(stored, tr.locale);
    case 'count':
      return formatNumber(stored, tr.locale, 1);
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** A Range as one short text: "45%" or "35% – 45% – 55%". */
export function formatRange(value: Range, unit: RangeUnit, tr: Translator, currency?: string): string {
  if (typeof value === 'number') return formatValue(value, unit, tr, currency);
  const f = (n: number) => formatValue(n, unit, tr, currency);
  return tr.t('funnels.range.triple', { min: f(value.min), mode: f(value.mode), max: f(value.max) });
}

export function problemText(p: RangeProblem, tr: Translator, unit: RangeUnit): string {
  const field = fieldLabel(p.fields[0]!, tr);
  const bound = (n: number) => (unit === 'ratio' || unit === 'percent' ? `${formatNumber(n, tr.locale)}%` : formatNumber(n, tr.locale));
  switch (p.code) {
    case 'required':
      return tr.t('funnels.range.err.required', { field });
    case 'notNumber':
      return tr.t('funnels.range.err.notNumber', { field, text: p.text });
    case 'belowLow':
      return tr.t('funnels.range.err.belowLow', { field, bound: bound(p.bound) });
    case 'aboveHigh':
      return tr.t('funnels.range.err.aboveHigh', { field, bound: bound(p.bound) });
    case 'order':
      return tr.t('funnels.range.err.order');
    default: {
      const never: never = p;
      return never;
    }
  }
}
