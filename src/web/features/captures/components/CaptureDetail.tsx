/** One capture: its visible text with phones, e-mails and red flags marked, and what was read from it. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureDetailOut } from '../../../../shared/contracts/captures.ts';
import { useFormat } from '../../../i18n/format.ts';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { useCapture } from '../api/capturesApi.ts';

interface Mark {
  start: number;
  end: number;
  kind: 'phone' | 'email' | 'flag';
  label: string;
}

/** The text cut at every marked span; overlapping spans keep the first. */
function marked(text: string, marks: readonly Mark[]): ReactNode[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let at = 0;
  for (const [i, m] of sorted.entries()) {
    if (m.start < at || m.end > text.length) continue;
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(
      <mark key={i} className={`capture-mark ${m.kind}`} title={m.label}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  out.push(text.slice(at));
  return out;
}

function Body({ c }: { c: CaptureDetailOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const x = c.extraction;
  const marks: Mark[] = [
    ...x.phones.map((p) => ({
      start: p.start,
      end: p.end,
      kind: 'phone' as const,
      // An ambiguous number shows its readings.
      label: p.e164 ?? (p.candidates ?? []).join(' / '),
    })),
    ...x.emails.map((e) => ({ start: e.start, end: e.end, kind: 'email' as const, label: e.email })),
    ...x.redFlags.map((r) => ({
      start: r.start,
      end: r.end,
      kind: 'flag' as const,
      label: t(`captures.flag.${r.kind}`),
    })),
  ];
  const row = (label: string, values: string[]) =>
    values.length ? (
      <>
        <dt>{label}</dt>
        <dd>{values.join(', ')}</dd>
      </>
    ) : null;
  return (
    <div data-testid="capture-detail">
      <h3>{c.title}</h3>
      <p className="small muted">
        <a href={c.url} rel="noreferrer noopener" target="_blank">
          {c.url}
        </a>{' '}
        · {t('captures.capturedOn', { when: f.dateTime(c.capturedAt) })}
      </p>
      <p className="small">
        SHA-256 <span className="mono hash">{c.sha256}</span>
      </p>
      <dl className="capture-facts">
        {row(t('captures.phones'), c.phones)}
        {row(t('captures.emails'), c.emails)}
        {row(
          t('captures.handles'),
          x.handles.map((h) => `${h.app} ${h.handle}`),
        )}
        {row(
          t('captures.prices'),
          x.prices.map((p) => `${p.amount} ${p.currency}${p.minutes ? ` / ${p.minutes} min` : ''}`),
        )}
        {row(
          t('captures.ages'),
          x.ages.map((a) => String(a.age)),
        )}
        {row(t('captures.places'), [...new Set(x.places.map((p) => p.name))])}
        {row(t('captures.redFlags'), [...new Set(x.redFlags.map((r) => t(`captures.flag.${r.kind}`)))])}
        {row(
          t('captures.images'),
          c.images.map((i) =>
            i.phash ? `${i.mimeType} pHash ${i.phash}` : `${i.mimeType} (${t('captures.noFingerprint')})`,
          ),
        )}
      </dl>
      {c.warnings.length ? (
        <ul className="small">
          {c.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {c.text ? (
        <div className="capture-text" aria-label={t('captures.text')}>
          {marked(c.text, marks)}
        </div>
      ) : (
        <p className="muted">{t('captures.noText')}</p>
      )}
    </div>
  );
}

export function CaptureDetail({ caseId, id }: { caseId: string; id: string }) {
  const q = useCapture(caseId, id);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  return <Body c={q.data} />;
}
