/** A chat, a mailbox or an e-mail thread: its messages in order, each with sender, time, text and attachments. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useConversation } from '../api/documentsApi.ts';
import { MentionedText } from '../../mentions/index.ts';
import { FileLink } from './FileLink.tsx';

export function ConversationPage({ caseId, entityId }: { caseId: string; entityId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useConversation(caseId, entityId);
  usePageTitle(q.data?.title ?? t('documents.conversation'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorMessage error={q.error} />;
  const c = q.data;
  // Chat exports give local times without a zone: shown as written, not converted.
  const when = (d: string | null) =>
    d === null ? '' : /[zZ]|[+-]\d\d:?\d\d$/.test(d) ? f.dateTime(d) : d.replace('T', ' ');
  return (
    <div className="page conversation-page" data-testid="conversation-page">
      <header className="page-header">
        <h1>
          {c.kind === 'chat' ? t('documents.chat') : t('documents.mail')}: {c.title}
        </h1>
        {c.original ? (
          <div className="header-actions">
            <FileLink caseId={caseId} file={c.original} label={t('documents.original')} />
          </div>
        ) : null}
      </header>
      {c.messages.some((m) => m.redacted) ? <p className="notice warning">{t('documents.redacted')}</p> : null}
      {c.messages.length === 0 ? <p className="muted">{t('documents.empty')}</p> : null}
      <ol className="conversation" aria-label={t('documents.conversation')}>
        {c.messages.map((m) => (
          <li key={m.id} className="conversation-message" data-testid="message">
            <div className="message-head">
              <strong data-testid="message-sender">{m.sender}</strong>
              {m.recipients.length ? <span className="muted"> → {m.recipients.join(', ')}</span> : null}
              <time dateTime={m.date ?? undefined} className="muted">
                {' '}
                {when(m.date)}
              </time>
              <Link to={paths.entity(caseId, m.id)} className="subtle">
                {' '}
                {t('documents.record')}
              </Link>
            </div>
            {m.subject ? <div className="message-subject">{m.subject}</div> : null}
            <MentionedText caseId={caseId} entityId={m.id} text={m.text} />
            {m.attachments.length ? (
              <div className="message-attachments">
                {t('documents.attachments')}:{' '}
                {m.attachments.map((a, i) => (
                  <span key={i}>
                    {i ? ', ' : ''}
                    <FileLink caseId={caseId} file={a} />
                  </span>
                ))}
              </div>
            ) : null}
            {m.original ? (
              <div className="message-original">
                <FileLink caseId={caseId} file={m.original} label={t('documents.original')} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
