/**
 * The one virtualised grid of the app, for rows that arrive in pages (the entity list, the
 * statement lines): the ARIA grid markup (header, rows, cells, active descendant); which pages are
 * on screen, so the page fetches just those; the active row and the keys that move it (arrows,
 * Page Up/Down, Home, End), keeping it scrolled into view; and the sortable column headers.
 */
import { useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from './icons.tsx';

const GRID_ROW_HEIGHT = 34;

export interface VirtualGridOptions {
  /** Rows in all, known once the first page has arrived. */
  total: number;
  /** Rows per fetched page. */
  pageSize: number;
  /** The pages fetched now, and where to report the pages on screen when they change. */
  pages: readonly number[];
  onPages: (pages: number[]) => void;
}

function useVirtualGrid({ total, pageSize, pages, onPages }: VirtualGridOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GRID_ROW_HEIGHT,
    overscan: 15,
    onChange: (v) => {
      const onScreen = [...new Set(v.getVirtualItems().map((i) => Math.floor(i.index / pageSize)))];
      if (onScreen.join() !== pages.join()) onPages(onScreen.length ? onScreen : [0]);
    },
  });
  /** Moves the active row for a navigation key pressed on the grid itself; true when it did. */
  const moveByKey = (e: KeyboardEvent<HTMLElement>): boolean => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / GRID_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: total - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return false;
    e.preventDefault();
    const i = Math.max(0, Math.min(total - 1, to));
    setActive(i);
    virtualizer.scrollToIndex(i);
    return true;
  };
  return { scrollRef, virtualizer, items: virtualizer.getVirtualItems(), active, setActive, moveByKey };
}

function SortHeader<S extends string>({
  label,
  column,
  sort,
  dir,
  onSort,
  className,
}: {
  label: string;
  column: S;
  sort: S;
  dir: 'asc' | 'desc';
  onSort: (c: S) => void;
  className?: string;
}) {
  const active = sort === column;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`cell${className ? ` ${className}` : ''}`}
    >
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <Icon name={active ? (dir === 'asc' ? 'sortAsc' : 'sortDesc') : 'sortNone'} size={12} />
      </button>
    </div>
  );
}

export interface GridColumn<S extends string> {
  label: string;
  /** The sort key when the column sorts. */
  sort?: S;
  className?: string;
}

export interface GridCell {
  content: ReactNode;
  className?: string;
  title?: string | undefined;
}

export interface VirtualGridProps<T, S extends string> extends VirtualGridOptions {
  label: string;
  testId: string;
  className?: string;
  /** Row element ids are `${idPrefix}-${index}`, named by aria-activedescendant. */
  idPrefix: string;
  columns: readonly GridColumn<S>[];
  sort: S;
  dir: 'asc' | 'desc';
  onSort: (column: S) => void;
  rowAt: (index: number) => T | undefined;
  cells: (row: T) => readonly GridCell[];
  /** Further attributes of a row (a double-click action, a data attribute for tests). */
  rowProps?: (row: T) => HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string>;
  /** A row clicked: it becomes the active row, then this runs. */
  onPick: (row: T) => void;
  /** A key other than the moving keys pressed on the grid, with the active row. */
  onKey?: (e: KeyboardEvent<HTMLDivElement>, row: T) => void;
  /** Shown when there are no rows. */
  empty: ReactNode;
}

export function VirtualGrid<T, S extends string>(props: VirtualGridProps<T, S>) {
  const { label, testId, className, idPrefix, columns, sort, dir, onSort, rowAt, cells, rowProps, onPick, onKey } =
    props;
  const { scrollRef, virtualizer, items, active, setActive, moveByKey } = useVirtualGrid(props);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || moveByKey(e)) return;
    const row = rowAt(active);
    if (row) onKey?.(e, row);
  };
  return (
    <div
      ref={scrollRef}
      className={className ? `grid ${className}` : 'grid'}
      role="grid"
      tabIndex={0}
      aria-label={label}
      aria-rowcount={props.total + 1}
      aria-colcount={columns.length}
      {...(rowAt(active) ? { 'aria-activedescendant': `${idPrefix}-${active}` } : {})}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="row head">
          {columns.map((c) =>
            c.sort ? (
              <SortHeader
                key={c.label}
                label={c.label}
                column={c.sort}
                sort={sort}
                dir={dir}
                onSort={onSort}
                {...(c.className ? { className: c.className } : {})}
              />
            ) : (
              <div key={c.label} role="columnheader" className={c.className ? `cell ${c.className}` : 'cell'}>
                {c.label}
              </div>
            ),
          )}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const style = { transform: `translateY(${item.start}px)`, height: GRID_ROW_HEIGHT };
          if (!row)
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="row loading-row" style={style}>
                <div role="gridcell" className="cell">
                  …
                </div>
              </div>
            );
          return (
            <div
              key={item.key}
              role="row"
              id={`${idPrefix}-${item.index}`}
              aria-rowindex={item.index + 2}
              aria-selected={item.index === active}
              className={item.index === active ? 'row active' : 'row'}
              style={style}
              onClick={() => {
                setActive(item.index);
                onPick(row);
              }}
              {...rowProps?.(row)}
            >
              {cells(row).map((cell, i) => (
                <div
                  key={i}
                  role="gridcell"
                  className={cell.className ? `cell ${cell.className}` : 'cell'}
                  {...(cell.title !== undefined ? { title: cell.title } : {})}
                >
                  {cell.content}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {props.total === 0 ? <p className="empty-grid">{props.empty}</p> : null}
    </div>
  );
}
