import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi, type Me } from '../features/auth/api.ts';
import { onSessionLost, setCsrfToken } from '../lib/api.ts';
import { usePreferences } from './preferences.tsx';

/** Why the login page is showing, when it is not the first visit. */
export type SessionNotice = 'expired' | 'signedOut' | null;

interface SessionValue {
  /** undefined while the first /me is in flight, null when signed out. */
  me: Me | null | undefined;
  notice: SessionNotice;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  clearNotice(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Knows who is signed in; any 401 from any call signs the app out with a notice. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const prefs = usePreferences();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState<SessionNotice>(null);
  // The handler registered with the API client must see the latest value without re-registering.
  const signedIn = useRef(false);
  const { apply, takeChosenSignedOut } = prefs;

  const enter = useCallback((account: Me) => {
    setCsrfToken(account.csrfToken);
    signedIn.current = true;
    setMe(account);
  }, []);

  const leave = useCallback((why: SessionNotice) => {
    setCsrfToken(null);
    signedIn.current = false;
    setMe(null);
    setNotice(why);
  }, []);

  useEffect(() => {
    onSessionLost(() => {
      if (signedIn.current) leave('expired');
    });
    return () => onSessionLost(null);
  }, [leave]);

  useEffect(() => {
    let cancelled = false;
    authApi.me().then(
      (account) => {
        if (cancelled) return;
        // Already signed in (a reload): the account's settings are the newest.
        takeChosenSignedOut();
        apply({ locale: account.locale, largeFont: account.largeFont });
        enter(account);
      },
      () => {
        if (!cancelled) setMe(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [apply, enter, takeChosenSignedOut]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const account = await authApi.login({ username, password });
      setCsrfToken(account.csrfToken);
      if (takeChosenSignedOut()) {
        // The choice made on the login page is the newest one: it becomes the account's.
        const chosen = { locale: prefs.locale, largeFont: prefs.largeFont };
        await authApi.saveSettings(chosen).catch(() => undefined);
        enter({ ...account, ...chosen });
      } else {
        apply({ locale: account.locale, largeFont: account.largeFont });
        enter(account);
      }
      setNotice(null);
    },
    [apply, enter, takeChosenSignedOut, prefs.locale, prefs.largeFont],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Signed out locally either way; the server session then times out on its own.
    }
    leave('signedOut');
  }, [leave]);

  const value = useMemo<SessionValue>(
    () => ({ me, notice, signIn, signOut, clearNotice: () => setNotice(null) }),
    [me, notice, signIn, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The session: who is signed in, and sign-in/sign-out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in account; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in account');
  return me;
}
