/**
 * Map a CSV's columns to entities and links: each entity has a type, the columns that identify
 * it and the columns that fill its properties; each link joins two of those entities per row.
 * Experts can edit the resulting FtM mapping as text instead.
 */
import { useTranslation } from 'react-i18next';
import type { SchemaOut } from '../../../../shared/contracts/entities.ts';
import { Field } from '../../../ui/Field.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { endLabel } from '../../entities/index.ts';
import type { MappedEntity, MappedLink, MapperState } from './entityMapping.ts';

type Pair = { prop: string; column: string };

function PropertyRows({
  schema,
  pairs,
  headers,
  onChange,
  idPrefix,
}: {
  schema: SchemaOut | undefined;
  pairs: Pair[];
  headers: readonly string[];
  onChange: (p: Pair[]) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const props = (schema?.properties ?? []).filter(
    (p) => p.type !== 'entity' && p.name !== schema?.edge?.source && p.name !== schema?.edge?.target,
  );
  return (
    <div className="pair-rows">
      {pairs.map((pair, i) => (
        <div className="pair-row" key={i}>
          <select
            aria-label={t('mapper.column')}
            id={`${idPrefix}-col-${i}`}
            value={pair.column}
            onChange={(e) => onChange(pairs.map((p, j) => (j === i ? { ...p, column: e.target.value } : p)))}
          >
            <option value="">—</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
          <Icon name="chevronRight" size={12} />
          <select
            aria-label={t('mapper.property')}
            value={pair.prop}
            onChange={(e) => onChange(pairs.map((p, j) => (j === i ? { ...p, prop: e.target.value } : p)))}
          >
            <option value="">—</option>
            {props.map((p) => (
              <option key={p.name} value={p.name}>
                {t(`prop.${p.name}`, { defaultValue: p.label })}
              </option>
            ))}
          </select>
          <button type="button" className="btn icon-only" onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            <Icon name="close" size={12} label={t('mapper.removeColumn')} />
          </button>
        </div>
      ))}
      <button type="button" className="btn subtle small" onClick={() => onChange([...pairs, { prop: '', column: '' }])}>
        <Icon name="plus" size={12} />
        {t('mapper.addColumn')}
      </button>
    </div>
  );
}

function EntityCard({
  e,
  schemata,
  headers,
  onChange,
  onRemove,
}: {
  e: MappedEntity;
  schemata: readonly SchemaOut[];
  headers: readonly string[];
  onChange: (e: MappedEntity) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const types = schemata.filter((s) => !s.abstract && !s.edge);
  return (
    <fieldset className="map-card">
      <legend>{t('mapper.entity', { name: e.name })}</legend>
      <Field label={t('mapper.type')}>
        {(p) => (
          <select {...p} value={e.schema} onChange={(ev) => onChange({ ...e, schema: ev.target.value, props: [] })}>
            {types.map((s) => (
              <option key={s.name} value={s.name}>
                {t(`schema.${s.name}.one`, { defaultValue: s.label })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="key-columns">
        <legend>{t('mapper.keys')}</legend>
        {headers.map((h) => (
          <label key={h} className="checkbox">
            <input
              type="checkbox"
              checked={e.keys.includes(h)}
              onChange={(ev) =>
                onChange({ ...e, keys: ev.target.checked ? [...e.keys, h] : e.keys.filter((k) => k !== h) })
              }
            />
            {h}
          </label>
        ))}
      </fieldset>
      <PropertyRows
        schema={schemata.find((s) => s.name === e.schema)}
        pairs={e.props}
        headers={headers}
        onChange={(props) => onChange({ ...e, props })}
        idPrefix={`e-${e.name}`}
      />
      {onRemove ? (
        <button type="button" className="btn subtle small" onClick={onRemove}>
          <Icon name="trash" size={12} />
          {t('mapper.removeEntity')}
        </button>
      ) : null}
    </fieldset>
  );
}

function LinkCard({
  l,
  state,
  schemata,
  headers,
  onChange,
  onRemove,
}: {
  l: MappedLink;
  state: MapperState;
  schemata: readonly SchemaOut[];
  headers: readonly string[];
  onChange: (l: MappedLink) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const edges = schemata.filter((s) => s.edge && !s.abstract);
  const schema = edges.find((s) => s.name === l.schema);
  const ends = (side: 'source' | 'target') => (
    <Field label={endLabel(t, schema?.edge?.[side] ?? side)}>
      {(p) => (
        <select {...p} value={l[side]} onChange={(ev) => onChange({ ...l, [side]: ev.target.value })}>
          {state.entities.map((e) => (
            <option key={e.name} value={e.name}>
              {e.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <fieldset className="map-card link-card">
      <legend>{t('mapper.link', { name: l.name })}</legend>
      <Field label={t('mapper.linkType')}>
        {(p) => (
          <select {...p} value={l.schema} onChange={(ev) => onChange({ ...l, schema: ev.target.value, props: [] })}>
            {edges.map((s) => (
              <option key={s.name} value={s.name}>
                {t(`schema.${s.name}.one`, { defaultValue: s.label })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {ends('source')}
      {ends('target')}
      <PropertyRows
        schema={schema}
        pairs={l.props}
        headers={headers}
        onChange={(props) => onChange({ ...l, props })}
        idPrefix={`l-${l.name}`}
      />
      <button type="button" className="btn subtle small" onClick={onRemove}>
        <Icon name="trash" size={12} />
        {t('mapper.removeLink')}
      </button>
    </fieldset>
  );
}

export function EntityMapper({
  state,
  onChange,
  schemata,
  headers,
}: {
  state: MapperState;
  onChange: (s: MapperState) => void;
  schemata: readonly SchemaOut[];
  headers: readonly string[];
}) {
  const { t } = useTranslation();
  const nextName = (base: string, taken: string[]) => {
    let i = 1;
    while (taken.includes(`${base}${i}`)) i++;
    return `${base}${i}`;
  };
  const names = [...state.entities.map((e) => e.name), ...state.links.map((l) => l.name)];
  return (
    <div className="entity-mapper">
      <div className="map-cards">
        {state.entities.map((e, i) => (
          <EntityCard
            key={e.name}
            e={e}
            schemata={schemata}
            headers={headers}
            onChange={(ne) => onChange({ ...state, entities: state.entities.map((x, j) => (j === i ? ne : x)) })}
            {...(state.entities.length > 1
              ? {
                  onRemove: () =>
                    onChange({
                      entities: state.entities.filter((_, j) => j !== i),
                      links: state.links.filter((l) => l.source !== e.name && l.target !== e.name),
                    }),
                }
              : {})}
          />
        ))}
        {state.links.map((l, i) => (
          <LinkCard
            key={l.name}
            l={l}
            state={state}
            schemata={schemata}
            headers={headers}
            onChange={(nl) => onChange({ ...state, links: state.links.map((x, j) => (j === i ? nl : x)) })}
            onRemove={() => onChange({ ...state, links: state.links.filter((_, j) => j !== i) })}
          />
        ))}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() =>
            onChange({
              ...state,
              entities: [
                ...state.entities,
                { name: nextName('entity', names), schema: 'Company', keys: [], props: [] },
              ],
            })
          }
        >
          <Icon name="plus" />
          {t('mapper.addEntity')}
        </button>
        {state.entities.length >= 2 ? (
          <button
            type="button"
            className="btn"
            onClick={() =>
              onChange({
                ...state,
                links: [
                  ...state.links,
                  {
                    name: nextName('link', names),
                    schema: 'Employment',
                    source: state.entities[1]?.name ?? '',
                    target: state.entities[0]?.name ?? '',
                    props: [],
                  },
                ],
              })
            }
          >
            <Icon name="link" />
            {t('mapper.addLink')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
