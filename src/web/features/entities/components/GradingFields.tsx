import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';

const RELIABILITY = ['A', 'B', 'C', 'D', 'X'] as const;
const INFORMATION = ['1', '2', '3', '4'] as const;

export interface GradingValue {
  reliability: string;
  information: string;
}

/** The 4x4 evaluation: how reliable the source is, and how the information itself is assessed. */
export function GradingFields({ value, onChange }: { value: GradingValue; onChange: (v: GradingValue) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="grading-fields">
      <legend>{t('provenance.grading')}</legend>
      <Field label={t('grading.reliabilityLabel')}>
        {(p) => (
          <select
            {...p}
            value={value.reliability}
            onChange={(e) => onChange({ ...value, reliability: e.target.value })}
          >
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {r} — {t(`grading.reliability.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('grading.informationLabel')}>
        {(p) => (
          <select
            {...p}
            value={value.information}
            onChange={(e) => onChange({ ...value, information: e.target.value })}
          >
            {INFORMATION.map((i) => (
              <option key={i} value={i}>
                {i} — {t(`grading.information.${i}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
