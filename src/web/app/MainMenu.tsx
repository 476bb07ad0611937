import { Badge } from 'antd';
import {
  AreaChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  HeartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { badgeCounts, refreshWorkbench, useWorkbench } from '../features/workbench/use-workbench.ts';
import { useI18n } from '../lib/i18n/react.tsx';
import { entryOf, menuTreeFor, type NavItem, type navGroups } from './navigation.ts';
import { useMe } from './session.tsx';

const groupIcons: Record<(typeof navGroups)[number]['icon'], ReactNode> = {
  team: <TeamOutlined />,
  environment: <EnvironmentOutlined />,
  shop: <ShopOutlined />,
  heart: <HeartOutlined />,
  safety: <SafetyCertificateOutlined />,
  chart: <AreaChartOutlined />,
  setting: <SettingOutlined />,
};

/**
 * The main menu for the signed-in role, in groups with icons: real links, so they work with
 * keyboard, middle-click and screen readers. An entry with to-dos waiting shows their count,
 * the same the 工作台 shows.
 */
export function MainMenu({ onNavigate, idPrefix = 'menu' }: { onNavigate?: () => void; idPrefix?: string }) {
  const me = useMe();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const counts = badgeCounts(useWorkbench(me.id));
  // Counts change as work is done: fetch them again on every page change.
  useEffect(() => {
    void refreshWorkbench(me.id);
  }, [me.id, pathname]);
  const current = entryOf(pathname)?.path;

  const entry = (item: NavItem, icon?: ReactNode) => {
    const count = counts.get(item.path) ?? 0;
    const isCurrent = current === item.path;
    return (
      <li key={item.path}>
        <Link
          to={item.path}
          onClick={onNavigate}
          aria-current={isCurrent ? 'page' : undefined}
          className={isCurrent ? 'hm-menu-link hm-menu-link-current' : 'hm-menu-link'}
        >
          {icon}
          <span data-testid="menu-label" className="hm-menu-label">
            {t(item.label)}
          </span>
          {count > 0 && (
            <>
              <Badge count={count} overflowCount={99} aria-hidden className="hm-menu-badge" />
              <span className="hm-visually-hidden" data-testid="menu-badge">
                {t('nav.badge', { count })}
              </span>
            </>
          )}
        </Link>
      </li>
    );
  };

  const tree = menuTreeFor(me.role);
  // Plain lists of links under headings: what a screen reader expects of a site's navigation.
  return (
    <nav aria-label={t('a11y.mainNav')} className="hm-menu">
      <ul className="hm-menu-list">
        {tree.flatMap((node) => ('item' in node ? [entry(node.item, <DashboardOutlined aria-hidden />)] : []))}
      </ul>
      {tree.flatMap((node) =>
        'group' in node
          ? [
              <div key={node.group.key} className="hm-menu-section">
                <div className="hm-menu-group" id={`${idPrefix}-group-${node.group.key}`}>
                  {groupIcons[node.group.icon]} {t(node.group.label)}
                </div>
                <ul className="hm-menu-list" aria-labelledby={`${idPrefix}-group-${node.group.key}`}>
                  {node.items.map((item) => entry(item))}
                </ul>
              </div>,
            ]
          : [],
      )}
    </nav>
  );
}
