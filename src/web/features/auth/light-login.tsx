import { StrictMode, useCallback, useEffect, useState } from 'react';
import type { Root } from 'react-dom/client';
import type { Locale } from '../../../contract/common.ts';
import { readStored, removeStored, writeStored } from '../../app/storage.ts';
import { LoginForm } from './LoginForm.tsx';
import { loginText } from './login-text.ts';

// The same storage keys as app/preferences.tsx: the console picks up what was chosen here.
const LOCALE_KEY = 'huimin.locale';
const LARGE_FONT_KEY = 'huimin.largeFont';
const CHOSEN_KEY = 'huimin.chosenSignedOut';

function storedPrefs(): { locale: Locale; largeFont: boolean } {
  const stored = readStored(LOCALE_KEY);
  const locale: Locale = stored === 'zh-TW' || stored === 'en' ? stored : 'zh-CN';
  return { locale, largeFont: readStored(LARGE_FONT_KEY) === '1' };
}

function applyToDocument(locale: Locale, largeFont: boolean): void {
  document.documentElement.lang = locale;
  document.documentElement.classList.toggle('hm-large', largeFont);
}

/** Where to go once signed in: the page the console sent the visitor here from (kept across a reload), else home. */
function destination(): string {
  const state = history.state as { usr?: { from?: unknown } } | null;
  const from = state?.usr?.from;
  return typeof from === 'string' && from.startsWith('/') && from !== '/login' ? from : '/';
}

/** Replaces the login page with the console, at the page the visitor was going to. */
async function openConsole(root: Root): Promise<void> {
  history.replaceState(null, '', destination());
  const { bootConsole } = await import('../../app/boot.tsx');
  await bootConsole(root);
}

async function post(path: string, body: unknown, locale: Locale, csrfToken?: string): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': locale,
    'content-type': 'application/json',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method: path.endsWith('/settings') ? 'PUT' : 'POST',
      headers,
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error(loginText[locale]['common.networkError']);
  }
}

function LightLogin({ root }: { root: Root }) {
  const [prefs, setPrefs] = useState(storedPrefs);
  const { locale, largeFont } = prefs;

  useEffect(() => {
    applyToDocument(locale, largeFont);
  }, [locale, largeFont]);

  // Already signed in (a bookmark of /login, a second tab): straight to the console.
  useEffect(() => {
    let cancelled = false;
    fetch('/api/auth/me', { headers: { accept: 'application/json' } })
      // The body is read either way: an unread one keeps the connection busy.
      .then(async (res) => ((await res.text()) && res.ok ? !cancelled : false))
      .then(
        (signedIn) => {
          if (signedIn) void openConsole(root);
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [root]);

  // A demo instance says so here too, as on every console and resident page.
  const [isDemo, setDemo] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    fetch('/api/health', { headers: { accept: 'application/json' }, signal: ctrl.signal })
      .then(async (res) => (res.ok ? ((await res.json()) as { demo?: boolean }) : null))
      .then((h) => setDemo(h?.demo === true))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);

  const choose = useCallback((patch: Partial<typeof prefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...patch };
      writeStored(LOCALE_KEY, next.locale);
      writeStored(LARGE_FONT_KEY, next.largeFont ? '1' : '0');
      // A choice made while signed out becomes the account's at sign-in (as in session.tsx).
      writeStored(CHOSEN_KEY, '1');
      return next;
    });
  }, []);

  const signIn = async (username: string, password: string) => {
    const res = await post('/api/auth/login', { username, password }, locale);
    const body = (await res.json().catch(() => null)) as { message?: string; csrfToken?: string } | null;
    if (!res.ok) throw new Error(body?.message ?? loginText[locale]['login.failed']);
    if (readStored(CHOSEN_KEY) === '1') {
      removeStored(CHOSEN_KEY);
      // Not saved is not fatal: the console shows the account's own settings then.
      await post('/api/auth/me/settings', { locale, largeFont }, locale, body?.csrfToken).catch(() => undefined);
    }
    await openConsole(root);
  };

  const text = loginText[locale];
  return (
    <>
      {isDemo && (
        <aside className="demo-banner" aria-label={text['demo.label']}>
          {text['demo.text']}
        </aside>
      )}
      <LoginForm
        locale={locale}
        largeFont={largeFont}
        onLocale={(l) => choose({ locale: l })}
        onLargeFont={(on) => choose({ largeFont: on })}
        notice={null}
        signIn={signIn}
      />
    </>
  );
}

/** Shows the light login page (no antd, no console dictionary) in `root`. */
export function showLogin(root: Root): void {
  const { locale, largeFont } = storedPrefs();
  applyToDocument(locale, largeFont);
  root.render(
    <StrictMode>
      <LightLogin root={root} />
    </StrictMode>,
  );
}
