/** Loading, empty and error states: a page is never blank and never shows a stack trace. */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client.ts';
import { i18next } from '../i18n/index.ts';
import { Icon } from './icons.tsx';
import type { IconName } from './icons.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

/** The message for an error: translated by its code, with the server's detail beside it. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError) {
    const general = t(`errors.code.${error.code}`, { defaultValue: t('errors.code.unknown') });
    return (
      <>
        {general}
        {error.message && error.code !== 'network' ? (
          <>
            {' '}
            <span className="error-detail" lang="en">
              {error.message}
            </span>
          </>
        ) : null}
      </>
    );
  }
  return <>{t('errors.code.unknown')}</>;
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  return (
    <div className="notice error" role="alert">
      <Icon name="warning" />
      <div>
        {title ? <strong>{title} </strong> : null}
        <ErrorText error={error} />
      </div>
    </div>
  );
}

export function Notice({
  kind = 'info',
  icon = 'check',
  children,
}: {
  kind?: 'info' | 'success' | 'warning';
  icon?: IconName;
  children: ReactNode;
}) {
  return (
    <div className={`notice ${kind}`} role={kind === 'warning' ? 'alert' : 'status'}>
      <Icon name={icon} />
      <div>{children}</div>
    </div>
  );
}

export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <Icon name={icon} size={28} />
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

export function ProgressBar({ value, max, label }: { value: number; max: number | null; label: string }) {
  const pct = max ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(pct !== null ? { 'aria-valuenow': pct } : {})}
      >
        <div
          className={pct === null ? 'progress-fill indeterminate' : 'progress-fill'}
          style={{ width: `${pct ?? 30}%` }}
        />
      </div>
      <span className="progress-label">{pct !== null ? `${pct} %` : ''}</span>
    </div>
  );
}

/** Catches a rendering error in one part of the page; the rest keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the browser console for whoever investigates; never shown on the page.
    console.error('view failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice error" role="alert">
        <Icon name="warning" />
        <div>
          {i18next.t('errors.viewFailed')}{' '}
          <button type="button" className="btn link" onClick={() => this.setState({ failed: false })}>
            {i18next.t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
}
