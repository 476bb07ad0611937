import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Spin } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { publicAddressApi, type PublicAddress } from './api.ts';

/** What the server accepts, checked here too so a typo is caught before it is sent. */
function isPublicAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const u = new URL(value);
  return /^https?:$/.test(u.protocol) && !u.search && !u.hash && !u.username && !u.password && !!u.hostname;
}

/** 公开访问地址: the district sets the address printed QR codes and SMS links point to. */
export default function PublicAddressPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('publicAddress.heading'));
  const { data, error, reload } = useLoad((signal) => publicAddressApi.get(signal), 'public-address');
  const [saved, setSaved] = useState<PublicAddress | null>(null);
  const [busy, setBusy] = useState(false);
  const current = saved ?? data;

  const save = async (url: string | null) => {
    setBusy(true);
    try {
      setSaved(await publicAddressApi.save(url));
      void message.success(t(url ? 'publicAddress.saved' : 'publicAddress.cleared'));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="hm-page-title">{t('publicAddress.heading')}</h1>
      <p>{t('publicAddress.intro')}</p>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : !current ? (
        <Spin className="hm-page-spin" description={t('common.loading')} />
      ) : (
        <Card size="small">
          <div role="status" data-testid="public-address-current" style={{ marginBottom: 16 }}>
            {current.url ? (
              <Alert
                type="success"
                showIcon
                title={`${t('publicAddress.current')}：${current.url}（${t(`publicAddress.source.${current.source ?? 'setting'}`)}）`}
              />
            ) : (
              <Alert type="warning" showIcon title={t('publicAddress.notSet')} />
            )}
          </div>
          <Form<{ url: string }>
            layout="vertical"
            name="public-address"
            initialValues={{ url: current.source === 'setting' ? (current.url ?? '') : '' }}
            onFinish={(v) => void save(v.url.trim())}
          >
            <Form.Item
              name="url"
              label={t('publicAddress.url')}
              extra={t('publicAddress.urlHelp')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                {
                  validator: (_rule, value: string | undefined) =>
                    !value?.trim() || isPublicAddress(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('publicAddress.invalid'))),
                },
              ]}
            >
              <Input maxLength={200} inputMode="url" style={{ maxWidth: 480 }} />
            </Form.Item>
            <div className="hm-toolbar">
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('publicAddress.save')}
              </Button>
              {current.source === 'setting' && (
                <Button onClick={() => void save(null)} disabled={busy}>
                  {t('publicAddress.clear')}
                </Button>
              )}
            </div>
          </Form>
        </Card>
      )}
    </>
  );
}
