/**
 * Add a link from (or to) this entity: the link types whose ends fit this entity's type, the
 * entity at the other end, and a few details (period, role). Checked as typed; the server's
 * verdict on any field is shown next to it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { EntityCreate } from '../../../../shared/contracts/index.ts';
import { api } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useSchemata } from '../api/hooks.ts';
import type { EntityOut } from '../../../../shared/contracts/index.ts';
import type { EntityRowOut, SchemaOut } from '../../../../shared/contracts/entities.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { errorIsForFields, serverError, zodErrors } from '../../../ui/forms.ts';
import type { FieldErrors } from '../../../ui/forms.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { GradingFields } from './GradingFields.tsx';
import { checkValue, endLabel, ValueInput } from './propertyInput.tsx';

/** Details worth asking when a link is drawn; others can be added by editing the link. */
const DETAIL_PROPS = ['relationship', 'role', 'startDate', 'endDate', 'date', 'amount', 'currency', 'summary'];

interface Option {
  schema: SchemaOut;
  /** Which end this entity is. */
  side: 'source' | 'target';
}

const rangeOf = (s: SchemaOut, prop: string) => s.properties.find((p) => p.name === prop)?.range ?? 'Thing';

function linkOptions(schemata: readonly SchemaOut[], entitySchema: SchemaOut | undefined): Option[] {
  if (!entitySchema) return [];
  const fits = (range: string) => entitySchema.ancestors.includes(range);
  const out: Option[] = [];
  for (const s of schemata) {
    if (!s.edge || s.abstract) continue;
    if (fits(rangeOf(s, s.edge.source))) out.push({ schema: s, side: 'source' });
    if (fits(rangeOf(s, s.edge.target)) && s.edge.target !== s.edge.source) out.push({ schema: s, side: 'target' });
  }
  return out;
}

export function LinkForm({ caseId, entity, onClose }: { caseId: string; entity: EntityOut; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const schemata = useSchemata().data?.schemata ?? [];
  const options = linkOptions(
    schemata,
    schemata.find((s) => s.name === entity.schema),
  );
  const [choice, setChoice] = useState(0);
  const [other, setOther] = useState<EntityRowOut | null>(null);
  const [details, setDetails] = useState<Record<string, string>>({});
  const [grading, setGrading] = useState({ reliability: 'B', information: '2' });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opt = options[choice];
  const edge = opt?.schema.edge;
  const otherProp = edge ? (opt.side === 'source' ? edge.target : edge.source) : '';
  const otherRange = opt ? rangeOf(opt.schema, otherProp) : 'Thing';
  const otherTypes = schemata
    .filter((s) => !s.abstract && !s.edge && s.ancestors.includes(otherRange))
    .map((s) => s.name);
  const detailProps = (opt?.schema.properties ?? []).filter((p) => DETAIL_PROPS.includes(p.name));

  const body =
    opt && edge
      ? {
          schema: opt.schema.name,
          properties: {
            [opt.side === 'source' ? edge.source : edge.target]: [entity.id],
            ...(other ? { [otherProp]: [other.id] } : {}),
            ...Object.fromEntries(
              Object.entries(details)
                .filter(([, v]) => v.trim())
                .map(([k, v]) => [k, [v.trim()]]),
            ),
          },
          grading,
        }
      : null;

  const check = (): FieldErrors => {
    const errs: FieldErrors = body ? zodErrors(EntityCreate, body, t) : { type: t('errors.field.required') };
    if (!other) errs['other'] = t('picker.required');
    for (const p of detailProps) {
      const m = checkValue(p, details[p.name] ?? '', t);
      if (m) errs[`properties.${p.name}`] = m;
    }
    return errs;
  };
  const errors = touched ? check() : {};
  const fieldError = (k: string) => errors[k] ?? serverError(error, k);

  return (
    <Dialog title={t('linkForm.title')} onClose={onClose} wide>
      {options.length === 0 ? (
        <p>{t('linkForm.noTypes')}</p>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched(true);
            if (!body || Object.keys(check()).length) return;
            try {
              await api('POST', `/api/cases/${encodeURIComponent(caseId)}/entities`, body);
              await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
              await qc.invalidateQueries({ queryKey: keys.case(caseId) });
              onClose();
            } catch (err) {
              setError(err);
            }
          }}
        >
          <Field label={t('linkForm.type')} required>
            {(p) => (
              <select
                {...p}
                value={choice}
                onChange={(e) => {
                  setChoice(Number(e.target.value));
                  setOther(null);
                }}
              >
                {options.map((o, i) => (
                  <option key={`${o.schema.name}-${o.side}`} value={i}>
                    {t(`schema.${o.schema.name}.one`, { defaultValue: o.schema.label })} —{' '}
                    {t('linkForm.asEnd', {
                      end: endLabel(t, (o.side === 'source' ? o.schema.edge?.source : o.schema.edge?.target) ?? ''),
                    })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={endLabel(t, otherProp)}
            error={fieldError('other') ?? serverError(error, 'properties')}
            required
          >
            {(p) => (
              <EntityPicker
                caseId={caseId}
                schemata={otherTypes}
                value={other}
                onChange={setOther}
                inputProps={p}
                exclude={entity.id}
              />
            )}
          </Field>
          <div className="form-grid">
            {detailProps.map((prop) => (
              <Field
                key={prop.name}
                label={t(`prop.${prop.name}`, { defaultValue: prop.label })}
                error={fieldError(`properties.${prop.name}`)}
              >
                {(p) => (
                  <ValueInput
                    prop={prop}
                    value={details[prop.name] ?? ''}
                    onChange={(v) => setDetails({ ...details, [prop.name]: v })}
                    inputProps={p}
                  />
                )}
              </Field>
            ))}
          </div>
          <GradingFields value={grading} onChange={setGrading} />
          {error && !errorIsForFields(error, ['properties', ...detailProps.map((p) => `properties.${p.name}`)]) ? (
            <ErrorMessage error={error} />
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn primary">
              {t('linkForm.save')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
