/**
 * Choose an entity of the case by typing part of its name (a combobox: arrows move, Enter
 * picks, Esc closes the list). Used for link ends and entity-valued properties.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntityRows } from '../api/hooks.ts';
import type { EntityRowOut } from '../../../../shared/contracts/entities.ts';
import { EntityBadge } from '../../../ui/EntityBadge.tsx';
import { useDebounced } from '../../../ui/useDebounced.ts';

interface Props {
  caseId: string;
  /** Types that may be picked (already expanded to concrete schemata). */
  schemata: readonly string[];
  value: EntityRowOut | null;
  onChange: (row: EntityRowOut | null) => void;
  inputProps: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  exclude?: string;
}

export function EntityPicker({ caseId, schemata, value, onChange, inputProps, exclude }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const rows = useEntityRows(caseId, { q, schema: [...schemata], kind: 'entities', limit: 12 }, open && q.length > 0);
  const options = (rows.data?.rows ?? []).filter((r) => r.id !== exclude);

  if (value) {
    return (
      <div className="picked">
        <EntityBadge entity={value} />
        <button type="button" className="btn subtle" onClick={() => onChange(null)} aria-describedby={inputProps.id}>
          {t('picker.change')}
        </button>
        <input type="hidden" id={inputProps.id} value={value.id} />
      </div>
    );
  }
  const pick = (r: EntityRowOut | undefined) => {
    if (!r) return;
    onChange(r);
    setOpen(false);
    setText('');
  };
  return (
    <div className="picker">
      <input
        {...inputProps}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        {...(open && options[active] ? { 'aria-activedescendant': `${listId}-${active}` } : {})}
        placeholder={t('picker.placeholder')}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(options.length - 1, active + 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(0, active - 1));
          else if (e.key === 'Enter' && open && options[active]) pick(options[active]);
          else if (e.key === 'Escape' && open) setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      {open && q ? (
        <ul id={listId} role="listbox" className="picker-list" aria-label={t('picker.results')}>
          {options.length === 0 ? (
            <li className="muted" role="option" aria-selected={false} aria-disabled="true">
              {rows.isFetching ? t('common.loading') : t('picker.none')}
            </li>
          ) : null}
          {options.map((r, i) => (
            <li
              key={r.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(r);
              }}
            >
              <EntityBadge entity={r} showType />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
