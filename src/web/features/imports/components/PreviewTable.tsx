/** What the import would make of the first lines: one row per item, its problem beside it. */
import { useTranslation } from 'react-i18next';
import { useSchemata } from '../../entities/index.ts';
import type { ImportPreviewOut, PreviewItem } from '../../../../shared/contracts/imports.ts';
import type { SchemaOut } from '../../../../shared/contracts/entities.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { Formatters } from '../../../i18n/format.ts';
import { EntityBadge } from '../../../ui/EntityBadge.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { LineMessages } from './LineMessages.tsx';

type Translate = (k: string, o?: Record<string, unknown>) => string;

/** Up to five values besides the caption, written as the entity page writes them. */
function summary(item: PreviewItem, schemata: readonly SchemaOut[], t: Translate, f: Formatters): string {
  const props = schemata.find((s) => s.name === item.schema)?.properties ?? [];
  return Object.entries(item.properties)
    .filter(([, v]) => v.length && !(v.length === 1 && v[0] === item.caption))
    .slice(0, 5)
    .map(([k, v]) => {
      const type = props.find((p) => p.name === k)?.type ?? 'string';
      return `${t(`prop.${k}`, { defaultValue: k })}: ${v.map((x) => f.value(type, x)).join(', ')}`;
    })
    .join(' · ');
}

export function PreviewTable({ preview, fieldPaths }: { preview: ImportPreviewOut; fieldPaths: readonly string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const schemata = useSchemata().data?.schemata ?? [];
  // Problems about an option are shown at that option; only the rest are listed here.
  const general = preview.errors.filter((e) => !e.path || !fieldPaths.includes(e.path.replace(/^options\./, '')));
  return (
    <div className="preview" data-testid="import-preview">
      {general.length ? <LineMessages messages={general} kind="error" /> : null}
      {preview.items.length === 0 ? (
        <p className="muted">{t('preview.nothing')}</p>
      ) : (
        <table className="table compact">
          <caption>
            {preview.partial
              ? t('preview.captionPartial', { n: preview.items.length })
              : t('preview.caption', { n: preview.items.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.line')}</th>
              <th scope="col">{t('preview.item')}</th>
              <th scope="col">{t('preview.values')}</th>
              <th scope="col">{t('preview.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item, i) => (
              <tr key={`${item.line}-${i}`} className={item.error ? 'row-error' : ''}>
                <td className="num">{item.line}</td>
                <td>
                  {item.kind === 'entity' && item.schema ? (
                    <EntityBadge entity={{ schema: item.schema, caption: item.caption }} showType />
                  ) : (
                    <span>
                      <span className="tag">{t(`preview.kinds.${item.kind}`)}</span> {item.caption}
                    </span>
                  )}
                </td>
                <td className="small">{summary(item, schemata, t, f)}</td>
                <td className="small">
                  {item.error ? (
                    <span className="field-error">
                      <Icon name="warning" size={12} /> {item.error}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.warnings.length ? <LineMessages messages={preview.warnings} kind="warning" /> : null}
    </div>
  );
}
