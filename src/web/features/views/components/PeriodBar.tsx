/**
 * The shared period (state/viewFilter.ts) as every analysis view shows it: what is filtering
 * this view, and one button to clear it everywhere.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import { usePeriod, useViewFilter } from '../../../state/viewFilter.ts';
import { Icon } from '../../../ui/icons.tsx';

export function PeriodBar({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod(caseId);
  const setPeriod = useViewFilter((s) => s.setPeriod);
  if (!period)
    return (
      <span className="period-bar muted small" data-testid="period-bar">
        {t('timeline.period.none')}
      </span>
    );
  return (
    <span
      className="period-bar"
      data-testid="period-bar"
      data-from={period.from?.slice(0, 10) ?? ''}
      data-to={period.to?.slice(0, 10) ?? ''}
    >
      <Icon name="flag" size={14} />
      {t('timeline.period.active', {
        from: period.from ? f.date(period.from.slice(0, 10)) : '…',
        to: period.to ? f.date(period.to.slice(0, 10)) : '…',
      })}
      <button type="button" className="btn subtle small" onClick={() => setPeriod(caseId, null)}>
        <Icon name="close" size={12} />
        {t('timeline.period.clear')}
      </button>
    </span>
  );
}
