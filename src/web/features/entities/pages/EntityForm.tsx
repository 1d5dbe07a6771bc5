/**
 * Create or edit an entity: the properties that matter for its type first, any other on
 * request, each checked as typed and again by the server (its message lands on the field).
 * Edits are optimistic: a record changed by someone else meanwhile is not overwritten.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { EntityCreate, EntityUpdate } from '../../../../shared/contracts/index.ts';
import { ApiError, api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useSchemata } from '../api/hooks.ts';
import type { EntityOut } from '../../../../shared/contracts/index.ts';
import type { PropertyOut, SchemaOut } from '../../../../shared/contracts/entities.ts';
import { navigate, useQueryParam } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { errorIsForFields, fieldKey, serverError, zodErrors } from '../../../ui/forms.ts';
import type { FieldErrors } from '../../../ui/forms.ts';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { GradingFields } from '../components/GradingFields.tsx';
import { checkValue, ValueInput } from '../components/propertyInput.tsx';

/** The properties an investigator fills first, per type; the rest are one choice away. */
const FEATURED: Record<string, string[]> = {
  Person: [
    'name',
    'firstName',
    'lastName',
    'birthDate',
    'nationality',
    'gender',
    'proceduralStatus',
    'crimeScriptFunctions',
    'phone',
    'email',
    'passportNumber',
    'idNumber',
    'address',
    'notes',
  ],
  Company: [
    'name',
    'registrationNumber',
    'jurisdiction',
    'incorporationDate',
    'address',
    'phone',
    'email',
    'website',
    'notes',
  ],
  Organization: ['name', 'registrationNumber', 'country', 'address', 'phone', 'email', 'notes'],
  Address: ['full', 'street', 'city', 'postalCode', 'country'],
  BankAccount: ['iban', 'accountNumber', 'bankName', 'bic', 'country', 'openingDate'],
  Phone: ['number', 'carrier', 'country'],
  EmailAddress: ['address'],
  Vehicle: ['registrationNumber', 'type', 'model', 'country'],
  OnlineAd: ['title', 'site', 'url', 'phone', 'email', 'publishedAt', 'price', 'currency', 'location', 'text'],
};

type Values = Record<string, string[]>;

const editable = (p: PropertyOut) => p.type !== 'entity';

function featuredOf(schema: SchemaOut): string[] {
  const names = FEATURED[schema.name] ?? [...schema.caption, ...schema.required, 'country', 'notes'];
  const has = new Set(schema.properties.filter(editable).map((p) => p.name));
  return [...new Set([...schema.required, ...names])].filter((n) => has.has(n));
}

function PropertyField({
  prop,
  values,
  onChange,
  error,
  required,
}: {
  prop: PropertyOut;
  values: string[];
  onChange: (v: string[]) => void;
  error: string | null | undefined;
  required: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`prop.${prop.name}`, { defaultValue: prop.label });
  if (prop.values?.length && !prop.single) {
    return (
      <fieldset className={`field checkbox-group${error ? ' has-error' : ''}`}>
        <legend>{label}</legend>
        {prop.values.map((v) => (
          <label key={v} className="checkbox">
            <input
              type="checkbox"
              checked={values.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...values, v] : values.filter((x) => x !== v))}
            />
            {t(`${prop.name === 'crimeScriptFunctions' ? 'function' : 'value'}.${v}`, { defaultValue: v })}
          </label>
        ))}
        {error ? (
          <div className="field-error" role="alert">
            {error}
          </div>
        ) : null}
      </fieldset>
    );
  }
  const list = values.length ? values : [''];
  return (
    <div className="property-field">
      {list.map((v, i) => (
        <Field
          key={i}
          label={i === 0 ? label : `${label} (${i + 1})`}
          error={i === 0 ? error : null}
          required={required && i === 0}
        >
          {(p) => (
            <ValueInput
              prop={prop}
              value={v}
              onChange={(nv) => onChange(list.map((x, j) => (j === i ? nv : x)))}
              inputProps={{ ...p, name: prop.name }}
            />
          )}
        </Field>
      ))}
      {!prop.single && !prop.values?.length && list[list.length - 1] ? (
        <button type="button" className="btn subtle small" onClick={() => onChange([...list, ''])}>
          <Icon name="plus" size={12} />
          {t('form.addValue')}
        </button>
      ) : null}
    </div>
  );
}

interface FormProps {
  caseId: string;
  schema: SchemaOut;
  entity?: EntityOut;
  onDone: (saved: EntityOut) => void;
  onCancel: () => void;
}

export function EntityForm({ caseId, schema, entity, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<Values>(entity?.properties ?? {});
  const [extra, setExtra] = useState<string[]>([]);
  const [grading, setGrading] = useState<{ reliability: string; information: string }>(
    entity?.grading ?? { reliability: 'B', information: '2' },
  );
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const featured = featuredOf(schema);
  const shownNames = [
    ...new Set([...featured, ...Object.keys(values).filter((n) => (values[n] ?? []).some(Boolean)), ...extra]),
  ];
  const byName = new Map(schema.properties.map((p) => [p.name, p]));
  const shown = shownNames.map((n) => byName.get(n)).filter((p): p is PropertyOut => !!p && editable(p));
  const addable = schema.properties.filter((p) => editable(p) && !shownNames.includes(p.name));

  const properties = Object.fromEntries(
    Object.entries(values)
      .map(([k, vs]) => [k, vs.map((v) => v.trim()).filter(Boolean)] as const)
      .filter(([, vs]) => vs.length > 0),
  );
  // The form holds the whole record: what it no longer shows is removed.
  const body = entity
    ? { properties, grading, version: entity.version, replace: true }
    : { schema: schema.name, properties, grading };
  const check = (): FieldErrors => {
    const errs = zodErrors(entity ? EntityUpdate : EntityCreate, body, t);
    for (const r of schema.required) if (!properties[r]?.length) errs[`properties.${r}`] = t('errors.field.required');
    for (const p of shown) {
      const bad = (values[p.name] ?? []).map((v) => checkValue(p, v, t)).find(Boolean);
      if (bad) errs[`properties.${p.name}`] = bad;
    }
    return errs;
  };
  const errors = touched ? check() : {};
  const fieldError = (name: string) => errors[`properties.${name}`] ?? serverError(error, `properties.${name}`);
  const conflict = error instanceof ApiError && error.code === 'conflict' && fieldKey(error.path) === 'version';

  return (
    <form
      noValidate
      className="entity-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (Object.keys(check()).length) return;
        try {
          const url = `/api/cases/${encodeURIComponent(caseId)}/entities${entity ? `/${encodeURIComponent(entity.id)}` : ''}`;
          const saved = await api<EntityOut>(entity ? 'PATCH' : 'POST', url, body);
          await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
          await qc.invalidateQueries({ queryKey: keys.case(caseId) });
          onDone(saved);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <div className="form-grid">
        {shown.map((p) => (
          <PropertyField
            key={p.name}
            prop={p}
            values={values[p.name] ?? []}
            onChange={(v) => setValues({ ...values, [p.name]: v })}
            error={fieldError(p.name)}
            required={schema.required.includes(p.name)}
          />
        ))}
      </div>
      {addable.length ? (
        <div className="field inline">
          <label htmlFor="add-property">{t('form.addProperty')}</label>
          <select id="add-property" value="" onChange={(e) => e.target.value && setExtra([...extra, e.target.value])}>
            <option value="">—</option>
            {addable.map((p) => (
              <option key={p.name} value={p.name}>
                {t(`prop.${p.name}`, { defaultValue: p.label })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <GradingFields value={grading} onChange={setGrading} />
      {conflict ? <ErrorMessage error={error} title={t('form.conflict')} /> : null}
      {error &&
      !conflict &&
      !errorIsForFields(
        error,
        shown.map((p) => `properties.${p.name}`),
      ) ? (
        <ErrorMessage error={error} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn primary">
          {entity ? t('form.saveChanges') : t('form.create')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The page for a new entity: choose its type, then fill it in. */
export function NewEntityPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('form.newTitle'));
  const schemata = useSchemata();
  const [schemaName, setSchemaName] = useState(useQueryParam('schema') ?? 'Person');
  if (schemata.isPending) return <Loading />;
  if (schemata.error) return <ErrorMessage error={schemata.error} />;
  const types = schemata.data.schemata.filter((s) => !s.abstract && !s.edge);
  const schema = types.find((s) => s.name === schemaName) ?? types[0];
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('form.newTitle')}</h1>
      </header>
      <div className="field inline">
        <label htmlFor="new-type">{t('form.type')}</label>
        <select id="new-type" value={schema?.name ?? ''} onChange={(e) => setSchemaName(e.target.value)}>
          {types.map((s) => (
            <option key={s.name} value={s.name}>
              {t(`schema.${s.name}.one`, { defaultValue: s.label })}
            </option>
          ))}
        </select>
      </div>
      {schema ? (
        <EntityForm
          key={schema.name}
          caseId={caseId}
          schema={schema}
          onDone={(saved) => navigate(paths.entity(caseId, saved.id))}
          onCancel={() => navigate(paths.entities(caseId))}
        />
      ) : null}
    </div>
  );
}
