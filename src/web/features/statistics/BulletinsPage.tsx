import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Input, List } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { bulletinsApi } from './api.ts';
import { presetPeriod } from './period.ts';
import './statistics.css';

/** 工作简报: generate the bulletin of a period from the data, and the bulletins generated so far. */
export default function BulletinsPage() {
  const { t } = useI18n();
  usePageTitle(t('bulletin.heading'));
  const navigate = useNavigate();
  const initial = presetPeriod('lastQuarter', new Date());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, error, reload } = useLoad((signal) => bulletinsApi.list(signal), 'bulletins');

  const generate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const b = await bulletinsApi.generate({ from, to });
      void navigate(`/bulletins/${b.id}`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="hm-page-title">{t('bulletin.heading')}</h1>
      <form
        className="hm-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <div className="hm-field">
          <label htmlFor="bulletin-from">{t('statistics.from')}</label>
          <Input id="bulletin-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="hm-field">
          <label htmlFor="bulletin-to">{t('statistics.to')}</label>
          <Input id="bulletin-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {busy ? t('bulletin.generating') : t('bulletin.generate')}
        </Button>
      </form>
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      <h2>{t('bulletin.list')}</h2>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <List
          className="hm-bulletin-list"
          aria-label={t('bulletin.list')}
          loading={!data}
          locale={{ emptyText: t('bulletin.none') }}
          dataSource={data ?? []}
          renderItem={(b) => (
            <List.Item>
              <Link to={`/bulletins/${b.id}`}>
                {b.unitName} {t('bulletin.number', { year: b.year, number: b.number })}
              </Link>{' '}
              <span className="hm-muted">
                {t('bulletin.periodOf', { from: b.period.from, to: b.period.to })} ·{' '}
                {t('bulletin.version', { version: b.version })}
              </span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
