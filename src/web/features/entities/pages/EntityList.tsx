/**
 * Entities and links of a case as one virtualised table: filters by kind, type, procedural
 * status and name, sorting by column, tens of thousands of rows at scrolling speed. Keyboard:
 * arrows move, Space shows the row in the inspector, Enter opens it.
 */
import { useState } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { entityRowSorts } from '../../../../shared/contracts/workspace.ts';
import { useCase } from '../../cases/index.ts';
import { useSchemata } from '../api/hooks.ts';
import type { EntityRowOut } from '../../../../shared/contracts/workspace.ts';
import { Link } from '../../../ui/routing/Link.tsx';
import { navigate, useQueryParam } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useSelection } from '../../../state/session.ts';
import { Caption, GradingBadge, RoleBadge, TypeName } from '../../../ui/EntityBadge.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { useDebounced } from '../../../ui/useDebounced.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { GRID_ROW_HEIGHT, SortHeader, useVirtualGrid } from '../../../ui/virtualGrid.tsx';
import { PAGE_SIZE, usePagedRows } from '../api/entityRows.ts';

type Sort = (typeof entityRowSorts)[number];
const STATUSES = ['suspect', 'victim', 'presumedVictim', 'witness', 'other'];
function Row({
  caseId,
  row,
  index,
  active,
  onPick,
  style,
}: {
  caseId: string;
  row: EntityRowOut | undefined;
  index: number;
  active: boolean;
  onPick: () => void;
  style: CSSProperties;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} className="row loading-row" style={style}>
        <div role="gridcell" className="cell">
          …
        </div>
      </div>
    );
  }
  return (
    <div
      role="row"
      id={`row-${index}`}
      aria-rowindex={index + 2}
      aria-selected={active}
      className={active ? 'row active' : 'row'}
      style={style}
      onClick={onPick}
      onDoubleClick={() => navigate(paths.entity(caseId, row.id))}
    >
      <div role="gridcell" className="cell">
        <TypeName schema={row.schema} />
      </div>
      <div role="gridcell" className="cell name-cell">
        <Link to={paths.entity(caseId, row.id)} tabIndex={-1}>
          <Caption caption={row.caption || t('entity.untitled')} pseudonym={row.pseudonym} />
        </Link>
        <RoleBadge status={row.status} />
      </div>
      <div role="gridcell" className="cell">
        {row.functions.map((fn) => t(`function.${fn}`, { defaultValue: fn })).join(', ')}
      </div>
      <div role="gridcell" className="cell">
        <GradingBadge reliability={row.reliability} information={row.information} />
      </div>
      <div role="gridcell" className="cell">
        {f.date(row.updatedAt)}
      </div>
    </div>
  );
}

export function EntityList({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('entities.title'));
  const f = useFormat();
  const kase = useCase(caseId);
  const schemata = useSchemata();
  const source = useQueryParam('source');
  const [kind, setKind] = useState<'all' | 'entities' | 'links'>('all');
  const [schema, setSchema] = useState(useQueryParam('schema') ?? '');
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>('caption');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const q = useDebounced(text.trim());
  const select = useSelection((s) => s.select);

  const filter = {
    kind,
    sort,
    dir,
    ...(schema ? { schema } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(source ? { source } : {}),
  };
  const [visible, setVisible] = useState<number[]>([0]);
  const rows = usePagedRows(caseId, filter, visible);
  const total = rows.total ?? 0;

  const { scrollRef, virtualizer, items, active, setActive, moveByKey } = useVirtualGrid({
    total,
    pageSize: PAGE_SIZE,
    pages: visible,
    onPages: setVisible,
  });

  const onSort = (c: Sort) => {
    if (c === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(c);
      setDir('asc');
    }
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || moveByKey(e)) return;
    const row = rows.rowAt(active);
    if (!row) return;
    if (e.key === 'Enter') navigate(paths.entity(caseId, row.id));
    if (e.key === ' ') {
      e.preventDefault();
      select(caseId, row.id);
    }
  };

  const types = (schemata.data?.schemata ?? []).filter(
    (s) => !s.abstract && (kind === 'all' || (kind === 'links') === !!s.edge),
  );
  return (
    <div className="page list-page">
      <header className="page-header">
        <h1>{t('entities.title')}</h1>
        <span className="muted" aria-live="polite" data-testid="row-count">
          {t('entities.count', { formatted: f.number(total) })}
        </span>
        {kase.data?.access?.canWrite !== false ? (
          <Link className="btn" to={paths.newEntity(caseId, schema || undefined)}>
            <Icon name="plus" />
            {t('entities.new')}
          </Link>
        ) : null}
      </header>
      <div className="filters" role="group" aria-label={t('common.filters')}>
        <div className="field inline">
          <label htmlFor="f-kind">{t('entities.kind')}</label>
          <select
            id="f-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as typeof kind);
              setSchema('');
            }}
          >
            <option value="all">{t('entities.kinds.all')}</option>
            <option value="entities">{t('entities.kinds.entities')}</option>
            <option value="links">{t('entities.kinds.links')}</option>
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="f-type">{t('entities.type')}</label>
          <select id="f-type" value={schema} onChange={(e) => setSchema(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {types.map((s) => (
              <option key={s.name} value={s.name}>
                {t(`schema.${s.name}.other`, { defaultValue: s.plural })}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor="f-status">{t('entities.status')}</label>
          <select id="f-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline grow">
          <label htmlFor="f-text">{t('entities.filterName')}</label>
          <input id="f-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {source ? (
          <span className="tag removable">
            {t('entities.fromImport')}
            <button type="button" className="btn icon-only" onClick={() => navigate(paths.entities(caseId))}>
              <Icon name="close" size={12} label={t('common.clearFilter')} />
            </button>
          </span>
        ) : null}
      </div>
      {rows.first.error ? (
        <ErrorMessage error={rows.first.error} />
      ) : rows.first.isPending ? (
        <Loading />
      ) : (
        <div
          ref={scrollRef}
          className="grid"
          role="grid"
          tabIndex={0}
          aria-label={t('entities.title')}
          aria-rowcount={total + 1}
          aria-colcount={5}
          {...(rows.rowAt(active) ? { 'aria-activedescendant': `row-${active}` } : {})}
          onKeyDown={onKey}
          data-testid="entity-grid"
        >
          <div role="rowgroup" className="grid-head">
            <div role="row" aria-rowindex={1} className="row head">
              <SortHeader label={t('entities.col.type')} column="schema" sort={sort} dir={dir} onSort={onSort} />
              <SortHeader label={t('entities.col.name')} column="caption" sort={sort} dir={dir} onSort={onSort} />
              <div role="columnheader" className="cell">
                {t('entities.col.functions')}
              </div>
              <div role="columnheader" className="cell">
                {t('entities.col.grading')}
              </div>
              <SortHeader label={t('entities.col.updated')} column="updatedAt" sort={sort} dir={dir} onSort={onSort} />
            </div>
          </div>
          <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <Row
                key={item.key}
                caseId={caseId}
                row={rows.rowAt(item.index)}
                index={item.index}
                active={item.index === active}
                style={{ transform: `translateY(${item.start}px)`, height: GRID_ROW_HEIGHT }}
                onPick={() => {
                  setActive(item.index);
                  const r = rows.rowAt(item.index);
                  if (r) select(caseId, r.id);
                }}
              />
            ))}
          </div>
          {total === 0 ? <p className="empty-grid">{t('entities.none')}</p> : null}
        </div>
      )}
      <p className="muted small">{t('entities.keyboardHint')}</p>
    </div>
  );
}
