/**
 * The shared period (state/viewFilter.ts) as two date fields: what is set here filters the
 * other analysis views too, and a period brushed on the timeline shows here.
 */
import { useTranslation } from 'react-i18next';
import { usePeriod, useViewFilter } from '../../../state/viewFilter.ts';
import { Icon } from '../../../ui/icons.tsx';

export function PeriodPicker({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const period = usePeriod(caseId);
  const setPeriod = useViewFilter((s) => s.setPeriod);
  const from = period?.from?.slice(0, 10) ?? '';
  const to = period?.to?.slice(0, 10) ?? '';
  const change = (next: { from: string; to: string }) =>
    setPeriod(caseId, next.from || next.to ? { from: next.from || null, to: next.to || null } : null);
  return (
    <div className="period-picker" role="group" aria-label={t('finance.period.label')}>
      <label htmlFor="fin-from">{t('finance.period.from')}</label>
      <input
        id="fin-from"
        type="date"
        value={from}
        max={to || undefined}
        onChange={(e) => change({ from: e.target.value, to })}
      />
      <label htmlFor="fin-to">{t('finance.period.to')}</label>
      <input
        id="fin-to"
        type="date"
        value={to}
        min={from || undefined}
        onChange={(e) => change({ from, to: e.target.value })}
      />
      {period ? (
        <button type="button" className="btn subtle" onClick={() => setPeriod(caseId, null)}>
          <Icon name="close" size={12} />
          {t('finance.period.clear')}
        </button>
      ) : (
        <span className="muted small">{t('finance.period.all')}</span>
      )}
    </div>
  );
}
