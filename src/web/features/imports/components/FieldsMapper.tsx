/**
 * The form of a format's options (which column holds the date, the amount…; the file's
 * delimiter and encoding), drawn from the format's own field list, each with its error.
 */
import { useEffect, useState } from 'react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormatField } from '../../../../shared/contracts/imports.ts';
import { Field } from '../../../ui/Field.tsx';
import { columnChoice, columnOption, getPath, listText, parseList, setPath } from './options.ts';
import type { Options } from './options.ts';

/** A comma-separated list kept as typed while the options hold it as a list. */
function ListInput({
  value,
  onChange,
  ...p
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: unknown;
  onChange: (v: string[] | undefined) => void;
}) {
  const [text, setText] = useState(listText(value));
  const given = listText(value);
  // Only a change from outside (a guess, a saved mapping) replaces what is being typed.
  useEffect(() => {
    setText((typed) => (listText(parseList(typed)) === given ? typed : given));
  }, [given]);
  return (
    <input
      {...p}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }}
    />
  );
}

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
                  // A column by position (a header that does not match the rows) shows as "#3 (name)".
                  const positions = typeof value === 'number' ? [value] : [];
                  return (
                    <select {...p} value={columnChoice(value)} onChange={(e) => set(columnOption(e.target.value))}>
                      <option value="">—</option>
                      {positions.map((n) => (
                        <option key={`#${n}`} value={`#${n}`}>
                          {t('mapper.position', { n, name: headers[n - 1] ?? '' })}
                        </option>
                      ))}
                      {headers.map((h, i) => (
                        <option key={`${h}-${i}`} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  );
                }
                if (f.kind === 'list') return <ListInput {...p} value={value} onChange={set} />;
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
