/**
 * A message's or document's text with what it mentions highlighted (phones, accounts, IDs, names
 * of the case…). Choosing a highlight shows the words around it, the entity it would link to,
 * and accept / reject; an accepted mention links the document to that entity.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionOut } from '../../../../shared/contracts/mentions.ts';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { useDecideMention, useMentions } from '../api/mentionsApi.ts';

/** The text cut into plain runs and mentions, each mention found by its words after the previous one. */
function pieces(text: string, mentions: readonly MentionOut[]): (string | MentionOut)[] {
  const out: (string | MentionOut)[] = [];
  let at = 0;
  for (const m of mentions) {
    const i = text.indexOf(m.raw, at);
    if (i < 0) continue;
    if (i > at) out.push(text.slice(at, i));
    out.push(m);
    at = i + m.raw.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function MentionedText({ caseId, entityId, text }: { caseId: string; entityId: string; text: string }) {
  const { t } = useTranslation();
  const q = useMentions(caseId, entityId);
  const decide = useDecideMention(caseId, entityId);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mentions = q.data?.mentions ?? [];
  const chosen = mentions.find((m) => m.key === open) ?? null;
  const body: ReactNode[] = pieces(text, mentions).map((p, i) =>
    typeof p === 'string' ? (
      p
    ) : (
      <button
        key={`${p.key}-${i}`}
        type="button"
        className={`mention mention-${p.kind} ${p.decision ?? 'open'}`}
        data-testid="mention"
        data-kind={p.kind}
        data-decision={p.decision ?? 'none'}
        title={t(`mentions.kind.${p.kind}`)}
        onClick={() => setOpen(open === p.key ? null : p.key)}
      >
        {p.raw}
      </button>
    ),
  );
  const send = (decision: 'accepted' | 'rejected') => {
    if (!chosen) return;
    setError(null);
    decide({ key: chosen.key, decision }).catch(setError);
  };
  return (
    <>
      <p className="message-text" data-testid="message-text" style={{ whiteSpace: 'pre-wrap' }}>
        {body}
      </p>
      {chosen ? (
        <div className="mention-panel" data-testid="mention-panel" role="group" aria-label={t('mentions.title')}>
          <div>
            <strong>{t(`mentions.kind.${chosen.kind}`)}</strong>: {chosen.value}
          </div>
          <div className="muted">{chosen.snippet}</div>
          <div>
            {t('mentions.linksTo')}:{' '}
            {chosen.candidates.length
              ? chosen.candidates.map((c) => c.caption).join(', ')
              : chosen.strong
                ? t('mentions.newNode')
                : t('mentions.nothing')}
          </div>
          <div>
            {t('mentions.decision')}: {t(`mentions.state.${chosen.decision ?? 'open'}`)}
          </div>
          <div className="actions">
            <button
              type="button"
              data-testid="mention-accept"
              disabled={!chosen.strong && !chosen.candidates.length}
              onClick={() => send('accepted')}
            >
              {t('mentions.accept')}
            </button>
            <button type="button" data-testid="mention-reject" onClick={() => send('rejected')}>
              {t('mentions.reject')}
            </button>
          </div>
          {error ? <ErrorMessage error={error} /> : null}
        </div>
      ) : null}
    </>
  );
}
