import { App } from 'antd';
import { authApi } from '../features/auth/api.ts';
import { errorMessage } from '../lib/api.ts';
import type { Locale } from '../lib/i18n/index.ts';
import { useI18n } from '../lib/i18n/react.tsx';
import { usePreferences, type Preferences } from './preferences.tsx';
import { useSession } from './session.tsx';

/**
 * Changes language or large-font mode: at once in this browser, and, when signed in,
 * saved to the account (PUT /api/auth/me/settings) so it follows the person to other devices.
 */
export function usePreferenceControls() {
  const prefs = usePreferences();
  const { me } = useSession();
  const { message } = App.useApp();
  const { t } = useI18n();

  const change = async (patch: Partial<Preferences>) => {
    prefs.apply(patch);
    if (!me) {
      prefs.markChosenSignedOut();
      return;
    }
    try {
      await authApi.saveSettings(patch);
    } catch (err) {
      void message.error(t('prefs.saveFailed', { message: errorMessage(err) }));
    }
  };

  return {
    locale: prefs.locale,
    largeFont: prefs.largeFont,
    setLocale: (locale: Locale) => change({ locale }),
    setLargeFont: (largeFont: boolean) => change({ largeFont }),
  };
}
