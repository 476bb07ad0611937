import { Suspense, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Layout, Spin } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { SkipLink } from '../components/SkipLink.tsx';
import { useI18n } from '../lib/i18n/react.tsx';
import { NARROW_SCREEN, useMediaQuery } from '../lib/use-media-query.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { MainMenu } from './MainMenu.tsx';
import { PreferenceControls } from './PreferenceControls.tsx';
import { useSession } from './session.tsx';
import { UserBadge } from './UserBadge.tsx';

/** The signed-in shell: header, role menu (a drawer on phones), and the page in <main>. */
export function AppLayout() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const isNarrow = useMediaQuery(NARROW_SCREEN);
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After in-app navigation, move focus to the new page so screen readers announce it
  // (a full page load already starts at the top).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  const logout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className="hm-shell">
      <SkipLink />
      <Layout.Header className="hm-header">
        {isNarrow && (
          <Button
            type="text"
            className="hm-header-button"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            aria-expanded={menuOpen}
            aria-controls="hm-nav-drawer"
            onClick={() => setMenuOpen(true)}
          />
        )}
        <div className="hm-brand">
          <span className="hm-brand-name">{t('app.name')}</span>
          {!isNarrow && <span className="hm-brand-subtitle">{t('app.subtitle')}</span>}
        </div>
        <div className="hm-header-tools">
          {!isNarrow && <UserBadge />}
          {!isNarrow && <PreferenceControls idPrefix="header" />}
          <Button
            className="hm-logout"
            icon={<LogoutOutlined />}
            onClick={() => void logout()}
            aria-label={isNarrow ? t('session.logout') : undefined}
          >
            {isNarrow ? null : t('session.logout')}
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        {isNarrow ? (
          <Drawer
            id="hm-nav-drawer"
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('app.name')}
            size={300}
          >
            <UserBadge />
            <MainMenu onNavigate={() => setMenuOpen(false)} idPrefix="drawer-menu" />
            <PreferenceControls idPrefix="drawer" />
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light" className="hm-sider">
            <MainMenu />
          </Layout.Sider>
        )}
        <Layout.Content id="main" ref={main} tabIndex={-1} className="hm-main">
          <Breadcrumbs />
          <Suspense fallback={<Spin size="large" className="hm-page-spin" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Layout.Footer className="hm-footer">{t('app.subtitle')}</Layout.Footer>
    </Layout>
  );
}
