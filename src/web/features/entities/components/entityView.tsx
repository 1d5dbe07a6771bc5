/** Pieces shared by the entity page and the inspector: property values, provenance, grading. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntityRows, useSchemata } from '../api/hooks.ts';
import { useSources } from '../../cases/index.ts';
import type { EntityOut } from '../../../../shared/contracts/index.ts';
import type { EntityRowOut, PropertyOut, SchemaOut } from '../../../../shared/contracts/entities.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { EntityBadge, GradingBadge } from '../../../ui/EntityBadge.tsx';
import { useUserNames } from '../../cases/index.ts';

export function useSchema(name: string | undefined): SchemaOut | undefined {
  const schemata = useSchemata();
  return schemata.data?.schemata.find((s) => s.name === name);
}

/** Rows (caption, type, role) for entity ids: the other ends of links. */
export function useRowsById(caseId: string, ids: readonly string[]): Map<string, EntityRowOut> {
  const unique = [...new Set(ids)].sort();
  const rows = useEntityRows(caseId, { ids: unique.join(','), limit: 1000 }, unique.length > 0);
  return new Map((rows.data?.rows ?? []).map((r) => [r.id, r]));
}

export function PropertyValues({
  caseId,
  prop,
  values,
  entity,
  rows,
}: {
  caseId: string;
  prop: PropertyOut;
  values: string[];
  entity: EntityOut;
  rows: Map<string, EntityRowOut>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const currency = entity.properties['currency']?.[0];
  const shown = values.map((v, i) => {
    let node: ReactNode = v;
    if (prop.type === 'entity') {
      const r = rows.get(v);
      node = r ? (
        <Link to={paths.entity(caseId, v)}>
          <EntityBadge entity={r} />
        </Link>
      ) : (
        <span className="muted">{v}</span>
      );
    } else if (prop.name === 'amount' && currency && /^-?\d+(\.\d+)?$/.test(v)) node = f.money(Number(v), currency);
    else if (prop.name === 'proceduralStatus') node = t(`status.${v}`, { defaultValue: v });
    else if (prop.name === 'crimeScriptFunctions') node = t(`function.${v}`, { defaultValue: v });
    else if (prop.type === 'gender') node = t(`gender.${v}`, { defaultValue: v });
    else if (prop.type === 'url' && /^https?:\/\//.test(v)) node = <span className="mono">{v}</span>;
    else if (prop.type === 'phone' || prop.type === 'iban' || prop.type === 'identifier' || prop.type === 'checksum')
      node = <span className="mono">{v}</span>;
    else node = f.value(prop.type, v);
    return <li key={`${i}-${v}`}>{node}</li>;
  });
  return <ul className="values">{shown}</ul>;
}

/** Properties with values, in the model's order; link ends are shown as links to them. */
export function PropertiesTable({ caseId, entity, limit }: { caseId: string; entity: EntityOut; limit?: number }) {
  const { t } = useTranslation();
  const schema = useSchema(entity.schema);
  // The property that names the entity first, then the rest in the model's order.
  const present = (schema?.properties ?? []).filter((p) => (entity.properties[p.name] ?? []).length > 0);
  const naming = schema?.caption.find((c) => present.some((p) => p.name === c));
  const props = [...present.filter((p) => p.name === naming), ...present.filter((p) => p.name !== naming)];
  const refIds = props.filter((p) => p.type === 'entity').flatMap((p) => entity.properties[p.name] ?? []);
  const rows = useRowsById(caseId, refIds);
  const shown = limit ? props.slice(0, limit) : props;
  if (!props.length) return <p className="muted">{t('entity.noProperties')}</p>;
  return (
    <>
      <dl className="properties">
        {shown.map((p) => (
          <div key={p.name} className="property">
            <dt>{t(`prop.${p.name}`, { defaultValue: p.label })}</dt>
            <dd>
              <PropertyValues
                caseId={caseId}
                prop={p}
                values={entity.properties[p.name] ?? []}
                entity={entity}
                rows={rows}
              />
            </dd>
          </div>
        ))}
      </dl>
      {/* Outside the list: a <dl> may hold only name/value groups. */}
      {limit && props.length > limit ? (
        <p className="muted small">{t('entity.moreProperties', { n: props.length - limit })}</p>
      ) : null}
    </>
  );
}

/** Where the fact came from and how it is graded: always one look away. */
export function Provenance({ caseId, entity }: { caseId: string; entity: EntityOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sources = useSources(caseId);
  const nameOf = useUserNames(caseId);
  const source = sources.data?.sources.find((s) => s.id === entity.provenance.sourceId);
  return (
    <dl className="properties provenance">
      <div className="property">
        <dt>{t('provenance.source')}</dt>
        <dd>
          {source ? (
            <>
              <span className="tag">{t(`sourceKind.${source.kind}`, { defaultValue: source.kind })}</span>{' '}
              {source.label}
              {source.sha256 ? (
                <div className="small">
                  SHA-256 <span className="mono hash">{source.sha256}</span>
                </div>
              ) : null}
            </>
          ) : (
            <span className="muted">{t('provenance.noSource')}</span>
          )}
        </dd>
      </div>
      <div className="property">
        <dt>{t('provenance.recorded')}</dt>
        <dd>
          {nameOf(entity.provenance.recordedBy)} · {f.dateTime(entity.provenance.recordedAt)}
        </dd>
      </div>
      <div className="property">
        <dt>{t('provenance.grading')}</dt>
        <dd>
          <GradingBadge reliability={entity.grading.reliability} information={entity.grading.information} />{' '}
          <span className="small">
            {t(`grading.reliability.${entity.grading.reliability}`)} ·{' '}
            {t(`grading.information.${entity.grading.information}`)}
          </span>
        </dd>
      </div>
    </dl>
  );
}
