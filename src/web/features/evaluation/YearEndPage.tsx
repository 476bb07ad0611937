import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useAbilities } from '../../app/abilities.ts';
import { errorMessage } from '../../lib/api.ts';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { evaluationApi, type YearEndSheet } from './api.ts';

type Member = YearEndSheet['members'][number];
const gradeValues = ['excellent', 'qualified', 'basic', 'unqualified'] as const;

/** 年终评议参考: each party member's year and the grade it suggests (a member sees their own). */
export default function YearEndPage() {
  const { t } = useI18n();
  usePageTitle(t('evaluation.yearEnd.heading'));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error, loading, loadedKey, reload } = useLoad(
    (signal) => evaluationApi.yearEnd(year, signal),
    `year-end:${year}`,
  );
  const { message } = App.useApp();
  const abilities = useAbilities();
  const mayDecide = abilities.may('update', 'evaluationScore');
  const [deciding, setDeciding] = useState<Member | null>(null);
  const [form] = Form.useForm<{ grade: string; reason?: string }>();
  const decide = async (values: { grade: string; reason?: string }) => {
    if (!deciding) return;
    try {
      await evaluationApi.decideGrade(deciding.volunteerId, {
        year,
        grade: values.grade,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      void message.success(t('evaluation.yearEnd.saved', { name: deciding.name }));
      setDeciding(null);
      reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  const columns: TableColumnsType<Member> = [
    { title: t('evaluation.yearEnd.name'), dataIndex: 'name', key: 'name' },
    { title: t('evaluation.yearEnd.branch'), key: 'branch', render: (_, m) => m.branch ?? '—', responsive: ['md'] },
    {
      title: t('evaluation.col.studio'),
      key: 'studios',
      render: (_, m) => m.studios.map((s) => s.name).join('、'),
    },
    { title: t('evaluation.yearEnd.services'), key: 'services', render: (_, m) => `${m.services} / ${m.personTimes}` },
    {
      title: t('evaluation.yearEnd.ratings'),
      key: 'ratings',
      render: (_, m) => `${m.ratings} / ${score(m.ratingMean)}`,
    },
    ...[0, 1, 2, 3].map((i) => ({
      title: `Q${i + 1}`,
      key: `q${i + 1}`,
      render: (_: unknown, m: Member) => (
        <span data-testid={`q${i + 1}-${m.volunteerId}`}>{score(m.quarterScores[i])}</span>
      ),
    })),
    { title: t('evaluation.yearEnd.commendations'), dataIndex: 'commendations', key: 'commendations' },
    { title: t('evaluation.yearEnd.complaints'), dataIndex: 'substantiatedComplaints', key: 'complaints' },
    {
      title: t('evaluation.yearEnd.grade'),
      key: 'grade',
      render: (_, m) =>
        m.probationary
          ? t('evaluation.yearEnd.probationary')
          : m.suggestedGrade
            ? t(`evaluation.yearEnd.grade.${m.suggestedGrade}`)
            : '—',
    },
    {
      title: t('evaluation.yearEnd.confirmed'),
      key: 'confirmed',
      render: (_, m) => (
        <Space direction="vertical" size={0}>
          <span>{m.confirmedGrade ? t(`evaluation.yearEnd.grade.${m.confirmedGrade}`) : '—'}</span>
          {m.gradeReason ? <span className="hm-muted">{m.gradeReason}</span> : null}
        </Space>
      ),
    },
    // Everyone who sees a row may download its sheet (a member sees only their own); the branch decides grades.
    {
      title: '',
      key: 'actions',
      className: 'hm-no-print',
      render: (_: unknown, m: Member) => (
        <Space>
          {!mayDecide || m.probationary ? null : (
            <Button
              size="small"
              aria-label={`${t('evaluation.yearEnd.decide')} ${m.name}`}
              onClick={() => {
                form.setFieldsValue({ grade: m.confirmedGrade ?? m.suggestedGrade ?? 'qualified', reason: '' });
                setDeciding(m);
              }}
            >
              {t('evaluation.yearEnd.decide')}
            </Button>
          )}
          <a
            href={`/api/evaluation/year-end/${m.volunteerId}/sheet.docx?year=${year}`}
            download
            // The name starts with the visible text (WCAG 2.5.3) and says whose sheet it is.
            aria-label={t('evaluation.yearEnd.docx', { name: m.name })}
          >
            .docx
          </a>
        </Space>
      ),
    },
  ];
  return (
    <>
      <h1 className="hm-page-title">{t('evaluation.yearEnd.heading')}</h1>
      <p className="hm-muted">{t('evaluation.yearEnd.help')}</p>
      <style>
        {
          '@media print { @page { size: A4 landscape; margin: 12mm; } .hm-no-print, nav, header, aside { display: none !important; } }'
        }
      </style>
      <Space style={{ marginBottom: 16 }} className="hm-no-print">
        <Button onClick={() => window.print()}>{t('evaluation.yearEnd.print')}</Button>
        <label>
          {t('evaluation.yearEnd.year')}{' '}
          <Select
            aria-label={t('evaluation.yearEnd.year')}
            value={year}
            onChange={setYear}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
          />
        </label>
      </Space>
      {data?.branches
        .filter((b) => !b.ok)
        .map((b) => (
          <Alert
            key={b.branch ?? ''}
            type="warning"
            showIcon
            title={t('evaluation.yearEnd.quota', {
              branch: b.branch ?? '—',
              excellent: b.excellent,
              allowed: b.allowed,
            })}
          />
        ))}
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : (
        <div data-testid="year-end-table" data-loaded={loadedKey ?? ''} aria-busy={loading}>
          <Table<Member>
            rowKey="volunteerId"
            size="middle"
            columns={columns}
            dataSource={data?.members ?? []}
            loading={loading}
            caption={<span className="hm-visually-hidden">{t('evaluation.yearEnd.heading')}</span>}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            locale={{ emptyText: t('evaluation.yearEnd.none') }}
          />
        </div>
      )}
      <Modal
        open={deciding !== null}
        title={deciding ? t('evaluation.yearEnd.decideTitle', { name: deciding.name }) : ''}
        okText={t('evaluation.yearEnd.decide')}
        onOk={() => form.submit()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void decide(v)}>
          <Form.Item name="grade" label={t('evaluation.yearEnd.grade')} rules={[{ required: true }]}>
            <Select
              aria-label={t('evaluation.yearEnd.grade')}
              options={gradeValues.map((g) => ({ value: g, label: t(`evaluation.yearEnd.grade.${g}`) }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('evaluation.yearEnd.reason')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
