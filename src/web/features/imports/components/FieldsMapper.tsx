/**
 * The form of a format's options (which column holds the date, the amount…; the file's
 * delimiter and encoding), drawn from the format's own field list, each with its error.
 */
import { useTranslation } from 'react-i18next';
import type { FormatField } from '../../../../shared/contracts/imports.ts';
import { Field } from '../../../ui/Field.tsx';
import { getPath, setPath } from './options.ts';
import type { Options } from './options.ts';

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  '.': 'dot',
  ' ': 'space',
  "'": 'apostrophe',
  '': 'none',
};

const enumLabel = (value: string, t: (k: string) => string) => {
  const name = DELIMITER_NAMES[value];
  return name ? t(`mapper.chars.${name}`) : value;
};

export function FieldsMapper({
  format,
  fields,
  options,
  onChange,
  headers,
  errors,
}: {
  format: string;
  fields: readonly FormatField[];
  options: Options;
  onChange: (o: Options) => void;
  headers: readonly string[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const label = (f: FormatField) => t(`importField.${f.name}`, { defaultValue: f.name });
  const groups = [...new Set(fields.flatMap((f) => (f.group ? [f.group] : [])))];
  return (
    <div className="fields-mapper">
      {groups.length ? (
        <p className="muted small">
          {t('mapper.groupsHint', { groups: groups.map((g) => t(`importGroup.${g}`, { defaultValue: g })).join(', ') })}
        </p>
      ) : null}
      <div className="form-grid">
        {fields.map((f) => {
          const value = getPath(options, f.name);
          const set = (v: unknown) => onChange(setPath(options, f.name, v));
          const error = errors[f.name];
          if (f.kind === 'boolean') {
            return (
              <label key={f.name} className="checkbox">
                <input
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => set(e.target.checked ? true : undefined)}
                />
                {label(f)}
              </label>
            );
          }
          return (
            <Field
              key={`${format}-${f.name}`}
              label={label(f)}
              error={error}
              required={f.required}
              {...(f.group ? { hint: t(`importGroup.${f.group}`, { defaultValue: f.group }) } : {})}
            >
              {(p) => {
                if (f.kind === 'column') {
                  return (
                    <select {...p} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)}>
                      <option value="">—</option>
                      {headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  );
                }
                if (f.kind === 'enum') {
                  return (
                    <select
                      {...p}
                      value={typeof value === 'string' ? value : '__unset'}
                      onChange={(e) => set(e.target.value === '__unset' ? undefined : e.target.value)}
                    >
                      <option value="__unset">—</option>
                      {(f.values ?? []).map((v) => (
                        <option key={v} value={v}>
                          {enumLabel(v, t)}
                        </option>
                      ))}
                    </select>
                  );
                }
                if (f.kind === 'number') {
                  return (
                    <input
                      {...p}
                      type="number"
                      min={0}
                      value={typeof value === 'number' ? value : ''}
                      onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
                    />
                  );
                }
                return (
                  <input
                    {...p}
                    type="text"
                    value={typeof value === 'string' ? value : ''}
                    onChange={(e) => set(e.target.value)}
                  />
                );
              }}
            </Field>
          );
        })}
      </div>
    </div>
  );
}
