/** The right pane: the selected entity at a glance, wherever it was selected. */
import { useTranslation } from 'react-i18next';
import { useEntity } from '../api/hooks.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { EntityBadge, TypeName } from '../../../ui/EntityBadge.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { PropertiesTable, Provenance } from './entityView.tsx';

export function Inspector({ caseId, entityId, onClose }: { caseId: string; entityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useEntity(caseId, entityId);
  return (
    <div className="inspector-body" data-testid="inspector">
      <header className="inspector-header">
        <h2>{t('inspector.title')}</h2>
        <button type="button" className="btn icon-only" onClick={onClose} title={t('inspector.closeHint')}>
          <Icon name="close" label={t('common.close')} />
        </button>
      </header>
      {detail.isPending ? (
        <Loading />
      ) : detail.error ? (
        <ErrorMessage error={detail.error} />
      ) : (
        <>
          <p className="inspector-title">
            <EntityBadge
              entity={{
                schema: detail.data.entity.schema,
                caption: detail.data.entity.caption,
                status: detail.data.entity.properties['proceduralStatus']?.[0] ?? null,
                pseudonym:
                  ['victim', 'presumedVictim'].includes(detail.data.entity.properties['proceduralStatus']?.[0] ?? '') ||
                  detail.data.entity.pseudonymised === true,
              }}
            />
          </p>
          <p>
            <TypeName schema={detail.data.entity.schema} />
          </p>
          <PropertiesTable caseId={caseId} entity={detail.data.entity} limit={8} />
          <h3 className="subheading">{t('entity.provenance')}</h3>
          <Provenance caseId={caseId} entity={detail.data.entity} />
          <p className="muted small">
            {t('inspector.summary', { links: detail.data.links.length, notes: detail.data.notes.length })}
          </p>
          <Link className="btn" to={paths.entity(caseId, entityId)}>
            {t('inspector.open')}
          </Link>
        </>
      )}
    </div>
  );
}
