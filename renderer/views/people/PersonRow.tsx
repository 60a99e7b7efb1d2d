// One person in the load table: name and role (editable), the customers they
// own per iron-triangle role and per breakthrough phase, their customer limit
// (editable; empty = the role's default) with the overload flag next to the
// total — in words as well as colour (a link to those customers) — the
// funnel stages they own, and their goals and targets.
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { MAX_CUSTOMER_LIMIT } from '../../../shared/api/methods/team';
import { formatNumber } from '../../../shared/i18n';
import { NAME_MAX } from '../../../shared/plan/schema';
import { OWNER_ROLES, ROLES, type Phase, type Role } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { DeleteButton } from '../../components/DeleteButton';
import { Refusal } from '../../components/Refusal';
import { NO_PHASE, type PersonLoad } from '../../stores/planning/load';
import { useStores, useT } from '../../stores/context';
import { openCustomersOfPerson } from '../phases/links';

export const PersonRow = observer(function PersonRow({ load, phases }: { load: PersonLoad; phases: readonly Phase[] }) {
  const root = useStores();
  const { people } = root;
  const tr = useT();
  const locale = tr.locale;
  const [roleRefusal, setRoleRefusal] = useState<string | null>(null);
  const [limitRefusal, setLimitRefusal] = useState<string | null>(null);
  const person = load.person;
  const name = person.name;
  const num = (n: number) => (n === 0 ? <span className="zero">0</span> : formatNumber(n, locale));
  return (
    <tr className={load.overloaded ? 'is-overloaded' : undefined}>
      <th scope="row" className="person-name-cell">
        <CommitText
          label={tr.t('planning.person.nameOf', { name })}
          hideLabel
          value={name}
          validate={(t) =>
            t.trim() === '' ? tr.t('planning.name.empty') : t.trim().length > NAME_MAX ? tr.t('planning.name.tooLong', { max: NAME_MAX }) : null
          }
          onCommit={(t) => people.updatePerson(person, { name: t.trim() })}
        />
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${person.id}`}>
          {tr.t('planning.person.roleOf', { name })}
        </label>
        <select
          id={`role-${person.id}`}
          className="select-input"
          value={person.role}
          aria-describedby={roleRefusal ? `role-msg-${person.id}` : undefined}
          onChange={async (e) => setRoleRefusal(await people.updatePerson(person, { role: e.target.value as Role }))}
        >
          {ROLES.map((r) => (
            <option key={r} value={r} title={tr.t(`role.${r}`)}>
              {tr.t(`planning.roleShort.${r}`)}
            </option>
          ))}
        </select>
        <Refusal reason={roleRefusal} id={`role-msg-${person.id}`} inline />
      </td>
      <td className="owned-stages">
        {load.stages.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="plain-list" aria-label={tr.t('planning.person.stagesOf', { name })}>
            {load.stages.map((s) => (
              <li key={`${s.funnelId}/${s.stageKey}`}>{tr.t('planning.person.stage', { funnel: s.funnelName, stage: s.stageName })}</li>
            ))}
          </ul>
        )}
      </td>
      {OWNER_ROLES.map((r) => (
        <td key={r} className="num">
          {num(load.byRole[r])}
        </td>
      ))}
      {phases.map((p) => (
        <td key={p.id} className="num">
          {num(load.byPhase[p.id] ?? 0)}
        </td>
      ))}
      <td className="num">{num(load.byPhase[NO_PHASE] ?? 0)}</td>
      <td className="num total-cell">
        {load.customers === 0 ? (
          num(0)
        ) : (
          <button
            type="button"
            className="link-button"
            aria-label={tr.t('planning.person.showCustomers', { name })}
            title={tr.t('planning.person.showCustomers', { name })}
            onClick={() => openCustomersOfPerson(root, person.id)}
          >
            {formatNumber(load.customers, locale)}
          </button>
        )}
        {load.overloaded && (
          <span className="overload-flag">
            <span aria-hidden="true">⚠ </span>
            {tr.t('planning.person.overloaded')}
          </span>
        )}
      </td>
      <td className="limit-cell">
        <CommitText
          label={tr.t('planning.person.limitOf', { name })}
          hideLabel
          inputMode="numeric"
          value={String(load.limit)}
          validate={(t) => {
            if (t.trim() === '') return null;
            const n = Number(t.trim());
            return Number.isInteger(n) && n >= 0 && n <= MAX_CUSTOMER_LIMIT ? null : tr.t('planning.person.limitInvalid', { max: MAX_CUSTOMER_LIMIT });
          }}
          onCommit={(t) => people.setCustomerLimit(person, t.trim() === '' ? null : Number(t.trim()))}
        />
        <span className="limit-source">
          {load.ownLimit ? (
            <button
              type="button"
              className="link-button"
              aria-label={tr.t('planning.person.resetLimitOf', { name })}
              onClick={async () => setLimitRefusal(await people.setCustomerLimit(person, null))}
            >
              {tr.t('planning.person.resetLimit')}
            </button>
          ) : (
            tr.t('planning.person.defaultLimit')
          )}
        </span>
        <Refusal reason={limitRefusal} inline />
      </td>
      <td className="num">{num(load.goals)}</td>
      <td className="num">{num(load.targets)}</td>
      <td>
        <div className="row-actions">
          <DeleteButton
            className="button button-small button-danger-quiet"
            label={tr.t('planning.delete')}
            ariaLabel={tr.t('planning.person.deleteOf', { name })}
            title={tr.t('planning.person.deleteTitle')}
            question={tr.t('planning.person.deleteQuestion', { name })}
            confirmLabel={tr.t('planning.delete')}
            onDelete={() => people.deletePerson(person)}
            whenRefused={() =>
              load.customers > 0 && (
                <p className="refusal-links">
                  <button type="button" className="button" onClick={() => openCustomersOfPerson(root, person.id)}>
                    {tr.t('planning.person.showCustomers', { name })}
                  </button>
                </p>
              )
            }
          />
        </div>
      </td>
    </tr>
  );
});
