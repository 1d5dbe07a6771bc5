/** A document: its text, its pages (text and image) where it has them, and its original. */
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { fileUrl, useDocument } from '../api/documentsApi.ts';
import { FileLink } from './FileLink.tsx';

export function DocumentPage({ caseId, entityId }: { caseId: string; entityId: string }) {
  const { t } = useTranslation();
  const q = useDocument(caseId, entityId);
  usePageTitle(q.data?.title ?? t('documents.document'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorMessage error={q.error} />;
  const d = q.data;
  return (
    <div className="page document-page" data-testid="document-page">
      <header className="page-header">
        <h1>{d.title}</h1>
        {d.original ? (
          <div className="header-actions">
            <FileLink caseId={caseId} file={d.original} label={t('documents.original')} />
          </div>
        ) : null}
      </header>
      {d.withheldNote ? (
        <p className="notice warning" data-testid="withheld-note">
          {d.withheldNote}
        </p>
      ) : null}
      {d.redacted ? <p className="notice warning">{t('documents.redacted')}</p> : null}
      {d.text ? (
        <section className="panel" aria-labelledby="doc-text">
          <h2 id="doc-text">{t('documents.text')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }} data-testid="document-text">
            {d.text}
          </p>
        </section>
      ) : null}
      {d.pages.length ? (
        <section className="panel" aria-labelledby="doc-pages">
          <h2 id="doc-pages">{t('documents.pages')}</h2>
          {d.pages.map((p) => {
            const url = p.image ? fileUrl(caseId, p.image) : null;
            return (
              <figure key={p.index} className="document-page-view">
                <figcaption>{t('documents.page', { n: p.index })}</figcaption>
                {url ? <img src={url} alt={t('documents.page', { n: p.index })} style={{ maxWidth: '100%' }} /> : null}
                {p.image && !url ? <FileLink caseId={caseId} file={p.image} /> : null}
                <p style={{ whiteSpace: 'pre-wrap' }}>{p.text}</p>
              </figure>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
