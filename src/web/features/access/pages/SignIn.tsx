import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginBody } from '../../../../shared/contracts/index.ts';
import { ApiError, api } from '../../../ui/api/client.ts';
import type { MeOut } from '../../../../shared/contracts/access.ts';
import { navigate, useLocation } from '../../../ui/routing/location.ts';
import { paths } from '../../../ui/routing/paths.ts';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, setLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../../state/session.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorText } from '../../../ui/feedback.tsx';
import { zodErrors } from '../../../ui/forms.ts';
import type { FieldErrors } from '../../../ui/forms.ts';
import { Icon } from '../../../ui/icons.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

export function SignIn() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('signIn.title'));
  const setMe = useSession((s) => s.setMe);
  const path = useLocation((s) => s.path);
  const [values, setValues] = useState({ username: '', password: '', totp: '', newPassword: '' });
  const [touched, setTouched] = useState(false);
  const [needTotp, setNeedTotp] = useState(false);
  // After an administrator's reset the password given works once, to choose one's own.
  const [needNewPassword, setNeedNewPassword] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const body = {
    username: values.username,
    password: values.password,
    ...(needTotp ? { totp: values.totp } : {}),
    ...(needNewPassword ? { newPassword: values.newPassword } : {}),
  };
  const errors: FieldErrors = touched ? zodErrors(LoginBody, body, t) : {};

  const submit = async () => {
    setTouched(true);
    if (Object.keys(zodErrors(LoginBody, body, t)).length) return;
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<{ user: MeOut }>('POST', '/api/auth/login', body);
      if (isLanguage(user.language)) await setLanguage(user.language);
      setMe(user);
      if (path === paths.signIn() || path === '/') navigate(paths.cases(), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') setNeedTotp(true);
      else if (e instanceof ApiError && e.code === 'password_change_required') setNeedNewPassword(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-page">
      <main id="main" className="sign-in-card" tabIndex={-1}>
        <div className="brand large">
          <Icon name="flag" size={24} />
          <span>ELECT THB</span>
        </div>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t('signIn.username')} error={errors['username']} required>
            {(p) => (
              <input
                {...p}
                type="text"
                name="username"
                autoComplete="username"
                autoFocus
                value={values.username}
                onChange={(e) => setValues({ ...values, username: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('signIn.password')} error={errors['password']} required>
            {(p) => (
              <input
                {...p}
                type="password"
                name="password"
                autoComplete="current-password"
                value={values.password}
                onChange={(e) => setValues({ ...values, password: e.target.value })}
              />
            )}
          </Field>
          {needTotp ? (
            <Field label={t('signIn.totp')} error={errors['totp']} hint={t('signIn.totpHint')} required>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  name="totp"
                  value={values.totp}
                  onChange={(e) => setValues({ ...values, totp: e.target.value })}
                />
              )}
            </Field>
          ) : null}
          {needNewPassword ? (
            <Field
              label={t('signIn.newPassword')}
              error={errors['newPassword']}
              hint={t('signIn.newPasswordHint')}
              required
            >
              {(p) => (
                <input
                  {...p}
                  type="password"
                  name="newPassword"
                  autoComplete="new-password"
                  value={values.newPassword}
                  onChange={(e) => setValues({ ...values, newPassword: e.target.value })}
                />
              )}
            </Field>
          ) : null}
          {error ? (
            <div className="notice error" role="alert">
              <Icon name="warning" />
              <div>
                {error instanceof ApiError && error.status === 401 ? (
                  t('signIn.failed')
                ) : error instanceof ApiError && error.status === 429 ? (
                  t('signIn.locked')
                ) : (
                  <ErrorText error={error} />
                )}
              </div>
            </div>
          ) : null}
          <button type="submit" className="btn primary" disabled={busy}>
            {busy ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
        <div className="sign-in-language">
          <label htmlFor="sign-in-language">{t('app.language')}</label>
          <select
            id="sign-in-language"
            value={i18n.language}
            onChange={(e) => isLanguage(e.target.value) && void setLanguage(e.target.value)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </main>
    </div>
  );
}
