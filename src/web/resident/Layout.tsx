import { useState, type ReactNode } from 'react';
import { localeNames, uiLocales, useT, type Locale, type ResidentKey } from './i18n/index.tsx';
import { Link } from './router.tsx';

const NAV: ReadonlyArray<{ to: string; label: ResidentKey }> = [
  { to: '/find', label: 'nav.find' },
  { to: '/ask', label: 'nav.ask' },
  { to: '/track', label: 'nav.track' },
  { to: '/sms', label: 'nav.sms' },
  { to: '/mailbox', label: 'nav.mailbox' },
];

/** Language (a native select: the phone's own picker) and the large-font high-contrast switch. */
function Preferences() {
  const { t, locale, setLocale, largeFont, setLargeFont } = useT();
  const [switching, setSwitching] = useState(false);
  return (
    <div className="r-prefs">
      <label className="r-lang">
        <span className="r-sr-only">{t('prefs.language')}</span>
        <span aria-hidden="true">文/A</span>
        <select
          id="r-language"
          value={locale}
          disabled={switching}
          onChange={(e) => {
            setSwitching(true);
            void setLocale(e.target.value as Locale).finally(() => setSwitching(false));
          }}
        >
          {uiLocales.map((l) => (
            <option key={l} value={l} lang={l}>
              {localeNames[l]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        id="r-large-font"
        className="r-toggle"
        aria-pressed={largeFont}
        onClick={() => setLargeFont(!largeFont)}
      >
        <span aria-hidden="true">A+</span>
        {t('prefs.largeFont')}
      </button>
    </div>
  );
}

/** The resident pages' frame: brand, preferences, four destinations; none of it is printed. */
export function Layout({ pathname, children }: { pathname: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <>
      <a className="r-skip" href="#main">
        {t('a11y.skip')}
      </a>
      <header className="r-header r-no-print">
        <Link to="/" className="r-brand">
          <span className="r-logo" aria-hidden="true">
            惠
          </span>
          <span>
            <span className="r-brand-name">{t('app.name')}</span>
            <span className="r-brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <Preferences />
      </header>
      <nav className="r-nav r-no-print" aria-label={t('a11y.nav')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                aria-current={pathname === item.to || pathname.startsWith(`${item.to}/`) ? 'page' : undefined}
              >
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="r-main">
        {children}
      </main>
      <footer className="r-footer r-no-print">
        <p>{t('footer.text')}</p>
        <p>
          {/* The console is another app (index.html): a full page load. */}
          <a href="/login">{t('home.staffLogin')}</a>
        </p>
      </footer>
    </>
  );
}
