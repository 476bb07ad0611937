import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n/react.tsx';
import { entryOf, groupOf, mayOpen } from './navigation.ts';
import { useMe } from './session.tsx';

/** Where the page sits: 工作台 › its menu group › its menu entry (a link when the page is below it). */
export function Breadcrumbs() {
  const { t } = useI18n();
  const me = useMe();
  const { pathname } = useLocation();
  const entry = entryOf(pathname);
  if (!entry || entry.path === '/workbench') return null;
  const group = groupOf(entry);
  const atEntry = pathname === entry.path;
  const items = [
    { key: 'home', title: <Link to="/workbench">{t('nav.workbench')}</Link> },
    ...(group ? [{ key: 'group', title: t(group.label) }] : []),
    {
      key: 'entry',
      title:
        atEntry || !mayOpen(me.role, entry.path) ? (
          <span aria-current={atEntry ? 'page' : undefined}>{t(entry.label)}</span>
        ) : (
          <Link to={entry.path}>{t(entry.label)}</Link>
        ),
    },
  ];
  return <Breadcrumb aria-label={t('nav.breadcrumb')} className="hm-breadcrumb" items={items} />;
}
