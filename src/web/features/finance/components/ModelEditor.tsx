/**
 * The editor of the proceeds model: each assumption with its value, unit and source (a source
 * is required — a court must be able to follow every figure back), checked as typed with the
 * contract the server applies, errors next to their field (the server's too), a preview of the
 * estimate before saving, and a confirmation before the case's estimate changes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ASSUMPTIONS, ProceedsModel } from '../../../../shared/contracts/finance.ts';
import type { ProceedsModelInput } from '../../../../shared/contracts/finance.ts';
import { api, ApiError } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';
import { useFormat } from '../../../i18n/format.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorMessage, Loading, Notice } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { zodErrors } from '../../../ui/forms.ts';
import type { FieldErrors } from '../../../ui/forms.ts';
import { useProceedsModel } from '../api/financeApi.ts';
import { caseUrl } from '../../../ui/api/keys.ts';
import type { ProceedsOut } from '../api/financeApi.ts';
import { moneyOf } from './money.ts';

interface Row {
  name: string;
  value: string;
  unit: string;
  source: string;
  appliesTo: string;
  note: string;
}

const NAMES = Object.keys(ASSUMPTIONS) as (keyof typeof ASSUMPTIONS)[];
const blank = (): Row => ({ name: '', value: '', unit: '', source: '', appliesTo: '', note: '' });

/** The form as the contract's input: a value that is not a number stays NaN so the check names it. */
function bodyOf(rows: readonly Row[], rest: Omit<ProceedsModelInput, 'assumptions'>): ProceedsModelInput {
  return {
    ...rest,
    assumptions: rows.map((r) => {
      const ids = r.appliesTo.split(/[\s,]+/).filter(Boolean);
      const v = r.value.trim().replace(',', '.');
      return {
        name: r.name,
        value: v === '' || !/^-?\d*\.?\d+$/.test(v) ? Number.NaN : Number(v),
        unit: r.unit,
        source: r.source,
        ...(ids.length ? { appliesTo: ids } : {}),
        ...(r.note.trim() ? { note: r.note } : {}),
      };
    }),
  };
}

/** `body.assumptions[2].value` → `assumptions.2.value`, the key the form's fields use. */
const keyOfPath = (path: string | null) => (path ?? '').replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');

export function ModelEditor({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const stored = useProceedsModel(caseId);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [basis, setBasis] = useState<'observed' | 'model'>('observed');
  const [touched, setTouched] = useState(false);
  const [preview, setPreview] = useState<ProceedsOut | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (stored.data && rows === null) {
      const m = stored.data.model;
      setRows(
        m.assumptions.map((a) => ({
          name: a.name,
          value: String(a.value),
          unit: a.unit,
          source: a.source,
          appliesTo: (a.appliesTo ?? []).join(', '),
          note: a.note ?? '',
        })),
      );
      setBasis(m.sexualBasis);
    }
  }, [stored.data, rows]);

  if (stored.isPending || rows === null) return <Loading />;
  if (stored.error) return <ErrorMessage error={stored.error} />;
  const { victims, funnelAccounts } = stored.data?.model ?? {
    victims: { include: [], exclude: [] },
    funnelAccounts: { include: [], exclude: [] },
  };
  const body = bodyOf(rows, { victims, funnelAccounts, sexualBasis: basis });
  const local = touched ? zodErrors(ProceedsModel, body, t) : {};
  const errors: FieldErrors = {};
  for (const [k, v] of Object.entries(local))
    errors[k] = /\.value$/.test(k)
      ? t('finance.model.valueError')
      : /\.source$/.test(k)
        ? t('finance.model.sourceError')
        : v;
  const serverKey = error instanceof ApiError ? keyOfPath(error.path) : '';
  if (serverKey && error instanceof ApiError) errors[serverKey] ??= error.message;
  const change = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
    setPreview(null);
    setSaved(false);
  };
  const valid = () => {
    setTouched(true);
    return Object.keys(zodErrors(ProceedsModel, body, t)).length === 0;
  };
  const run = async (what: 'preview' | 'save') => {
    if (!valid()) return;
    setBusy(true);
    setError(null);
    try {
      if (what === 'preview') setPreview(await api<ProceedsOut>('POST', caseUrl(caseId, '/proceeds/preview'), body));
      else {
        await api('PUT', caseUrl(caseId, '/proceeds/model'), body);
        setConfirming(false);
        setSaved(true);
        setPreview(null);
        await qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
      }
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (i: number, field: keyof Row) => errors[`assumptions.${i}.${field}`];
  return (
    <section className="panel model-editor" aria-labelledby="model-heading" data-testid="model-editor">
      <h2 id="model-heading">{t('finance.model.title')}</h2>
      <p className="muted small">{t('finance.model.hint')}</p>
      <datalist id="assumption-names">
        {NAMES.map((n) => (
          <option key={n} value={n}>
            {t(`finance.model.names.${n}`)}
          </option>
        ))}
      </datalist>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (valid()) setConfirming(true);
        }}
      >
        {rows.length === 0 ? <p className="muted">{t('finance.proceeds.noAssumptions')}</p> : null}
        {rows.map((r, i) => {
          const known = ASSUMPTIONS[r.name as keyof typeof ASSUMPTIONS];
          return (
            <fieldset key={i} className="assumption-row" data-testid={`assumption-${i}`}>
              <legend>{t('finance.model.assumptionN', { n: i + 1 })}</legend>
              <Field
                label={t('finance.model.name')}
                error={fieldError(i, 'name')}
                required
                hint={known ? t(`finance.model.names.${r.name}`) : undefined}
              >
                {(p) => (
                  <input
                    {...p}
                    list="assumption-names"
                    value={r.name}
                    onChange={(e) =>
                      change(i, {
                        name: e.target.value,
                        ...(!r.unit && ASSUMPTIONS[e.target.value as keyof typeof ASSUMPTIONS]
                          ? { unit: ASSUMPTIONS[e.target.value as keyof typeof ASSUMPTIONS].unit }
                          : {}),
                      })
                    }
                  />
                )}
              </Field>
              <Field label={t('finance.model.value')} error={fieldError(i, 'value')} required className="narrow">
                {(p) => (
                  <input
                    {...p}
                    inputMode="decimal"
                    value={r.value}
                    onChange={(e) => change(i, { value: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('finance.model.unit')} error={fieldError(i, 'unit')} required className="narrow">
                {(p) => <input {...p} value={r.unit} onChange={(e) => change(i, { unit: e.target.value })} />}
              </Field>
              <Field label={t('finance.model.source')} error={fieldError(i, 'source')} required className="wide">
                {(p) => <input {...p} value={r.source} onChange={(e) => change(i, { source: e.target.value })} />}
              </Field>
              <Field
                label={t('finance.model.appliesTo')}
                error={fieldError(i, 'appliesTo')}
                hint={t('finance.model.appliesToHint')}
              >
                {(p) => <input {...p} value={r.appliesTo} onChange={(e) => change(i, { appliesTo: e.target.value })} />}
              </Field>
              <Field label={t('finance.model.note')} error={fieldError(i, 'note')}>
                {(p) => <input {...p} value={r.note} onChange={(e) => change(i, { note: e.target.value })} />}
              </Field>
              <button
                type="button"
                className="btn subtle"
                onClick={() => {
                  setRows(rows.filter((_, n) => n !== i));
                  setPreview(null);
                }}
              >
                <Icon name="trash" />
                {t('finance.model.remove')}
              </button>
            </fieldset>
          );
        })}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setRows([...rows, blank()])}>
            <Icon name="plus" />
            {t('finance.model.add')}
          </button>
          <div className="field inline">
            <label htmlFor="model-basis">{t('finance.model.basis')}</label>
            <select
              id="model-basis"
              value={basis}
              onChange={(e) => {
                setBasis(e.target.value as typeof basis);
                setPreview(null);
              }}
            >
              <option value="observed">{t('finance.model.basisObserved')}</option>
              <option value="model">{t('finance.model.basisModel')}</option>
            </select>
          </div>
        </div>
        {error && !/^assumptions\.\d+\.(name|value|unit|source|appliesTo|note)$/.test(serverKey) ? (
          <ErrorMessage error={error} />
        ) : null}
        {saved ? <Notice kind="success">{t('finance.model.saved')}</Notice> : null}
        {preview ? (
          <Notice kind="info" icon="eye">
            <span data-testid="model-preview">
              {t('finance.model.previewResult', {
                total: moneyOf(f, preview.totals.proceedsMinor, preview.totals.currency),
                owed: moneyOf(f, preview.totals.owedToVictimsMinor, preview.totals.currency),
              })}
            </span>
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn" disabled={busy} onClick={() => void run('preview')}>
            <Icon name="eye" />
            {t('finance.model.preview')}
          </button>
          <button type="submit" className="btn primary" disabled={busy}>
            {t('finance.model.save')}
          </button>
        </div>
      </form>
      {confirming ? (
        <Dialog title={t('finance.model.confirmTitle')} onClose={() => setConfirming(false)}>
          <p>{t('finance.model.confirmText', { count: rows.length })}</p>
          {preview ? (
            <p>
              {t('finance.model.previewResult', {
                total: moneyOf(f, preview.totals.proceedsMinor, preview.totals.currency),
                owed: moneyOf(f, preview.totals.owedToVictimsMinor, preview.totals.currency),
              })}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="button" className="btn primary" disabled={busy} onClick={() => void run('save')}>
              {t('finance.model.confirmSave')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
