/**
 * Subcontracting and posting chains as a tree, from the end client or main contractor down to
 * the workers, with each company's red flags and what they rest on. Flags are reasons to look,
 * not findings: each says what was seen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { ChainNodeOut, CompanyFlagOut, CompanyViewOut } from '../../../../shared/contracts/companies.ts';
import { get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

function FlagItem({ flag }: { flag: CompanyFlagOut }) {
  const { t } = useTranslation();
  const facts = Object.fromEntries(Object.entries(flag.facts).map(([k, v]) => [k, String(v)]));
  return (
    <li className="company-flag" data-rule={flag.rule}>
      <Icon name="flag" />
      <strong>{t(`companies.rule.${flag.rule}`)}</strong>
      <span>
        {t(`companies.explain.${flag.rule}`, {
          ...facts,
          kind: facts.kind === 'old' ? t('companies.old') : t('companies.young'),
        })}
      </span>
    </li>
  );
}

function Node({
  node,
  flags,
  caseId,
  depth,
}: {
  node: ChainNodeOut;
  flags: Record<string, CompanyFlagOut[]>;
  caseId: string;
  depth: number;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(depth < 3);
  const own = flags[node.companyId] ?? [];
  const posted = node.workers.filter((w) => w.posted).length;
  return (
    <li className="chain-node">
      <div className={`chain-company${own.length ? ' flagged' : ''}`}>
        <button
          type="button"
          className="btn small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          aria-label={open ? t('companies.collapse', { name: node.name }) : t('companies.expand', { name: node.name })}
        >
          <Icon name={open ? 'sortDesc' : 'chevronRight'} />
        </button>
        <Icon name="company" />
        <a href={paths.entity(caseId, node.companyId)}>{node.name}</a>
        {node.country ? <span className="tag">{node.country.toUpperCase()}</span> : null}
        {node.via ? (
          <span className="muted small">
            {t(node.via.kind === 'subcontract' ? 'companies.viaSubcontract' : 'companies.viaPosting', {
              contract: node.via.contract ?? '–',
              start: node.via.start ?? '?',
              end: node.via.end ?? '…',
            })}
          </span>
        ) : (
          <span className="tag">{t('companies.top')}</span>
        )}
        {node.workers.length ? (
          <span className="muted small">{t('companies.workers', { count: node.workers.length, posted })}</span>
        ) : null}
        {own.length ? <span className="tag flags-count">{t('companies.flagCount', { count: own.length })}</span> : null}
        {node.cycle ? <span className="tag">{t('companies.cycle')}</span> : null}
      </div>
      {open && own.length ? (
        <ul className="company-flags">
          {own.map((f) => (
            <FlagItem key={f.rule} flag={f} />
          ))}
        </ul>
      ) : null}
      {open && node.workers.length ? (
        <ul className="chain-workers">
          {node.workers.map((w) => (
            <li key={w.id}>
              <Icon name={w.posted ? 'posting' : 'employment'} />
              <a href={paths.entity(caseId, w.id)}>{w.name}</a>
              <span className="muted small">
                {w.posted
                  ? t('companies.postedTo', {
                      country: (w.hostCountry ?? '?').toUpperCase(),
                      start: w.start ?? '?',
                      end: w.end ?? '…',
                    })
                  : t('companies.employed', { start: w.start ?? '?', end: w.end ?? '…' })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && node.children.length ? (
        <ul className="chain-children">
          {node.children.map((c) => (
            <Node
              key={`${c.companyId}-${c.via?.linkId ?? ''}`}
              node={c}
              flags={flags}
              caseId={caseId}
              depth={depth + 1}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function CompaniesPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('companies.title'));
  const view = useQuery({
    queryKey: [...keys.caseData(caseId), 'companies'],
    queryFn: ({ signal }) => get<CompanyViewOut>(`/api/cases/${encodeURIComponent(caseId)}/companies/chains`, signal),
  });
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorMessage error={view.error} />;
  const { chains, flags, companies } = view.data;
  const outside = companies.filter((c) => !c.inChain && (flags[c.id]?.length ?? 0) > 0);
  return (
    <div className="page companies-page">
      <header className="page-header">
        <h1>{t('companies.title')}</h1>
        <p className="muted">{t('companies.intro')}</p>
      </header>
      {chains.length === 0 ? (
        <EmptyState icon="subcontract" title={t('companies.none')} />
      ) : (
        <section className="panel" aria-labelledby="chains-heading">
          <h2 id="chains-heading">{t('companies.chains', { count: chains.length })}</h2>
          <ul className="chain-tree">
            {chains.map((c) => (
              <Node key={c.companyId} node={c} flags={flags} caseId={caseId} depth={0} />
            ))}
          </ul>
        </section>
      )}
      {outside.length ? (
        <section className="panel" aria-labelledby="outside-heading">
          <h2 id="outside-heading">{t('companies.outside')}</h2>
          <ul className="chain-tree">
            {outside.map((c) => (
              <li key={c.id} className="chain-node">
                <div className="chain-company flagged">
                  <Icon name="company" />
                  <a href={paths.entity(caseId, c.id)}>{c.name}</a>
                </div>
                <ul className="company-flags">
                  {(flags[c.id] ?? []).map((f) => (
                    <FlagItem key={f.rule} flag={f} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
