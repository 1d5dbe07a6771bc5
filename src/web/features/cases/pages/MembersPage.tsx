/**
 * Who works on the case and with which rights: members (case role, victim contact) and the
 * agencies it is shared with. Only the case lead changes them; every change is audited.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { caseRoles } from '../../../../shared/contracts/index.ts';
import { UserLookupQuery } from '../../../../shared/contracts/cases.ts';
import { ApiError, api, get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useAgencies, useCase, useMembers, useShares } from '../api/hooks.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { serverError, zodErrors } from '../../../ui/forms.ts';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { SharesPanel } from '../components/SharesPanel.tsx';

function AddMember({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({ username: '', caseRole: 'member', victimContact: false });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = touched ? zodErrors(UserLookupQuery, { username: v.username }, t) : {};
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        setError(null);
        if (Object.keys(zodErrors(UserLookupQuery, { username: v.username }, t)).length) return;
        try {
          let user: { id: string };
          try {
            user = await get<{ id: string }>(`/api/users/lookup?username=${encodeURIComponent(v.username.trim())}`);
          } catch (err) {
            // Shown at the field: the name is wrong, not the whole request.
            if (err instanceof ApiError && err.status === 404)
              return setError(new ApiError(404, 'not_found', t('members.noSuchUser'), 'username'));
            throw err;
          }
          await api('POST', `/api/cases/${encodeURIComponent(caseId)}/members`, {
            userId: user.id,
            caseRole: v.caseRole,
            victimContact: v.victimContact,
          });
          setV({ username: '', caseRole: v.caseRole, victimContact: false });
          setTouched(false);
          await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
        } catch (err) {
          setError(err);
        }
      }}
    >
      <Field
        label={t('members.username')}
        error={errors['username'] ?? serverError(error, 'username') ?? serverError(error, 'userId')}
        required
      >
        {(p) => (
          <input
            {...p}
            value={v.username}
            onChange={(e) => setV({ ...v, username: e.target.value })}
            autoComplete="off"
          />
        )}
      </Field>
      <Field label={t('members.role')}>
        {(p) => (
          <select {...p} value={v.caseRole} onChange={(e) => setV({ ...v, caseRole: e.target.value })}>
            {caseRoles.map((r) => (
              <option key={r} value={r}>
                {t(`caseRole.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={v.victimContact}
          onChange={(e) => setV({ ...v, victimContact: e.target.checked })}
        />
        {t('members.victimContact')}
      </label>
      <button type="submit" className="btn primary">
        <Icon name="plus" />
        {t('members.add')}
      </button>
      {error && !serverError(error, 'username') && !serverError(error, 'userId') ? (
        <ErrorMessage error={error} />
      ) : null}
    </form>
  );
}

export function MembersPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  const f = useFormat();
  const qc = useQueryClient();
  const kase = useCase(caseId);
  const members = useMembers(caseId);
  const shares = useShares(caseId);
  const agencies = useAgencies();
  const [error, setError] = useState<unknown>(null);
  const manage = kase.data?.access?.canManage === true;
  const change = async (method: 'PATCH' | 'DELETE', userId: string, body?: unknown) => {
    setError(null);
    try {
      await api(method, `/api/cases/${encodeURIComponent(caseId)}/members/${encodeURIComponent(userId)}`, body);
      await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('members.title')}</h1>
      </header>
      <p className="muted">{manage ? t('members.introLead') : t('members.introReader')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('members.members')}</h2>
        {members.isPending ? (
          <Loading />
        ) : members.error ? (
          <ErrorMessage error={members.error} />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.username')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.victimContact')}</th>
                <th scope="col">{t('members.since')}</th>
                {manage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('evidence.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((m) => (
                <tr key={m.userId}>
                  <td>{m.displayName}</td>
                  <td className="mono">{m.username}</td>
                  <td>
                    {manage ? (
                      <select
                        aria-label={t('members.roleOf', { name: m.displayName })}
                        value={m.caseRole}
                        onChange={(e) => void change('PATCH', m.userId, { caseRole: e.target.value })}
                      >
                        {caseRoles.map((r) => (
                          <option key={r} value={r}>
                            {t(`caseRole.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`caseRole.${m.caseRole}`, { defaultValue: m.caseRole })
                    )}
                  </td>
                  <td>
                    {manage ? (
                      <input
                        type="checkbox"
                        aria-label={t('members.victimContactOf', { name: m.displayName })}
                        checked={m.victimContact}
                        onChange={(e) => void change('PATCH', m.userId, { victimContact: e.target.checked })}
                      />
                    ) : m.victimContact ? (
                      t('common.yes')
                    ) : (
                      t('common.no')
                    )}
                  </td>
                  <td>{f.date(m.addedAt)}</td>
                  {manage ? (
                    <td>
                      <button
                        type="button"
                        className="btn subtle small"
                        onClick={() =>
                          window.confirm(t('members.removeConfirm', { name: m.displayName })) &&
                          void change('DELETE', m.userId)
                        }
                      >
                        <Icon name="trash" />
                        {t('members.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {manage ? <AddMember caseId={caseId} /> : null}
      </section>
      <SharesPanel
        caseId={caseId}
        manage={manage}
        shares={shares.data?.shares ?? []}
        agencies={agencies.data?.agencies ?? []}
        loading={shares.isPending}
        error={shares.error}
      />
    </div>
  );
}
