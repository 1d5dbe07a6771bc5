/**
 * Act, means and purpose for each victim — first all facts, then against each suspect — with the
 * facts behind each cell and the gaps a prosecutor still has to fill.
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { useLegalMatrix } from '../api/identificationApi.ts';
import { OutcomeBadge } from './DecisionPanel.tsx';
import type { MatrixCellOut } from '../../../../shared/contracts/identification.ts';

function CellView({ cell }: { cell: MatrixCellOut }) {
  const { t } = useTranslation();
  if (cell.status === 'notRequired')
    return <td className="id-cell not-required">{t('identification.matrix.notRequired')}</td>;
  if (cell.status === 'gap')
    return (
      <td className="id-cell gap">
        <strong>{t('identification.matrix.gap')}</strong> {t(`identification.matrix.gapText.${cell.element}`)}
      </td>
    );
  const values = [...new Set(cell.facts.map((f) => f.value))];
  return (
    <td className="id-cell supported">
      <ul>
        {values.map((v) => {
          const facts = cell.facts.filter((f) => f.value === v);
          const evidence = new Set(facts.flatMap((f) => f.evidence)).size;
          return (
            <li key={v}>
              {t(
                `identification.${cell.element === 'act' ? 'act' : cell.element === 'means' ? 'means' : 'purpose'}.${v}`,
                { defaultValue: v },
              )}{' '}
              <span className="small muted">
                ({t('identification.matrix.facts', { count: facts.length, evidence })})
              </span>
            </li>
          );
        })}
      </ul>
    </td>
  );
}

export function LegalMatrixView({ caseId, onOpen }: { caseId: string; onOpen: (personId: string) => void }) {
  const { t } = useTranslation();
  const m = useLegalMatrix(caseId);
  if (m.isPending) return <Loading />;
  if (m.error) return <ErrorMessage error={m.error} />;
  if (!m.data.victims.length) return <EmptyState icon="shield" title={t('identification.matrix.none')} />;
  const suspect = new Map(m.data.suspects.map((s) => [s.id, s.caption]));
  return (
    <div data-testid="legal-matrix">
      <p className="muted small">
        {t('identification.matrix.intro')} {t('identification.matrix.legalSource', { defaultValue: m.data.source })}
      </p>
      {m.data.victims.map((v) => (
        <section key={v.id} className="panel" aria-labelledby={`lm-${v.id}`}>
          <div className="panel-header">
            <h2 id={`lm-${v.id}`}>
              <button
                type="button"
                className={`btn link${v.pseudonymised ? ' pseudonym' : ''}`}
                onClick={() => onOpen(v.id)}
              >
                {v.caption}
              </button>{' '}
              {v.outcome ? <OutcomeBadge outcome={v.outcome} /> : null}{' '}
              {v.child ? <span className="tag">{t('identification.child')}</span> : null}
            </h2>
            <span className={v.complete ? 'tag id-positive' : 'tag flag'}>
              {v.complete ? t('identification.matrix.complete') : t('identification.matrix.incomplete')}
            </span>
          </div>
          <div className="table-scroll">
            <table className="table id-matrix">
              <thead>
                <tr>
                  <th scope="col">{t('identification.matrix.against')}</th>
                  <th scope="col">{t('identification.matrix.element.act')}</th>
                  <th scope="col">{t('identification.matrix.element.means')}</th>
                  <th scope="col">{t('identification.matrix.element.purpose')}</th>
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr key={r.suspectId ?? 'all'}>
                    <th scope="row">
                      {r.suspectId ? (
                        <Link to={paths.entity(caseId, r.suspectId)}>{suspect.get(r.suspectId) ?? r.suspectId}</Link>
                      ) : (
                        t('identification.matrix.allFacts')
                      )}
                    </th>
                    {r.cells.map((c) => (
                      <CellView key={c.element} cell={c} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
