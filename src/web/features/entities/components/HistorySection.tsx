import { useTranslation } from 'react-i18next';
import type { HistoryOut } from '../../../../shared/contracts/entities.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useUserNames } from '../../cases/index.ts';

/** What changed between two versions: properties added, changed or removed. */
function changedProps(prev: Record<string, string[]> | undefined, next: Record<string, string[]>): string[] {
  const names = new Set([...Object.keys(prev ?? {}), ...Object.keys(next)]);
  return [...names].filter((n) => JSON.stringify(prev?.[n] ?? []) !== JSON.stringify(next[n] ?? []));
}

/** Every version of the entity: who changed it, when, and which properties. */
export function HistorySection({ caseId, history }: { caseId: string; history: HistoryOut[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const nameOf = useUserNames(caseId);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('entity.history')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('entity.noHistory')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('history.version')}</th>
              <th scope="col">{t('history.changeCol')}</th>
              <th scope="col">{t('history.by')}</th>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.properties')}</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((h) => {
              const prev = history.find((x) => x.version === h.version - 1);
              const changed = changedProps(prev?.properties, h.properties);
              return (
                <tr key={h.version}>
                  <td>{h.version}</td>
                  <td>{t(`history.change.${h.change}`, { defaultValue: h.change })}</td>
                  <td>{nameOf(h.changedBy)}</td>
                  <td>{f.dateTime(h.changedAt)}</td>
                  <td className="small">{changed.map((p) => t(`prop.${p}`, { defaultValue: p })).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
