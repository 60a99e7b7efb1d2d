// Search and filters above the grid (text, tier, segment, breakthrough
// phase, owner in any iron-triangle role, status, behind the account
// ladder's plan), grouping, and the chips
// that show every active filter — including those set from the charts — each
// removable on its own.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatMoney } from '../../../../shared/i18n';
import { CUSTOMER_STATUSES, TIERS } from '../../../../shared/plan/types';
import { useStores, useT } from '../../../stores/context';
import { GROUP_BYS, NO_PHASE, type CustomerFilter } from '../../../stores/customers/rows';
import { formatReadiness } from './cells';
import { isGroupBy, isStatus, isTier } from './filterValues';
import { LabelledSelect } from '../../../components/LabelledSelect';

const GROUP_LABEL = {
  none: 'customers.group.none',
  tier: 'customers.col.tier',
  phase: 'customers.col.phase',
  segment: 'customers.col.segment',
} as const;

const single = (values: readonly string[]) => (values.length === 1 ? values[0]! : '');

export const FilterBar = observer(function FilterBar() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const f = view.filter;
  const searchId = useId();
  const behindId = useId();
  const currentPhase = view.currentPhaseId === null ? undefined : view.names.phases.get(view.currentPhaseId);
  const all = <option value="">{tr.t('customers.filter.all')}</option>;
  return (
    <div className="cf-bar">
      <div className="cf-field cf-search">
        <label htmlFor={searchId} className="cf-label">
          {tr.t('customers.search.label')}
        </label>
        <input
          id={searchId}
          type="search"
          className="text-input"
          placeholder={tr.t('customers.search.placeholder')}
          value={f.text}
          onChange={(e) => view.setFilter({ text: e.target.value })}
        />
      </div>
      <LabelledSelect layout="bar" label={tr.t('customers.col.tier')} value={single(f.tiers)} onChange={(v) => view.setFilter({ tiers: isTier(v) ? [v] : [] })}>
        {all}
        {TIERS.map((t) => (
          <option key={t} value={t}>
            {tr.t(`tier.${t}`)}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect layout="bar" label={tr.t('customers.col.segment')} value={single(f.segments)} onChange={(v) => view.setFilter({ segments: v ? [v] : [] })}>
        {all}
        {plan.collections.segments.plainList.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect layout="bar"
        label={tr.t('customers.col.phase')}
        value={f.phases.length === 1 ? `p:${f.phases[0]}` : ''}
        onChange={(v) => view.setFilter({ phases: v ? [v.slice(2)] : [] })}
      >
        {all}
        {plan.collections.phases.plainList.map((p) => (
          <option key={p.id} value={`p:${p.id}`}>
            {p.name}
          </option>
        ))}
        <option value={`p:${NO_PHASE}`}>{tr.t('customers.filter.noPhase')}</option>
      </LabelledSelect>
      <LabelledSelect layout="bar" label={tr.t('customers.filter.owner')} value={f.owner ?? ''} onChange={(v) => view.setFilter({ owner: v || null })}>
        <option value="">{tr.t('customers.filter.anyone')}</option>
        {plan.collections.people.plainList.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect layout="bar" label={tr.t('customers.col.status')} value={single(f.statuses)} onChange={(v) => view.setFilter({ statuses: isStatus(v) ? [v] : [] })}>
        {all}
        {CUSTOMER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {tr.t(`status.${s}`)}
          </option>
        ))}
      </LabelledSelect>
      <div className="cf-field cf-behind" title={tr.t('customers.filter.behindPlan.tip', { phase: currentPhase ?? tr.t('customers.filter.behindPlan.noPhase') })}>
        <label htmlFor={behindId} className="cf-check">
          <input
            id={behindId}
            type="checkbox"
            checked={f.behindPlan}
            aria-describedby={`${behindId}-tip`}
            onChange={(e) => view.setFilter({ behindPlan: e.target.checked })}
          />
          {tr.t('customers.filter.behindPlan')}
        </label>
        <span id={`${behindId}-tip`} className="visually-hidden">
          {tr.t('customers.filter.behindPlan.tip', { phase: currentPhase ?? tr.t('customers.filter.behindPlan.noPhase') })}
        </span>
      </div>
      <LabelledSelect layout="bar" label={tr.t('customers.group.label')} value={view.groupBy} onChange={(v) => isGroupBy(v) && view.setGroupBy(v)}>
        {GROUP_BYS.map((g) => (
          <option key={g} value={g}>
            {tr.t(GROUP_LABEL[g])}
          </option>
        ))}
      </LabelledSelect>
    </div>
  );
});

interface Chip {
  part: keyof CustomerFilter;
  label: string;
}

export const FilterChips = observer(function FilterChips() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  if (!view.hasFilter) return null;
  const f = view.filter;
  const names = view.names;
  const currency = plan.settings?.currency ?? '';
  const chip = (name: string, value: string) => tr.t('customers.chip', { name, value });
  const chips: Chip[] = [];
  if (f.text.trim()) chips.push({ part: 'text', label: chip(tr.t('customers.chip.text'), f.text.trim()) });
  if (f.tiers.length) chips.push({ part: 'tiers', label: chip(tr.t('customers.col.tier'), f.tiers.map((t) => tr.t(`tier.${t}`)).join(', ')) });
  if (f.segments.length)
    chips.push({ part: 'segments', label: chip(tr.t('customers.col.segment'), f.segments.map((s) => names.segments.get(s) ?? s).join(', ')) });
  if (f.phases.length)
    chips.push({
      part: 'phases',
      label: chip(
        tr.t('customers.col.phase'),
        f.phases.map((p) => (p === NO_PHASE ? tr.t('customers.filter.noPhase') : (names.phases.get(p) ?? p))).join(', '),
      ),
    });
  if (f.owner) chips.push({ part: 'owner', label: chip(tr.t('customers.filter.owner'), names.people.get(f.owner) ?? f.owner) });
  if (f.statuses.length) chips.push({ part: 'statuses', label: chip(tr.t('customers.col.status'), f.statuses.map((s) => tr.t(`status.${s}`)).join(', ')) });
  if (f.behindPlan) {
    const phase = view.currentPhaseId === null ? tr.t('customers.filter.behindPlan.noPhase') : (names.phases.get(view.currentPhaseId) ?? view.currentPhaseId);
    chips.push({ part: 'behindPlan', label: tr.t('customers.chip.behindPlan', { phase }) });
  }
  if (f.ids) chips.push({ part: 'ids', label: tr.tn('customers.chip.picked', f.ids.length) });
  if (f.readiness) {
    const r = (x: number) => formatReadiness(x, tr);
    chips.push({ part: 'readiness', label: chip(tr.t('customers.col.readiness'), tr.t('customers.chip.range', { min: r(f.readiness.min), max: r(f.readiness.max) })) });
  }
  if (f.potential) {
    const m = (x: number) => formatMoney(x, currency, tr.locale, { compact: true });
    chips.push({ part: 'potential', label: chip(tr.t('customers.col.potential'), tr.t('customers.chip.range', { min: m(f.potential.min), max: m(f.potential.max) })) });
  }
  return (
    <ul className="cf-chips" aria-label={tr.t('customers.filters.label')}>
      {chips.map((c) => (
        <li key={c.part} className="cf-chip">
          <span>{c.label}</span>
          <button
            type="button"
            className="cf-chip-remove"
            aria-label={tr.t('customers.chip.remove', { label: c.label })}
            onClick={() => view.clearFilter(c.part)}
          >
            ×
          </button>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <button type="button" className="button button-quiet cf-clear" onClick={() => view.clearFilter()}>
            {tr.t('customers.filter.clearAll')}
          </button>
        </li>
      )}
    </ul>
  );
});
