/** Mappings saved for reuse: apply one to this file, or save the current one under a name. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { SavedMappingCreate } from '../../../../shared/contracts/imports.ts';
import { api } from '../../../ui/api/client.ts';
import { useSavedMappings } from '../api/hooks.ts';
import type { SavedMappingOut } from '../../../../shared/contracts/imports.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { serverError, zodErrors } from '../../../ui/forms.ts';
import { Icon } from '../../../ui/icons.tsx';
import type { Options } from './options.ts';

export function SavedMappings({
  format,
  options,
  onApply,
  onSaved,
}: {
  format: string;
  options: Options;
  onApply: (o: Options) => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const saved = useSavedMappings(format);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const body = { name, format, options };
  const errors = touched ? zodErrors(SavedMappingCreate, body, t) : {};
  const mappings = saved.data?.mappings ?? [];
  return (
    <div className="saved-mappings">
      <div className="inline-form">
        <Field label={t('saved.use')}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={mappings.length === 0}>
              <option value="">{mappings.length ? '—' : t('saved.none')}</option>
              {mappings.map((m: SavedMappingOut) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          className="btn"
          disabled={!chosen}
          onClick={() => {
            const m = mappings.find((x) => x.id === chosen);
            if (m) onApply(m.options);
          }}
        >
          {t('saved.apply')}
        </button>
      </div>
      <form
        className="inline-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setTouched(true);
          setError(null);
          if (Object.keys(zodErrors(SavedMappingCreate, body, t)).length) return;
          try {
            await api('POST', '/api/import-mappings', body);
            await qc.invalidateQueries({ queryKey: ['import-mappings'] });
            onSaved(name.trim());
            setName('');
            setTouched(false);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <Field label={t('saved.name')} error={errors['name'] ?? serverError(error, 'name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="btn">
          <Icon name="check" />
          {t('saved.save')}
        </button>
      </form>
      {error && !serverError(error, 'name') ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
