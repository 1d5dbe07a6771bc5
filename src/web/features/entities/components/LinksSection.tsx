import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityOut } from '../../../../shared/contracts/index.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EntityBadge, TypeName } from '../../../ui/EntityBadge.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useRowsById } from './entityView.tsx';
import { LinkForm } from './LinkForm.tsx';

/** The entity's links: type, direction, the entity at the other end, when. */
export function LinksSection({
  caseId,
  entity,
  links,
  canWrite,
}: {
  caseId: string;
  entity: EntityOut;
  links: EntityOut[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  const otherIds = links
    .map((l) => (l.sourceId === entity.id ? l.targetId : l.sourceId))
    .filter((x): x is string => !!x);
  const rows = useRowsById(caseId, otherIds);
  return (
    <section className="panel" aria-labelledby="links-heading">
      <header className="panel-header">
        <h2 id="links-heading">
          {t('entity.links')} <span className="muted">({f.number(links.length)})</span>
        </h2>
        {canWrite && !entity.pseudonymised ? (
          <button type="button" className="btn" onClick={() => setAdding(true)}>
            <Icon name="link" />
            {t('entity.addLink')}
          </button>
        ) : null}
      </header>
      {links.length === 0 ? (
        <p className="muted">{t('entity.noLinks')}</p>
      ) : (
        <table className="table compact" data-testid="links-table">
          <thead>
            <tr>
              <th scope="col">{t('entity.linkType')}</th>
              <th scope="col">{t('entity.direction')}</th>
              <th scope="col">{t('entity.otherEnd')}</th>
              <th scope="col">{t('entity.period')}</th>
              <th scope="col">{t('entity.linkDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => {
              const outgoing = l.sourceId === entity.id;
              const other = outgoing ? l.targetId : l.sourceId;
              const row = other ? rows.get(other) : undefined;
              const p = l.properties;
              const when = [p['startDate']?.[0] ?? p['date']?.[0], p['endDate']?.[0]]
                .filter(Boolean)
                .map((d) => f.date(d))
                .join(' – ');
              return (
                <tr key={l.id}>
                  <td>
                    <Link to={paths.entity(caseId, l.id)}>
                      <TypeName schema={l.schema} />
                    </Link>
                  </td>
                  <td>{outgoing ? t('entity.outgoing') : t('entity.incoming')}</td>
                  <td>
                    {other ? (
                      <Link to={paths.entity(caseId, other)}>{row ? <EntityBadge entity={row} /> : other}</Link>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>{when}</td>
                  <td>{l.caption !== l.schema ? l.caption : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {adding ? <LinkForm caseId={caseId} entity={entity} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
