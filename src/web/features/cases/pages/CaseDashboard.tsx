import { useTranslation } from 'react-i18next';
import { useActivity, useCase } from '../api/hooks.ts';
import { useSchemata } from '../../entities/index.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EntityBadge, TypeChip } from '../../../ui/EntityBadge.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { RedFlagsPanelBody } from '../../finance/index.ts';
import { Journal } from '../components/Journal.tsx';
import { useUserNames } from '../api/useUserNames.ts';

function Activity({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const activity = useActivity(caseId);
  const nameOf = useUserNames(caseId);
  return (
    <section className="panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('dashboard.activity')}</h2>
      {activity.isPending ? (
        <Loading />
      ) : activity.error ? (
        <ErrorMessage error={activity.error} />
      ) : (
        <ul className="activity">
          {(activity.data?.items ?? []).map((a) => (
            <li key={`${a.entityId}-${a.version}`}>
              <span className="muted small">{f.dateTime(a.changedAt)}</span>
              <span className={`tag change-${a.change}`}>
                {t(`history.change.${a.change}`, { defaultValue: a.change })}
              </span>
              {a.caption ? (
                <Link to={paths.entity(caseId, a.entityId)}>
                  <EntityBadge entity={{ schema: a.schema, caption: a.caption, pseudonym: a.pseudonym }} />
                </Link>
              ) : (
                <span className="muted">
                  {t('dashboard.deleted', { type: t(`schema.${a.schema}.one`, { defaultValue: a.schema }) })}
                </span>
              )}
              <span className="muted small">{a.changedByName ?? nameOf(a.changedBy)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CaseDashboard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kase = useCase(caseId);
  const schemata = useSchemata();
  usePageTitle(kase.data?.title ?? t('nav.dashboard'));
  if (kase.isPending) return <Loading />;
  if (kase.error) return <ErrorMessage error={kase.error} />;
  const c = kase.data;
  const edges = new Set((schemata.data?.schemata ?? []).filter((s) => s.edge).map((s) => s.name));
  const sorted = [...c.counts].sort((a, b) => b.n - a.n);
  const entities = sorted.filter((x) => !edges.has(x.schema));
  const links = sorted.filter((x) => edges.has(x.schema));
  const empty = c.counts.length === 0 && c.transactions === 0;
  const card = (x: { schema: string; n: number }) => (
    <li key={x.schema}>
      <Link className="count-card" to={paths.entities(caseId, { schema: x.schema })}>
        <TypeChip schema={x.schema} size={18} />
        <span className="count-label">{t(`schema.${x.schema}.other`, { defaultValue: x.schema })}</span>
        <span className="count-value">{f.number(x.n)}</span>
      </Link>
    </li>
  );
  return (
    <div className="page dashboard" data-testid="dashboard">
      <header className="page-header">
        <div>
          <h1>{c.title}</h1>
          <p className="muted">
            {[
              c.reference,
              f.country(c.country),
              t(`caseStatus.${c.status}`, { defaultValue: c.status }),
              c.myRole ? t(`caseRole.${c.myRole}`, { defaultValue: c.myRole }) : null,
              c.handlingCode,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        {c.access?.canWrite !== false ? (
          <div className="header-actions">
            <Link className="btn" to={paths.newEntity(caseId)}>
              <Icon name="plus" />
              {t('entities.new')}
            </Link>
            <Link className="btn primary" to={paths.import(caseId)}>
              <Icon name="import" />
              {t('nav.import')}
            </Link>
          </div>
        ) : null}
      </header>
      {c.description ? <p className="case-description">{c.description}</p> : null}
      {empty ? (
        <EmptyState icon="import" title={t('dashboard.emptyTitle')}>
          <p>{t('dashboard.emptyHint')}</p>
          <Link className="btn primary" to={paths.import(caseId)}>
            {t('dashboard.emptyAction')}
          </Link>
        </EmptyState>
      ) : (
        <section className="panel" aria-labelledby="counts-heading">
          <h2 id="counts-heading">{t('dashboard.counts')}</h2>
          <h3 className="subheading">{t('dashboard.entities')}</h3>
          <ul className="count-grid" data-testid="dashboard-counts">
            {entities.map(card)}
          </ul>
          {links.length ? (
            <>
              <h3 className="subheading">{t('dashboard.links')}</h3>
              <ul className="count-grid">{links.map(card)}</ul>
            </>
          ) : null}
          <p className="muted">
            {t('dashboard.transactions')}: <strong>{f.number(c.transactions)}</strong>
          </p>
        </section>
      )}
      <section className="panel flags" aria-labelledby="flags-heading" data-slot="red-flags">
        <h2 id="flags-heading">{t('dashboard.flags')}</h2>
        <RedFlagsPanelBody caseId={caseId} />
      </section>
      <div className="two-columns">
        <Activity caseId={caseId} />
        <Journal caseId={caseId} canWrite={c.access?.canWrite !== false} />
      </div>
    </div>
  );
}
