import { UserOutlined } from '@ant-design/icons';
import { useI18n } from '../lib/i18n/react.tsx';
import { useMe } from './session.tsx';

/** Who is signed in, in which unit and role. */
export function UserBadge() {
  const me = useMe();
  const { t } = useI18n();
  return (
    <div className="hm-user" aria-label={t('session.signedInAs')} role="group">
      <UserOutlined aria-hidden />
      <span className="hm-user-text">
        <strong data-testid="user-name">{me.displayName}</strong>
        <span className="hm-user-unit" data-testid="user-unit">
          {me.unit.name} · {t(`role.${me.role}`)}
        </span>
      </span>
    </div>
  );
}
