import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Locale } from '../../../contract/common.ts';
import { loginLocales, loginText, type LoginTextKey } from './login-text.ts';
import './login.css';

/** Why the login page is showing, when it is not the first visit. */
export type LoginNotice = 'expired' | 'signedOut' | null;

interface Props {
  locale: Locale;
  largeFont: boolean;
  onLocale(locale: Locale): void;
  onLargeFont(on: boolean): void;
  notice: LoginNotice;
  /** Signs in; a rejection's message (the server's own, in the page's language) is shown above the form. */
  signIn(username: string, password: string): Promise<void>;
}

type FieldErrors = Partial<Record<'username' | 'password', LoginTextKey>>;

function check(username: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (username.trim() === '') errors.username = 'login.usernameRequired';
  if (password === '') errors.password = 'login.passwordRequired';
  return errors;
}

/**
 * The sign-in page in plain React and the project's CSS, without antd: it is the first thing a
 * slow phone downloads, and the console (antd and all) follows only after signing in. Both the
 * first load of /login (light-login.tsx) and the console's own /login route show it.
 */
export function LoginForm({ locale, largeFont, onLocale, onLargeFont, notice, signIn }: Props) {
  const text = loginText[locale];
  const t = (key: LoginTextKey) => text[key];
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Field messages show once a submit was tried, then follow the typing (as the console's forms do).
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const page = text['login.heading'];
    document.title = `${page} · ${text['app.name']}`;
  }, [text]);

  const onChange = (nextUser: string, nextPassword: string) => {
    setUsername(nextUser);
    setPassword(nextPassword);
    if (tried) setErrors(check(nextUser, nextPassword));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = check(username, password);
    setTried(true);
    setErrors(found);
    if (found.username) return usernameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hm-login-page">
      <a className="hm-skip-link" href="#login-main">
        {t('a11y.skipToContent')}
      </a>
      <header className="hm-login-header">
        <div className="hm-preferences">
          <span className="hm-inline-field">
            <label htmlFor="login-language">{t('prefs.language')}</label>
            <select
              id="login-language"
              className="hm-login-select"
              value={locale}
              onChange={(e) => onLocale(e.target.value as Locale)}
            >
              {loginLocales.map((l) => (
                <option key={l.locale} value={l.locale} lang={l.locale}>
                  {l.name}
                </option>
              ))}
            </select>
          </span>
          <span className="hm-inline-field">
            <button
              type="button"
              id="login-large-font"
              role="switch"
              aria-checked={largeFont}
              aria-labelledby="login-large-font-label"
              className="hm-login-switch"
              onClick={() => onLargeFont(!largeFont)}
            >
              <span className="hm-login-switch-knob" aria-hidden />
            </button>
            <label id="login-large-font-label" htmlFor="login-large-font">
              {t('prefs.largeFont')}
            </label>
          </span>
        </div>
      </header>
      <main id="login-main" tabIndex={-1} className="hm-login-main">
        <div className="hm-login-card">
          <div className="hm-login-brand" aria-hidden>
            {t('app.name')}
          </div>
          <p className="hm-login-subtitle">{t('app.subtitle')}</p>
          <h1 className="hm-login-heading">{t('login.heading')}</h1>
          {notice && !error && (
            <div className={`hm-login-alert hm-login-alert-${notice === 'expired' ? 'warning' : 'info'}`} role="status">
              {t(notice === 'expired' ? 'session.expired' : 'session.signedOut')}
            </div>
          )}
          {error && (
            <div className="hm-login-alert hm-login-alert-error" role="alert" data-testid="login-error">
              {error}
            </div>
          )}
          <form id="login" noValidate onSubmit={(e) => void submit(e)}>
            <div className="hm-login-field">
              <label htmlFor="login_username">{t('login.username')}</label>
              <input
                ref={usernameRef}
                id="login_username"
                name="username"
                value={username}
                onChange={(e) => onChange(e.target.value, password)}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                aria-required
                aria-invalid={errors.username ? true : undefined}
                aria-describedby={errors.username ? 'login_username_help' : undefined}
              />
              {errors.username && (
                <div id="login_username_help" className="hm-login-field-error" role="alert">
                  {t(errors.username)}
                </div>
              )}
            </div>
            <div className="hm-login-field">
              <label htmlFor="login_password">{t('login.password')}</label>
              <input
                ref={passwordRef}
                id="login_password"
                name="password"
                type="password"
                value={password}
                onChange={(e) => onChange(username, e.target.value)}
                autoComplete="current-password"
                aria-required
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={errors.password ? 'login_password_help' : undefined}
              />
              {errors.password && (
                <div id="login_password_help" className="hm-login-field-error" role="alert">
                  {t(errors.password)}
                </div>
              )}
            </div>
            <button type="submit" className="hm-login-submit" aria-busy={busy || undefined}>
              {busy && <span className="hm-login-spinner" aria-hidden />}
              {t('login.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
