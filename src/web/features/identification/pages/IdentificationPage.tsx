/**
 * Victim identification in the case workspace: the persons with their latest result; for one
 * person the assessment editor (indicators by dimension with evidence and grading, live
 * decision), the screening interview in the user's language and the history; and the
 * legal-element matrix. Assessments are victim data: without victim contact the page says so
 * and shows assessed persons by pseudonym only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useQueryParam } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { EmptyState, ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useQueryClient } from '@tanstack/react-query';
import { fillFromObservations, idKeys, useCatalogue, useHistory, usePersons } from '../api/identificationApi.ts';
import { AssessmentEditor, draftOf } from '../components/AssessmentEditor.tsx';
import type { Draft } from '../components/AssessmentEditor.tsx';
import { OutcomeBadge } from '../components/DecisionPanel.tsx';
import { HistoryList } from '../components/HistoryList.tsx';
import { LegalMatrixView } from '../components/LegalMatrixView.tsx';
import { ScreeningForm } from '../components/ScreeningForm.tsx';
import type { PersonSummaryOut } from '../../../../shared/contracts/identification.ts';
import type { Catalogue } from '../api/types.ts';
import './identification.css';
import { nameMatcher } from '../../../../shared/names/index.ts';

type Params = { tab?: string; person?: string; view?: string; filter?: string };

function Switch<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly [T, string][];
  onChange: (v: T) => void;
}) {
  return (
    <div className="mode-switch" role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button
          key={v}
          type="button"
          className={v === value ? 'btn primary' : 'btn'}
          aria-pressed={v === value}
          onClick={() => onChange(v)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

function PersonPanel({
  caseId,
  person,
  catalogue,
  view,
  setView,
}: {
  caseId: string;
  person: PersonSummaryOut;
  catalogue: Catalogue;
  view: string;
  setView: (v: string) => void;
}) {
  const { t } = useTranslation();
  const history = useHistory(caseId, person.id, true);
  const [override, setOverride] = useState<{ draft: Draft; n: number } | null>(null);
  // Kept here: saving refetches the history and remounts the editor on the new version.
  const [saved, setSaved] = useState<string | null>(null);
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorMessage error={history.error} />;
  const latest = history.data.assessments[0];
  const fallback = catalogue.lists.find((l) => l.id === 'adult-labour')?.id ?? catalogue.lists[0]?.id ?? '';
  const draft = override?.draft ?? draftOf(latest, fallback);
  return (
    <section className="panel" aria-labelledby="id-person-heading" data-testid="person-panel">
      <div className="panel-header">
        <h2 id="id-person-heading">
          <span className={person.pseudonymised ? 'pseudonym' : ''}>{person.caption}</span>{' '}
          {latest ? <OutcomeBadge outcome={latest.outcome} /> : null}
        </h2>
      </div>
      <Switch
        label={t('identification.personViews')}
        value={view}
        onChange={setView}
        options={
          [
            ['assess', t('identification.tab.assess')],
            ['screening', t('identification.tab.screening')],
            ['history', t('identification.tab.history', { count: history.data.assessments.length })],
          ] as const
        }
      />
      {override ? (
        <Notice kind="info" icon="check">
          {t('identification.screening.filled')}
        </Notice>
      ) : null}
      {saved && saved === latest?.id && view === 'assess' ? (
        <Notice kind="success">{t('identification.saved')}</Notice>
      ) : null}
      {view === 'screening' ? (
        <ScreeningForm
          caseId={caseId}
          personId={person.id}
          catalogue={catalogue}
          currentList={draft.list}
          onFill={(d) => {
            setSaved(null);
            setOverride({ draft: d, n: (override?.n ?? 0) + 1 });
            setView('assess');
          }}
        />
      ) : view === 'history' ? (
        <HistoryList caseId={caseId} history={history.data.assessments} catalogue={catalogue} />
      ) : (
        <AssessmentEditor
          key={`${person.id}-${latest?.id ?? 'new'}-${override?.n ?? 0}`}
          caseId={caseId}
          personId={person.id}
          catalogue={catalogue}
          initial={draft}
          onSaved={(a) => {
            setOverride(null);
            setSaved(a.id);
          }}
          onChange={() => setSaved(null)}
        />
      )}
    </section>
  );
}

export function IdentificationPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('identification.title'));
  const params: Params = {
    tab: useQueryParam('tab') ?? 'persons',
    person: useQueryParam('person') ?? undefined,
    view: useQueryParam('view') ?? 'assess',
    filter: useQueryParam('filter') ?? 'all',
  };
  const set = (next: Params) => {
    const merged = { ...params, ...next };
    const q = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === 'string'));
    navigate(paths.identification(caseId, q), { replace: true });
  };
  const [q, setQ] = useState('');
  const qc = useQueryClient();
  const [fill, setFill] = useState<{ assessed: number; presumed: number } | { error: unknown } | null>(null);
  const runFill = async () => {
    setFill(null);
    try {
      setFill(await fillFromObservations(caseId));
      await qc.invalidateQueries({ queryKey: idKeys.all(caseId) });
    } catch (error) {
      setFill({ error });
    }
  };
  const persons = usePersons(caseId, params.filter ?? 'all');
  const catalogue = useCatalogue();
  const matches = nameMatcher(q);
  const list = (persons.data?.persons ?? []).filter((p) => matches(p.caption));
  const selected = persons.data?.persons.find((p) => p.id === params.person);
  return (
    <div className="page" data-testid="identification-page">
      <header className="page-header">
        <h1>{t('identification.title')}</h1>
      </header>
      <p className="muted">{t('identification.intro')}</p>
      <Switch
        label={t('identification.views')}
        value={params.tab === 'matrix' ? 'matrix' : 'persons'}
        onChange={(tab) => set({ tab })}
        options={
          [
            ['persons', t('identification.tab.persons')],
            ['matrix', t('identification.tab.matrix')],
          ] as const
        }
      />
      {params.tab === 'matrix' ? (
        <LegalMatrixView caseId={caseId} onOpen={(person) => set({ tab: 'persons', person, view: 'assess' })} />
      ) : (
        <div className="id-layout">
          <section className="panel id-persons" aria-labelledby="id-persons-heading">
            <h2 id="id-persons-heading">{t('identification.persons')}</h2>
            <div className="filters">
              <div className="field">
                <label htmlFor="id-filter">{t('identification.show')}</label>
                <select id="id-filter" value={params.filter} onChange={(e) => set({ filter: e.target.value })}>
                  {(['all', 'assessed', 'presumed'] as const).map((f) => (
                    <option key={f} value={f}>
                      {t(`identification.filter.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="id-q">{t('identification.findPerson')}</label>
                <input id="id-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
              </div>
            </div>
            {persons.data?.victimContact && persons.data.persons.some((p) => p.observations > 0) ? (
              <p>
                <button type="button" className="btn id-wrap" onClick={() => void runFill()}>
                  <Icon name="check" />
                  {t('identification.fill')}
                </button>
              </p>
            ) : null}
            {fill ? (
              'error' in fill ? (
                <ErrorMessage error={fill.error} />
              ) : (
                <Notice kind="success">
                  {t('identification.filled', { assessed: fill.assessed, presumed: fill.presumed })}
                </Notice>
              )
            ) : null}
            {persons.isPending ? (
              <Loading />
            ) : persons.error ? (
              <ErrorMessage error={persons.error} />
            ) : list.length === 0 ? (
              <EmptyState icon="users" title={t('identification.noPersons')} />
            ) : (
              <table className="table" data-testid="persons">
                <thead>
                  <tr>
                    <th scope="col">{t('identification.person')}</th>
                    <th scope="col">{t('identification.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.id} data-person={p.id}>
                      <td>
                        <button
                          type="button"
                          className={`btn link${p.pseudonymised ? ' pseudonym' : ''}`}
                          aria-pressed={p.id === params.person}
                          onClick={() => set({ person: p.id, view: 'assess' })}
                        >
                          {p.caption}
                        </button>
                        {p.observations ? (
                          <span className="small muted">
                            {' '}
                            · {t('identification.observationCount', { count: p.observations })}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {p.latest ? (
                          <OutcomeBadge outcome={p.latest.outcome} />
                        ) : (
                          <span className="muted small">{t('identification.notAssessed')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <div>
            {!persons.data ? null : !persons.data.victimContact ? (
              <Notice kind="warning" icon="shield">
                {t('identification.needVictimContact')}
              </Notice>
            ) : !selected ? (
              <EmptyState icon="person" title={t('identification.choosePerson')} />
            ) : catalogue.isPending ? (
              <Loading />
            ) : catalogue.error ? (
              <ErrorMessage error={catalogue.error} />
            ) : (
              <PersonPanel
                key={selected.id}
                caseId={caseId}
                person={selected}
                catalogue={catalogue.data.catalogue}
                view={params.view ?? 'assess'}
                setView={(view) => set({ view })}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
