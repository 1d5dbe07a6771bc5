import { useTranslation } from 'react-i18next';
import type { LineMessage } from '../../../../shared/contracts/imports.ts';
import { Icon } from '../../../ui/icons.tsx';

/** Problems found in a file, each with its line number (or the option it concerns). */
export function LineMessages({
  messages,
  kind,
  truncated,
}: {
  messages: readonly LineMessage[];
  kind: 'error' | 'warning';
  truncated?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className={`notice ${kind === 'error' ? 'error' : 'warning'}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Icon name="warning" />
      <div>
        <strong>{kind === 'error' ? t('lines.errors') : t('lines.warnings')}</strong>
        <table className="table compact line-messages" data-testid={`line-${kind}s`}>
          <thead>
            <tr>
              <th scope="col">{t('preview.line')}</th>
              <th scope="col">{t('lines.message')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m, i) => (
              <tr key={i}>
                <td className="num">{m.line ?? (m.path ? <span className="mono small">{m.path}</span> : '—')}</td>
                <td lang="en">{m.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {truncated ? <p className="small">{t('lines.truncated')}</p> : null}
      </div>
    </div>
  );
}
