/**
 * A virtualised grid whose rows arrive in pages (the entity list, the statement lines): which
 * pages are on screen, so the page fetches just those; the active row and the keys that move it
 * (arrows, Page Up/Down, Home, End), keeping it scrolled into view; and the sortable column header.
 */
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from './icons.tsx';

export const GRID_ROW_HEIGHT = 34;

export interface VirtualGridOptions {
  /** Rows in all, known once the first page has arrived. */
  total: number;
  /** Rows per fetched page. */
  pageSize: number;
  /** The pages fetched now, and where to report the pages on screen when they change. */
  pages: readonly number[];
  onPages: (pages: number[]) => void;
}

export function useVirtualGrid({ total, pageSize, pages, onPages }: VirtualGridOptions) {
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

export function SortHeader<S extends string>({
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
