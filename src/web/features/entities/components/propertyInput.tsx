/**
 * One property value as a form control chosen by its type, and the checks a value must pass
 * before it is sent (the server checks again and its message lands on the same field).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PropertyOut } from '../../../../shared/contracts/entities.ts';

export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$/;
const GENDERS = ['male', 'female', 'other'];

export function checkValue(prop: PropertyOut, value: string, t: TFunction): string | null {
  const v = value.trim();
  if (!v) return null;
  switch (prop.type) {
    case 'date':
      return DATE_PATTERN.test(v) ? null : t('errors.field.date');
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(v) ? null : t('errors.field.number');
    case 'email':
      return /^[^\s@]+@[^\s@]+$/.test(v) ? null : t('errors.field.email');
    case 'country':
      return /^[A-Za-z]{2}$/.test(v) ? null : t('errors.field.country');
    case 'url':
      return /^https?:\/\/\S+$/.test(v) ? null : t('errors.field.url');
    default:
      return v.length > 65_000 ? t('errors.field.tooLong', { max: 65_000 }) : null;
  }
}

/** A link end's name: FtM's generic `subject`/`object` read as the two parties of a link. */
export const endLabel = (t: TFunction, prop: string): string =>
  t(`edgeEnd.${prop}`, { defaultValue: t(`prop.${prop}`, { defaultValue: prop }) });

function namespaceOf(prop: PropertyOut): string | null {
  if (prop.name === 'proceduralStatus') return 'status';
  if (prop.name === 'crimeScriptFunctions') return 'function';
  if (prop.type === 'gender') return 'gender';
  return null;
}

type InputProps = Record<string, unknown>;

export function ValueInput({
  prop,
  value,
  onChange,
  inputProps,
}: {
  prop: PropertyOut;
  value: string;
  onChange: (v: string) => void;
  inputProps: InputProps;
}) {
  const { t } = useTranslation();
  const common = { ...inputProps, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  const choices = prop.values?.length ? prop.values : prop.type === 'gender' ? GENDERS : null;
  if (choices) {
    const ns = namespaceOf(prop);
    return (
      <select {...common}>
        <option value="">—</option>
        {choices.map((v) => (
          <option key={v} value={v}>
            {ns ? t(`${ns}.${v}`, { defaultValue: v }) : v}
          </option>
        ))}
      </select>
    );
  }
  if (prop.type === 'text') return <textarea {...common} rows={3} />;
  if (prop.type === 'date')
    return <input {...common} type="text" inputMode="numeric" placeholder={t('form.datePlaceholder')} />;
  if (prop.type === 'number') return <input {...common} type="text" inputMode="decimal" />;
  if (prop.type === 'email') return <input {...common} type="email" />;
  if (prop.type === 'phone') return <input {...common} type="tel" />;
  if (prop.type === 'country') return <input {...common} type="text" maxLength={2} className="short" />;
  return <input {...common} type="text" />;
}
