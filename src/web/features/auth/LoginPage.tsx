import { Navigate, useLocation } from 'react-router';
import type { LoginState } from '../../app/guards.tsx';
import { useSession } from '../../app/session.tsx';
import { usePreferenceControls } from '../../app/use-preference-controls.ts';
import { errorMessage } from '../../lib/api.ts';
import { LoginForm } from './LoginForm.tsx';

/**
 * The console's /login route (after signing out, or when a session ends): the same light form
 * as the first load of /login, wired to the console's session and preferences.
 */
export default function LoginPage() {
  const { me, notice, signIn } = useSession();
  const controls = usePreferenceControls();
  const location = useLocation();

  if (me) {
    const from = notice === 'signedOut' ? undefined : (location.state as LoginState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  return (
    <LoginForm
      locale={controls.locale}
      largeFont={controls.largeFont}
      onLocale={(l) => void controls.setLocale(l)}
      onLargeFont={(on) => void controls.setLargeFont(on)}
      notice={notice}
      signIn={async (username, password) => {
        try {
          await signIn(username, password);
        } catch (err) {
          throw new Error(errorMessage(err), { cause: err });
        }
      }}
    />
  );
}
