import { Menu } from 'antd';
import { ApartmentOutlined, AuditOutlined, InfoCircleOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n/react.tsx';
import { menuFor, navItems } from './navigation.ts';
import { useMe } from './session.tsx';

const icons: Record<string, ReactNode> = {
  '/org': <ApartmentOutlined />,
  '/accounts': <TeamOutlined />,
  '/audit': <AuditOutlined />,
  '/about': <InfoCircleOutlined />,
};

/** The main menu for the signed-in role: real links, so they work with keyboard, middle-click and screen readers. */
export function MainMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const items = menuFor(me.role).map((item) => ({
    key: item.path,
    icon: icons[item.path],
    label: (
      <Link to={item.path} onClick={onNavigate} aria-current={pathname.startsWith(item.path) ? 'page' : undefined}>
        {t(item.label)}
      </Link>
    ),
  }));
  const selected = navItems.find((item) => pathname.startsWith(item.path))?.path;
  return (
    <nav aria-label={t('a11y.mainNav')}>
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} className="hm-menu" />
    </nav>
  );
}
