/**
 * How an entity is named everywhere: its type's colour and icon, its caption, and for persons
 * a role badge (suspect, victim…). A victim's pseudonym is set apart — mask icon, monospace,
 * dashed frame — so it can never be mistaken for a real name.
 */
import { useTranslation } from 'react-i18next';
import { typeStyle } from './entityTypes.ts';
import { Icon } from './icons.tsx';

export function TypeChip({ schema, size = 16 }: { schema: string; size?: number }) {
  const s = typeStyle(schema);
  return (
    <span
      className="type-chip"
      style={{ backgroundColor: s.color, width: size + 4, height: size + 4 }}
      aria-hidden="true"
    >
      <Icon name={s.icon} size={size - 2} />
    </span>
  );
}

export function TypeName({ schema }: { schema: string }) {
  const { t } = useTranslation();
  return (
    <span className="type-name">
      <TypeChip schema={schema} />
      <span>{t(`schema.${schema}.one`, { defaultValue: schema })}</span>
    </span>
  );
}

const ROLE_ICON = {
  suspect: 'alert',
  victim: 'shield',
  presumedVictim: 'shield',
  witness: 'eye',
  other: 'person',
} as const;

export function RoleBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  const icon = ROLE_ICON[status as keyof typeof ROLE_ICON] ?? 'person';
  return (
    <span className={`role-badge role-${status}`}>
      <Icon name={icon} size={12} />
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}

export function Caption({ caption, pseudonym }: { caption: string; pseudonym: boolean }) {
  const { t } = useTranslation();
  if (!pseudonym) return <span className="caption">{caption}</span>;
  return (
    <span className="pseudonym" title={t('entity.pseudonymHint')}>
      <Icon name="mask" size={14} label={t('entity.pseudonym')} />
      <span className="pseudonym-text">{caption}</span>
    </span>
  );
}

export interface BadgeEntity {
  schema: string;
  caption: string;
  status?: string | null;
  pseudonym?: boolean;
}

/** Type chip, caption (or pseudonym) and role badge on one line. */
export function EntityBadge({ entity, showType = false }: { entity: BadgeEntity; showType?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="entity-badge">
      <TypeChip schema={entity.schema} />
      {showType ? (
        <span className="visually-hidden">{t(`schema.${entity.schema}.one`, { defaultValue: entity.schema })}: </span>
      ) : null}
      <Caption caption={entity.caption || t('entity.untitled')} pseudonym={entity.pseudonym ?? false} />
      <RoleBadge status={entity.status} />
    </span>
  );
}

/** 4x4 grading, e.g. "B2", with both scales spelled out on hover and for screen readers. */
export function GradingBadge({ reliability, information }: { reliability: string; information: string }) {
  const { t } = useTranslation();
  const text = `${t(`grading.reliability.${reliability}`)} · ${t(`grading.information.${information}`)}`;
  return (
    <span className="grading" title={text}>
      <span aria-hidden="true">
        {reliability}
        {information}
      </span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
