import { useState } from 'react';
import { App, Button, List, Select, Space } from 'antd';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { evaluationApi } from './api.ts';
import { pastQuarters } from './quarters.ts';

/** The commendation notices (通报表扬): the district issues one from the commendations it confirmed; each comes as Word and PDF. */
export function NoticesPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const abilities = useAbilities();
  const quarters = pastQuarters(new Date());
  const [quarter, setQuarter] = useState<string>(quarters[0] ?? '');
  const [busy, setBusy] = useState(false);
  const { data, error, loading, loadedKey, reload } = useLoad((signal) => evaluationApi.notices(signal), 'notices');

  const issue = async () => {
    setBusy(true);
    try {
      const n = await evaluationApi.issueNotice(quarter);
      void message.success(t('evaluation.notices.issued', { number: n.number }));
      reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notices-heading" style={{ marginTop: 32 }}>
      <h2 id="notices-heading">{t('evaluation.notices.heading')}</h2>
      <p className="hm-muted">{t('evaluation.notices.help')}</p>
      {abilities.may('publish', 'commendationProposal') ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('evaluation.quarter')}
            value={quarter}
            onChange={setQuarter}
            options={quarters.map((q) => ({ value: q, label: q }))}
            style={{ width: 120 }}
          />
          <Button type="primary" onClick={() => void issue()} loading={busy}>
            {t('evaluation.notices.issue')}
          </Button>
        </Space>
      ) : null}
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="notices" data-loaded={loadedKey ?? ''} aria-busy={loading}>
          <List
            loading={loading}
            dataSource={data ?? []}
            locale={{ emptyText: t('evaluation.notices.none') }}
            renderItem={(n) => (
              <List.Item
                actions={[
                  <a key="docx" href={`/api/evaluation/notices/${n.id}/notice.docx`} download>
                    {t('evaluation.notices.docx', { number: n.number })}
                  </a>,
                  <a key="pdf" href={`/api/evaluation/notices/${n.id}/notice.pdf`} download>
                    {t('evaluation.notices.pdf', { number: n.number })}
                  </a>,
                ]}
              >
                <List.Item.Meta
                  title={n.title}
                  description={`${n.number} · ${n.issuedOn} · ${n.studios.map((s) => s.name).join('、')}`}
                />
              </List.Item>
            )}
          />
        </div>
      )}
    </section>
  );
}
