import { useState } from 'react';
import { Alert, Button, Popconfirm, Tag } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Category } from './api.ts';
import { useFlush, useOnline } from './hooks.ts';
import { categoryName, formatTime } from './labels.ts';
import { discardRecord, type QueuedRecord } from './outbox.ts';

interface Props {
  entries: QueuedRecord[];
  categories: Category[] | undefined;
}

/** The records waiting on this phone: how many, which ones, and those the server refused (to edit or delete). */
export function QueuedRecords({ entries, categories }: Props) {
  const { t, locale } = useI18n();
  const online = useOnline();
  const flush = useFlush();
  const [sending, setSending] = useState(false);
  const failed = entries.filter((e) => e.state === 'failed').length;

  if (entries.length === 0)
    return online ? null : (
      <Alert
        type="warning"
        showIcon
        role="status"
        title={t('delivery.queue.offline')}
        className="hm-dlv-queue"
        data-testid="offline-banner"
      />
    );

  return (
    <section aria-labelledby="record-queue-title" className="hm-dlv-queue" data-testid="record-queue">
      <Alert
        type={failed > 0 ? 'error' : 'warning'}
        showIcon
        icon={<CloudUploadOutlined aria-hidden />}
        title={
          <h2
            id="record-queue-title"
            className="hm-card-title"
            role="status"
            data-testid="queue-count"
            data-count={entries.length}
          >
            {t('delivery.queue.count', { n: entries.length })}
          </h2>
        }
        description={
          <>
            {!online && <p className="hm-dlv-meta">{t('delivery.queue.offline')}</p>}
            <ul className="hm-dlv-queue-list">
              {entries.map((e) => (
                <li key={e.key} data-testid="queued-record" data-state={e.state}>
                  <div>
                    <Tag color={e.state === 'failed' ? 'red' : 'gold'}>
                      {t(e.state === 'failed' ? 'delivery.queue.failed' : 'delivery.queue.pending')}
                    </Tag>
                    {formatTime(e.body.servedAt, locale)} · {categoryName(categories, e.body.categoryId, locale)} ·{' '}
                    {t('delivery.records.personTimes', { n: e.body.personTimes })}
                  </div>
                  <div className="hm-dlv-text">{e.body.content}</div>
                  {e.state === 'failed' && (
                    <>
                      <p className="hm-dlv-meta" role="alert">
                        {t('delivery.queue.failedMessage', { message: e.error ?? '' })}
                      </p>
                      <div className="hm-dlv-actions">
                        <Link to={`/records/new?queued=${encodeURIComponent(e.key)}`}>{t('delivery.queue.edit')}</Link>
                        <Popconfirm
                          title={t('delivery.queue.confirmDiscard')}
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => discardRecord(e.key)}
                        >
                          <Button size="small" danger>
                            {t('delivery.queue.discard')}
                          </Button>
                        </Popconfirm>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
            {entries.length > failed && (
              <Button
                icon={<CloudUploadOutlined aria-hidden />}
                disabled={!online}
                loading={sending}
                onClick={() => {
                  setSending(true);
                  void flush().finally(() => setSending(false));
                }}
              >
                {t('delivery.queue.sendNow')}
              </Button>
            )}
          </>
        }
      />
    </section>
  );
}
