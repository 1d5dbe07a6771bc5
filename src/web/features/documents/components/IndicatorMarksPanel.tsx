/**
 * The assessment editor's offer of messages whose words may show an indicator (debt, kept
 * documents, control, recruitment language): each with its snippet, sender and date, linked to
 * the viewer, and a button attaching the message as evidence to the matching indicator of the
 * list being filled. Messages linked to the person assessed come first.
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useIndicatorMarks } from '../api/documentsApi.ts';

interface Props {
  caseId: string;
  personId: string;
  /** The items of the list being filled: a mark is offered for the first of its items found here. */
  itemIds: readonly string[];
  itemLabel: (itemId: string) => string;
  /** Whether the message is already evidence for the item. */
  attached: (itemId: string, entityId: string) => boolean;
  onAttach: (itemId: string, entityId: string) => void;
}

const SHOWN = 30;

export function IndicatorMarksPanel({ caseId, personId, itemIds, itemLabel, attached, onAttach }: Props) {
  const { t } = useTranslation();
  const q = useIndicatorMarks(caseId, personId);
  const marks = (q.data?.marks ?? []).slice(0, SHOWN);
  if (!marks.length) return null;
  return (
    <section className="panel id-marks" aria-labelledby="id-marks-title" data-testid="indicator-marks">
      <h2 id="id-marks-title">{t('documents.marks.title')}</h2>
      <p className="small muted">{t('documents.marks.hint')}</p>
      <ul className="id-marks-list">
        {marks.map((m, i) => {
          const item = m.items.find((id) => itemIds.includes(id));
          const to =
            m.schema === 'Email' || m.schema === 'Message'
              ? paths.conversation(caseId, m.entityId)
              : paths.document(caseId, m.entityId);
          return (
            <li key={`${m.entityId}-${i}`} className="id-mark" data-testid="indicator-mark">
              <div className="small">
                <span className="chip">{t(`documents.marks.category.${m.category}`)}</span>{' '}
                {m.linked ? <span className="tag">{t('documents.marks.linked')}</span> : null}{' '}
                <span className="muted">
                  {m.sender ?? '–'} {m.date ? `· ${m.date.slice(0, 10)}` : ''}
                </span>
              </div>
              <p className="doc-snippet">
                <Link to={to}>{m.snippet}</Link>
              </p>
              {item ? (
                attached(item, m.entityId) ? (
                  <span className="small muted">{t('documents.marks.attached', { item: itemLabel(item) })}</span>
                ) : (
                  <button type="button" className="btn subtle small" onClick={() => onAttach(item, m.entityId)}>
                    {t('documents.marks.attach', { item: itemLabel(item) })}
                  </button>
                )
              ) : (
                <span className="small muted">{t('documents.marks.noItem')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
