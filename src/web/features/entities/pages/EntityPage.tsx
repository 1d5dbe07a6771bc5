/**
 * One entity in full: properties, provenance and grading, links, notes, evidence and its
 * history. Edit, link and delete from here; deleting asks once and says what goes with it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useCase } from '../../cases/index.ts';
import { useEntity } from '../api/hooks.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { useSelection } from '../../../state/session.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { EntityBadge, TypeName } from '../../../ui/EntityBadge.tsx';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { HistorySection } from '../components/HistorySection.tsx';
import { LinksSection } from '../components/LinksSection.tsx';
import { NotesSection } from '../components/NotesSection.tsx';
import { EntityForm } from './EntityForm.tsx';
import { PropertiesTable, Provenance, useSchema } from '../components/entityView.tsx';
import { EvidencePanel } from '../../files/index.ts';

/** Seized material the viewer opens: conversations (chats, mailboxes, messages) and documents. */
const CONVERSATIONS: ReadonlySet<string> = new Set(['Folder', 'Email', 'Message']);
const VIEWABLE: ReadonlySet<string> = new Set([
  ...CONVERSATIONS,
  'Document',
  'Pages',
  'PlainText',
  'HyperText',
  'Table',
  'Workbook',
  'Image',
  'Audio',
  'Video',
  'Package',
]);

function DeleteDialog({
  caseId,
  entityId,
  links,
  onClose,
}: {
  caseId: string;
  entityId: string;
  links: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  return (
    <Dialog title={t('entity.deleteTitle')} onClose={onClose}>
      <p>{links ? t('entity.deleteWithLinks', { n: links }) : t('entity.deleteConfirm')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn danger"
          onClick={async () => {
            try {
              await api(
                'DELETE',
                `/api/cases/${encodeURIComponent(caseId)}/entities/${encodeURIComponent(entityId)}?withLinks=${links ? 'true' : 'false'}`,
              );
              useSelection.getState().clear();
              await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
              await qc.invalidateQueries({ queryKey: keys.case(caseId) });
              navigate(paths.entities(caseId), { replace: true });
            } catch (e) {
              setError(e);
            }
          }}
        >
          {t('entity.delete')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export function EntityPage({ caseId, entityId }: { caseId: string; entityId: string }) {
  const { t } = useTranslation();
  const detail = useEntity(caseId, entityId);
  const kase = useCase(caseId);
  const schema = useSchema(detail.data?.entity.schema);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  usePageTitle(detail.data?.entity.caption);
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  const { entity, links, notes, history } = detail.data;
  const canWrite = kase.data?.access?.canWrite !== false && !entity.pseudonymised;
  const status = entity.properties['proceduralStatus']?.[0] ?? null;
  const pseudonym = entity.pseudonymised === true || status === 'victim' || status === 'presumedVictim';
  return (
    <div className="page entity-page" data-testid="entity-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={paths.entities(caseId)}>{t('entities.title')}</Link>
        <Icon name="chevronRight" size={12} />
        <TypeName schema={entity.schema} />
      </nav>
      <header className="page-header">
        <h1>
          <EntityBadge entity={{ schema: entity.schema, caption: entity.caption, status, pseudonym }} />
        </h1>
        {VIEWABLE.has(entity.schema) ? (
          <Link
            className="btn"
            to={
              CONVERSATIONS.has(entity.schema)
                ? paths.conversation(caseId, entity.id)
                : paths.document(caseId, entity.id)
            }
          >
            {t('documents.open')}
          </Link>
        ) : null}
        {canWrite ? (
          <div className="header-actions">
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              <Icon name="edit" />
              {t('entity.edit')}
            </button>
            <button type="button" className="btn danger subtle" onClick={() => setDeleting(true)}>
              <Icon name="trash" />
              {t('entity.delete')}
            </button>
          </div>
        ) : null}
      </header>
      {entity.pseudonymised ? (
        <Notice kind="warning" icon="mask">
          {t('entity.withheld')}
        </Notice>
      ) : null}
      <div className="two-columns">
        <section className="panel" aria-labelledby="props-heading">
          <h2 id="props-heading">{t('entity.properties')}</h2>
          <PropertiesTable caseId={caseId} entity={entity} />
        </section>
        <section className="panel" aria-labelledby="prov-heading">
          <h2 id="prov-heading">{t('entity.provenance')}</h2>
          <Provenance caseId={caseId} entity={entity} />
        </section>
      </div>
      <LinksSection caseId={caseId} entity={entity} links={links} canWrite={canWrite} />
      {!entity.pseudonymised ? <EvidencePanel caseId={caseId} entityId={entity.id} canWrite={canWrite} /> : null}
      <NotesSection caseId={caseId} entityId={entity.id} notes={notes} canWrite={canWrite} />
      <HistorySection caseId={caseId} history={history} />
      {editing && schema ? (
        <Dialog title={t('entity.editTitle')} onClose={() => setEditing(false)} wide>
          <EntityForm
            caseId={caseId}
            schema={schema}
            entity={entity}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Dialog>
      ) : null}
      {deleting ? (
        <DeleteDialog caseId={caseId} entityId={entity.id} links={links.length} onClose={() => setDeleting(false)} />
      ) : null}
    </div>
  );
}
