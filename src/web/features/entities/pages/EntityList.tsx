/**
 * Entities and links of a case as one virtualised table: filters by kind, type, procedural
 * status and name, sorting by column, tens of thousands of rows at scrolling speed. Keyboard:
 * arrows move, Space shows the row in the inspector, Enter opens it.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityRowOut, entityRowSorts } from '../../../../shared/contracts/entities.ts';
import { useCase } from '../../cases/index.ts';
import { useSchemata } from '../api/hooks.ts';
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
import { VirtualGrid } from '../../../ui/VirtualGrid.tsx';
import { PAGE_SIZE, usePagedRows } from '../api/entityRows.ts';

type Sort = (typeof entityRowSorts)[number];
const STATUSES = ['suspect', 'victim', 'presumedVictim', 'witness', 'other'];
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

  const onSort = (c: Sort) => {
    if (c === sort) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(c);
      setDir('asc');
    }
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>, row: EntityRowOut) => {
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
        <VirtualGrid
          label={t('entities.title')}
          testId="entity-grid"
          idPrefix="row"
          total={total}
          pageSize={PAGE_SIZE}
          pages={visible}
          onPages={setVisible}
          columns={[
            { label: t('entities.col.type'), sort: 'schema' },
            { label: t('entities.col.name'), sort: 'caption' },
            { label: t('entities.col.functions') },
            { label: t('entities.col.grading') },
            { label: t('entities.col.updated'), sort: 'updatedAt' },
          ]}
          sort={sort}
          dir={dir}
          onSort={onSort}
          rowAt={rows.rowAt}
          cells={(row) => [
            { content: <TypeName schema={row.schema} /> },
            {
              className: 'name-cell',
              content: (
                <>
                  <Link to={paths.entity(caseId, row.id)} tabIndex={-1}>
                    <Caption caption={row.caption || t('entity.untitled')} pseudonym={row.pseudonym} />
                  </Link>
                  <RoleBadge status={row.status} />
                </>
              ),
            },
            { content: row.functions.map((fn) => t(`function.${fn}`, { defaultValue: fn })).join(', ') },
            { content: <GradingBadge reliability={row.reliability} information={row.information} /> },
            { content: f.date(row.updatedAt) },
          ]}
          rowProps={(row) => ({ onDoubleClick: () => navigate(paths.entity(caseId, row.id)) })}
          onPick={(row) => select(caseId, row.id)}
          onKey={onKey}
          empty={t('entities.none')}
        />
      )}
      <p className="muted small">{t('entities.keyboardHint')}</p>
      <p className="muted small">{t('entities.gradingLegend')}</p>
    </div>
  );
}
