import { App as AntApp, ConfigProvider } from 'antd';
import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import zhTW from 'antd/es/locale/zh_TW.js';
import { RouterProvider } from 'react-router';
import type { Locale } from '../lib/i18n/index.ts';
import { defaultExport } from '../lib/interop.ts';
import { PreferencesProvider, usePreferences } from './preferences.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { router } from './router.tsx';
import { SessionProvider } from './session.tsx';
import { motionAnchor, themeFor } from './theme.ts';

const antdLocales: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': defaultExport(zhCN),
  'zh-TW': defaultExport(zhTW),
  en: defaultExport(enUS),
};

function ThemedApp() {
  const { locale, largeFont } = usePreferences();
  return (
    <ConfigProvider theme={motionAnchor}>
      {/* autoInsertSpace off: antd would show two-character labels as "登 录", which screen
          readers then spell out and which no longer match the dictionary's text. */}
      {/* virtual off: every option of a list is in the page as role="option" with aria-selected,
          so screen readers (and the browser tests) reach all of it, not the three around the
          active one; the app's lists are short. */}
      <ConfigProvider
        locale={antdLocales[locale]}
        theme={themeFor(largeFont)}
        button={{ autoInsertSpace: false }}
        virtual={false}
      >
        <AntApp>
          <DemoBanner />
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </ConfigProvider>
  );
}

/** The whole app: preferences → antd theme and locale → session → routes. */
export function App() {
  return (
    <PreferencesProvider>
      <ThemedApp />
    </PreferencesProvider>
  );
}
