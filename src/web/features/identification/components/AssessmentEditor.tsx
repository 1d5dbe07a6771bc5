/**
 * Record an assessment: choose the list, tick the indicators present (grouped by dimension, each
 * tied to a piece of evidence and graded), record the acts, and watch the rule decide as you go.
 * Saving stores a new version; the previous one stays in the history.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../ui/api/client.ts';
import { ErrorMessage } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useDebounced } from '../../../ui/useDebounced.ts';
import { idKeys, saveAssessment, useEvaluation } from '../api/identificationApi.ts';
import { DecisionPanel } from './DecisionPanel.tsx';
import { IndicatorMarksPanel } from '../../documents/index.ts';
import { fromRef, toRef, useEvidenceOptions } from '../api/evidence.ts';
import type { EvidenceOption } from '../api/evidence.ts';
import type { AssessmentOut } from '../../../../shared/contracts/identification.ts';
import type { Catalogue } from '../api/types.ts';
import { textOf } from '../api/types.ts';

export const ACTS = [
  'recruitment',
  'transportation',
  'transfer',
  'harbouring',
  'receipt',
  'exchangeOfControl',
] as const;

export interface Draft {
  list: string;
  indicators: Record<string, { evidence: string[]; reliability: string; information: string }>;
  acts: Record<string, string[]>;
  screening?: Record<string, string[]>;
}

export function draftOf(a: AssessmentOut | undefined, fallbackList: string): Draft {
  if (!a) return { list: fallbackList, indicators: {}, acts: {} };
  return {
    list: a.list,
    indicators: Object.fromEntries(
      a.indicators.map((i) => [
        i.itemId,
        { evidence: i.evidence.map(fromRef), reliability: i.reliability, information: i.information },
      ]),
    ),
    acts: Object.fromEntries(a.acts.map((x) => [x.act, x.evidence.map(fromRef)])),
  };
}

function EvidenceSelect({
  id,
  value,
  options,
  onChange,
  label,
  invalid,
}: {
  id: string;
  value: string;
  options: EvidenceOption[];
  onChange: (v: string) => void;
  label: string;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const groups = ['observation', 'note', 'entity', 'file'] as const;
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...(invalid ? { 'aria-invalid': true } : {})}
      className="id-evidence"
    >
      <option value="">{t('identification.evidence.choose')}</option>
      {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
      {groups.map((g) => {
        const opts = options.filter((o) => o.group === g);
        return opts.length ? (
          <optgroup key={g} label={t(`identification.evidence.${g}`)}>
            {opts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : null;
      })}
    </select>
  );
}

export function AssessmentEditor({
  caseId,
  personId,
  catalogue,
  initial,
  onSaved,
  onChange,
}: {
  caseId: string;
  personId: string;
  catalogue: Catalogue;
  initial: Draft;
  onSaved: (a: AssessmentOut) => void;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<unknown>(null);
  const options = useEvidenceOptions(caseId, personId, t);
  const list = catalogue.lists.find((l) => l.id === draft.list) ?? catalogue.lists[0];
  const population = list?.population === 'child' ? 'child' : 'adult';
  const ticked = Object.keys(draft.indicators).filter((id) => list?.items.some((i) => i.id === id));
  const evalInput = useDebounced(
    useMemo(
      () => ({ list: list?.id ?? '', population, items: ticked, acts: Object.keys(draft.acts) }),
      [list?.id, population, ticked.join(','), Object.keys(draft.acts).join(',')],
    ),
    150,
  );
  const evaluation = useEvaluation(
    evalInput as { list: string; population: 'adult' | 'child'; items: string[]; acts: string[] },
  );
  const order = ticked;
  const errPath = error instanceof ApiError ? (error.path ?? '') : '';
  const itemError = (itemId: string) => {
    const m = /^body\.indicators\.(\d+)\./.exec(errPath);
    return m && order[Number(m[1])] === itemId && error instanceof ApiError ? error.message : null;
  };
  const actError = (act: string) => {
    const m = /^body\.acts\.(\d+)\./.exec(errPath);
    return m && Object.keys(draft.acts)[Number(m[1])] === act && error instanceof ApiError ? error.message : null;
  };
  const setItem = (id: string, v: Draft['indicators'][string] | null) => {
    onChange();
    setDraft((d) => {
      const indicators = { ...d.indicators };
      if (v) indicators[id] = v;
      else delete indicators[id];
      return { ...d, indicators };
    });
  };
  const setAct = (act: string, v: string[] | null) => {
    onChange();
    setDraft((d) => {
      const acts = { ...d.acts };
      if (v) acts[act] = v;
      else delete acts[act];
      return { ...d, acts };
    });
  };
  /** A message marked by its words becomes evidence of the indicator (ticking it if needed). */
  const attach = (itemId: string, entityId: string) => {
    const v = draft.indicators[itemId];
    const ref = `entity:${entityId}`;
    setItem(itemId, {
      reliability: 'B',
      information: '2',
      ...v,
      evidence: [...(v?.evidence ?? []).filter(Boolean), ref],
    });
  };
  const save = async () => {
    setError(null);
    try {
      const body = {
        catalogue: catalogue.key,
        version: catalogue.version,
        list: list?.id ?? '',
        population,
        indicators: order.map((itemId) => {
          const v = draft.indicators[itemId];
          return {
            itemId,
            reliability: v?.reliability ?? 'B',
            information: v?.information ?? '2',
            evidence: (v?.evidence ?? []).filter(Boolean).map(toRef),
          };
        }),
        acts: Object.entries(draft.acts).map(([act, ev]) => ({ act, evidence: ev.filter(Boolean).map(toRef) })),
        ...(draft.screening ? { screening: draft.screening } : {}),
      };
      const r = await saveAssessment(caseId, personId, body);
      await qc.invalidateQueries({ queryKey: idKeys.all(caseId) });
      onSaved(r.assessment);
    } catch (e) {
      setError(e);
    }
  };
  if (!list) return null;
  return (
    <div className="id-editor">
      <div className="id-editor-main">
        <div className="field">
          <label htmlFor="id-list">{t('identification.list')}</label>
          <select id="id-list" value={list.id} onChange={(e) => setDraft((d) => ({ ...d, list: e.target.value }))}>
            {catalogue.lists.map((l) => (
              <option key={l.id} value={l.id}>
                {textOf(l.text, lang)}
              </option>
            ))}
          </select>
          <div className="field-hint">
            {textOf(catalogue.title, lang)} · {t('identification.version', { version: catalogue.version })} ·{' '}
            {t('identification.unverifiedHint')}
          </div>
        </div>
        {catalogue.dimensions.map((dim) => {
          const items = list.items.filter((i) => i.dimension === dim.id);
          const result = evaluation.data?.decision.dimensions.find((d) => d.id === dim.id);
          return (
            <fieldset key={dim.id} className="id-dimension" data-dimension={dim.id}>
              <legend>
                {textOf(dim.text, lang)}{' '}
                {result ? (
                  <span className={result.positive ? 'tag id-positive' : 'tag'}>
                    {result.positive ? t('identification.positive') : t('identification.notPositive')}
                  </span>
                ) : null}
              </legend>
              {items.map((it) => {
                const v = draft.indicators[it.id];
                const err = itemError(it.id);
                return (
                  <div key={it.id} className={`id-item${v ? ' checked' : ''}${err ? ' has-error' : ''}`}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={!!v}
                        data-item={it.id}
                        onChange={(e) =>
                          setItem(
                            it.id,
                            e.target.checked ? { evidence: [''], reliability: 'B', information: '2' } : null,
                          )
                        }
                      />
                      <span className="id-text">
                        {textOf(it.text, lang)}{' '}
                        {it.rating ? (
                          <span className={`tag id-rating-${it.rating}`}>
                            {t(`identification.rating.${it.rating}`)}
                          </span>
                        ) : null}
                        {it.verification === 'unverified' ? (
                          <span className="tag" title={it.source}>
                            {t('identification.unverified')}
                          </span>
                        ) : null}
                      </span>
                    </label>
                    {v ? (
                      <div className="id-item-detail">
                        <EvidenceSelect
                          id={`ev-${it.id}`}
                          label={t('identification.evidence.label', { item: textOf(it.text, lang) })}
                          value={v.evidence[0] ?? ''}
                          options={options}
                          invalid={!!err}
                          onChange={(x) => setItem(it.id, { ...v, evidence: [x, ...v.evidence.slice(1)] })}
                        />
                        {v.evidence.length > 1 ? (
                          <span className="small muted">
                            {t('identification.evidence.more', { count: v.evidence.length - 1 })}
                          </span>
                        ) : null}
                        <select
                          aria-label={t('grading.reliabilityLabel')}
                          value={v.reliability}
                          onChange={(e) => setItem(it.id, { ...v, reliability: e.target.value })}
                        >
                          {['A', 'B', 'C', 'D', 'X'].map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                        <select
                          aria-label={t('grading.informationLabel')}
                          value={v.information}
                          onChange={(e) => setItem(it.id, { ...v, information: e.target.value })}
                        >
                          {['1', '2', '3', '4'].map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                        {err ? (
                          <div className="field-error" role="alert">
                            {err}
                          </div>
                        ) : null}
                      </div>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        <fieldset className="id-dimension">
          <legend>{t('identification.acts')}</legend>
          <p className="small muted">{t('identification.actsHint')}</p>
          {ACTS.map((act) => {
            const v = draft.acts[act];
            const err = actError(act);
            return (
              <div key={act} className={`id-item${v ? ' checked' : ''}`}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={!!v}
                    data-act={act}
                    onChange={(e) => setAct(act, e.target.checked ? [''] : null)}
                  />
                  <span>{t(`identification.act.${act}`)}</span>
                </label>
                {v ? (
                  <div className="id-item-detail">
                    <EvidenceSelect
                      id={`ev-act-${act}`}
                      label={t('identification.evidence.label', { item: t(`identification.act.${act}`) })}
                      value={v[0] ?? ''}
                      options={options}
                      invalid={!!err}
                      onChange={(x) => setAct(act, [x, ...v.slice(1)])}
                    />
                    {err ? (
                      <div className="field-error" role="alert">
                        {err}
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <div className="form-actions">
          <button type="button" className="btn primary" onClick={() => void save()}>
            <Icon name="check" />
            {t('identification.save')}
          </button>
        </div>
        {error && !/^body\.(indicators|acts)\./.test(errPath) ? <ErrorMessage error={error} /> : null}
      </div>
      <div className="id-editor-side">
        {evaluation.data ? (
          <DecisionPanel decision={evaluation.data.decision} catalogue={catalogue} live />
        ) : evaluation.error ? (
          <ErrorMessage error={evaluation.error} />
        ) : null}
        <IndicatorMarksPanel
          caseId={caseId}
          personId={personId}
          itemIds={list.items.map((i) => i.id)}
          itemLabel={(id) => textOf(list.items.find((i) => i.id === id)?.text ?? { en: id }, lang)}
          attached={(id, entityId) => !!draft.indicators[id]?.evidence.includes(`entity:${entityId}`)}
          onAttach={attach}
        />
      </div>
    </div>
  );
}
