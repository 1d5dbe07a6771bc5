/** One document found: type, date, sender and recipients, title linking to the viewer, snippet. */
import { useTranslation } from 'react-i18next';
import type { DocumentHitOut } from '../../../../shared/contracts/documents.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { Snippet } from './Snippet.tsx';

export function DocumentHit({ caseId, hit }: { caseId: string; hit: DocumentHitOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const to = hit.opens === 'conversation' ? paths.conversation(caseId, hit.openId) : paths.document(caseId, hit.openId);
  // Chat exports give local times without a zone: shown as written.
  const when =
    hit.date === null ? '' : /[zZ]|[+-]\d\d:?\d\d$/.test(hit.date) ? f.dateTime(hit.date) : hit.date.replace('T', ' ');
  return (
    <article className="doc-hit" data-testid="doc-hit">
      <div className="doc-hit-head">
        <span className="chip">{t(`documents.kind.${hit.kind}`)}</span>{' '}
        <Link to={to} data-testid="doc-hit-title">
          {hit.title}
        </Link>{' '}
        <span className="muted">{when}</span>
      </div>
      <div className="muted" data-testid="doc-hit-parties">
        {hit.sender ?? '–'} → {hit.recipients.join(', ') || '–'}
      </div>
      <Snippet parts={hit.snippet} />
      {hit.redacted ? <p className="muted small">{t('documents.redacted')}</p> : null}
    </article>
  );
}
