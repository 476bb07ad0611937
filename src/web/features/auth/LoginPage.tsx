import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginState } from '../../app/guards.tsx';
import { PreferenceControls } from '../../app/PreferenceControls.tsx';
import { useSession } from '../../app/session.tsx';
import { SkipLink } from '../../components/SkipLink.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

interface Fields {
  username: string;
  password: string;
}

/** Sign-in: the server's own message on failure, and the language switch before signing in. */
export default function LoginPage() {
  const { t } = useI18n();
  const { me, notice, signIn } = useSession();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('login.heading'));

  if (me) {
    const from = notice === 'signedOut' ? undefined : (location.state as LoginState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const submit = async ({ username, password }: Fields) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hm-login-page">
      <SkipLink target="login-main" />
      <header className="hm-login-header">
        <PreferenceControls idPrefix="login" />
      </header>
      <main id="login-main" tabIndex={-1} className="hm-login-main">
        {/* A plain panel, not antd's Card: Card brings Tabs into the smallest page a slow phone loads. */}
        <div className="hm-login-card">
          <div className="hm-login-brand" aria-hidden>
            {t('app.name')}
          </div>
          <p className="hm-login-subtitle">{t('app.subtitle')}</p>
          <h1 className="hm-login-heading">{t('login.heading')}</h1>
          {notice && !error && (
            <Alert
              className="hm-login-alert"
              type={notice === 'expired' ? 'warning' : 'info'}
              showIcon
              role="status"
              title={t(notice === 'expired' ? 'session.expired' : 'session.signedOut')}
            />
          )}
          {error && (
            <Alert
              className="hm-login-alert"
              type="error"
              showIcon
              role="alert"
              title={error}
              data-testid="login-error"
            />
          )}
          <Form<Fields>
            layout="vertical"
            name="login"
            onFinish={(v) => void submit(v)}
            requiredMark={false}
            size="large"
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined aria-hidden />}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
