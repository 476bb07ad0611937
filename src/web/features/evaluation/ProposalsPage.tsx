import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import type { MessageKey } from '../../lib/i18n/index.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { evaluationApi, type EvaluationProposal } from './api.ts';
import { NoticesPanel } from './NoticesPanel.tsx';

interface Decision {
  proposal: EvaluationProposal;
  action: 'confirm' | 'reject';
}

interface DecisionForm {
  outcome?: 'rectify' | 'revoke';
  deadline?: Dayjs;
  reason?: string;
}

/** Proposals an evaluation made, decided by people: the district commends, the street rectifies or revokes. */
export default function ProposalsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('evaluation.proposals.heading'));
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => evaluationApi.proposals({ limit: 500 }, signal),
    'evaluation-proposals',
  );
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DecisionForm>();
  const outcome = Form.useWatch('outcome', form);

  const submit = async (values: DecisionForm) => {
    if (!deciding) return;
    const p = deciding.proposal;
    setBusy(true);
    try {
      if (deciding.action === 'reject') await evaluationApi.reject(p, values.reason ?? '');
      else
        await evaluationApi.confirm(p, {
          ...(p.kind === 'review' ? { outcome: values.outcome } : {}),
          ...(values.outcome === 'rectify' && values.deadline
            ? { deadline: values.deadline.format('YYYY-MM-DD') }
            : {}),
          ...(values.reason ? { reason: values.reason } : {}),
        });
      void message.success(t('evaluation.proposals.done', { studio: p.studioName }));
      setDeciding(null);
      form.resetFields();
      reload();
    } catch (err) {
      void message.error(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<EvaluationProposal> = [
    { title: t('evaluation.quarter'), dataIndex: 'quarter', key: 'quarter', width: 100 },
    {
      title: t('evaluation.proposals.kind'),
      key: 'kind',
      render: (_, p) => (
        <Tag color={p.kind === 'commendation' ? 'green' : 'red'}>{t(`evaluation.proposals.kind.${p.kind}`)}</Tag>
      ),
    },
    {
      title: t('evaluation.col.studio'),
      key: 'studio',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Link to={`/evaluation/scores/${p.scoreId}`}>{p.studioName}</Link>
          <span className="hm-muted">{t('evaluation.proposals.score', { total: p.total, rank: p.districtRank })}</span>
        </Space>
      ),
    },
    {
      title: t('evaluation.proposals.reasons'),
      key: 'reasons',
      render: (_, p) => p.reasons.map((r) => <Tag key={r}>{t(`evaluation.proposals.reason.${r}` as MessageKey)}</Tag>),
    },
    {
      title: t('evaluation.proposals.status'),
      key: 'status',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <span>{t(`evaluation.proposals.status.${p.status}`)}</span>
          {p.outcome ? <Tag color="red">{t(`evaluation.proposals.outcome.${p.outcome}`)}</Tag> : null}
          {p.reason ? <span className="hm-muted">{p.reason}</span> : null}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, p) => (
        <Space>
          {p.allowedActions.includes('confirm') ? (
            <Button
              type="primary"
              size="small"
              aria-label={`${t('evaluation.proposals.confirm')} ${p.studioName}`}
              onClick={() => setDeciding({ proposal: p, action: 'confirm' })}
            >
              {t('evaluation.proposals.confirm')}
            </Button>
          ) : null}
          {p.allowedActions.includes('reject') ? (
            <Button
              size="small"
              aria-label={`${t('evaluation.proposals.reject')} ${p.studioName}`}
              onClick={() => setDeciding({ proposal: p, action: 'reject' })}
            >
              {t('evaluation.proposals.reject')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const title = deciding
    ? t(deciding.action === 'confirm' ? 'evaluation.proposals.confirmTitle' : 'evaluation.proposals.rejectTitle', {
        studio: deciding.proposal.studioName,
      })
    : '';

  return (
    <>
      <h1 className="hm-page-title">{t('evaluation.proposals.heading')}</h1>
      <p className="hm-muted">{t('evaluation.proposals.help')}</p>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="proposals-table" data-loaded={loadedKey ?? ''} aria-busy={loading}>
          <Table<EvaluationProposal>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            caption={<span className="hm-visually-hidden">{t('evaluation.proposals.heading')}</span>}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            locale={{ emptyText: t('evaluation.proposals.none') }}
            scroll={{ x: true }}
          />
        </div>
      )}
      <NoticesPanel />
      <Modal
        open={deciding !== null}
        title={title}
        okText={deciding?.action === 'reject' ? t('evaluation.proposals.reject') : t('evaluation.proposals.confirm')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setDeciding(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form<DecisionForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          {deciding?.action === 'confirm' && deciding.proposal.kind === 'review' ? (
            <Form.Item name="outcome" label={t('evaluation.proposals.outcome')} rules={[{ required: true }]}>
              <Radio.Group>
                <Radio value="rectify">{t('evaluation.proposals.outcome.rectify')}</Radio>
                <Radio value="revoke">{t('evaluation.proposals.outcome.revoke')}</Radio>
              </Radio.Group>
            </Form.Item>
          ) : null}
          {outcome === 'rectify' && deciding?.action === 'confirm' ? (
            <Form.Item name="deadline" label={t('evaluation.proposals.deadline')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={t('evaluation.proposals.reasonField')}
            rules={[{ required: deciding?.action === 'reject' || outcome === 'revoke', whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
