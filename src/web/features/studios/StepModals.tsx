import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../lib/i18n/react.tsx';
import { ActionModal } from './ActionModal.tsx';
import { studiosApi, type RectifyRequest } from './api.ts';
import { rectificationKindLabel } from './labels.ts';
import { DATE, type StepProps } from './steps.ts';

const RECTIFY_KINDS: ReadonlyArray<RectifyRequest['kind']> = ['drift_bureaucratic', 'drift_profit', 'other'];

function useRules() {
  const { t } = useI18n();
  return {
    date: [{ required: true, message: t('common.required') }],
    text: (max: number) => [{ required: true, whitespace: true, message: t('common.required') }, { max }],
  };
}

/** 授牌: the award date and, optionally, a plaque number; left empty, the server gives the next free one. */
export function PlaqueModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <ActionModal<{ awardedOn: Dayjs; plaqueNumber?: string }>
      title={t('studios.plaque.title', { name: studio.name })}
      name="studio-plaque"
      okText={t('studios.plaque.submit')}
      initialValues={{ awardedOn: dayjs() }}
      onClose={onClose}
      onDone={onDone}
      confirm={(v) => ({
        title: t('studios.plaque.confirmTitle', { name: studio.name }),
        body: t('studios.plaque.confirmBody', {
          number: v.plaqueNumber?.trim() || t('studios.plaque.autoNumber'),
          date: v.awardedOn.format(DATE),
        }),
      })}
      onSubmit={(v) =>
        studiosApi.transition(studio.id, 'plaque', {
          awardedOn: v.awardedOn.format(DATE),
          plaqueNumber: v.plaqueNumber?.trim() || undefined,
        })
      }
    >
      <Form.Item name="awardedOn" label={t('studios.plaque.awardedOn')} rules={rules.date}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="plaqueNumber"
        label={t('studios.plaque.number')}
        extra={t('studios.plaque.numberHelp')}
        rules={[{ max: 32 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </ActionModal>
  );
}

/** 整改: findings and a deadline; 行政化 / 趋利化 drift is one of the kinds. */
export function RectifyModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <ActionModal<{ kind: RectifyRequest['kind']; findings: string; deadline: Dayjs }>
      title={t('studios.rectify.title', { name: studio.name })}
      name="studio-rectify"
      okText={t('studios.rectify.submit')}
      danger
      initialValues={{ kind: 'other', deadline: dayjs().add(30, 'day') }}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) =>
        studiosApi.transition(studio.id, 'rectification', {
          kind: v.kind,
          findings: v.findings.trim(),
          deadline: v.deadline.format(DATE),
        })
      }
    >
      <Form.Item name="kind" label={t('studios.rectify.kind')} rules={rules.date}>
        <Select options={RECTIFY_KINDS.map((k) => ({ value: k, label: rectificationKindLabel(t, k) }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('studios.rectify.findings')} rules={rules.text(1000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="deadline" label={t('studios.rectify.deadline')} rules={rules.date}>
        <DatePicker />
      </Form.Item>
    </ActionModal>
  );
}

/** Closes a rectification: what was done; the studio serves again. */
export function CompleteRectificationModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <ActionModal<{ outcome: string }>
      title={t('studios.complete.title', { name: studio.name })}
      name="studio-complete"
      okText={t('studios.complete.submit')}
      initialValues={{}}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => studiosApi.transition(studio.id, 'rectification/complete', { outcome: v.outcome.trim() })}
    >
      <Form.Item name="outcome" label={t('studios.complete.outcome')} rules={rules.text(1000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </ActionModal>
  );
}

/** 取消牌匾: the reason and the date of the decision; the plaque number is retired for good. */
export function RevokeModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <ActionModal<{ reason: string; decidedOn: Dayjs }>
      title={t('studios.revoke.title', { name: studio.name })}
      name="studio-revoke"
      okText={t('studios.revoke.submit')}
      danger
      initialValues={{ decidedOn: dayjs() }}
      onClose={onClose}
      onDone={onDone}
      confirm={() => ({
        title: t('studios.revoke.confirmTitle', { name: studio.name }),
        body: t('studios.revoke.confirmBody'),
      })}
      onSubmit={(v) =>
        studiosApi.transition(studio.id, 'revoke', { reason: v.reason.trim(), decidedOn: v.decidedOn.format(DATE) })
      }
    >
      <p className="hm-muted">{t('studios.revoke.warning')}</p>
      <Form.Item name="reason" label={t('studios.revoke.reason')} rules={rules.text(500)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('studios.revoke.decidedOn')} rules={rules.date}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </ActionModal>
  );
}

/** The member steps down (or the street closes the studio): a reason is recorded. */
export function CloseModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <ActionModal<{ reason: string }>
      title={t('studios.close.title', { name: studio.name })}
      name="studio-close"
      okText={t('studios.close.submit')}
      danger
      initialValues={{}}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => studiosApi.transition(studio.id, 'close', { reason: v.reason.trim() })}
    >
      <Form.Item name="reason" label={t('studios.close.reason')} rules={rules.text(500)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </ActionModal>
  );
}

/** 续签: a new end of term, before the current one ends. */
export function RenewModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const rules = useRules();
  const current = studio.termEnd ? dayjs(studio.termEnd) : dayjs();
  return (
    <ActionModal<{ termEnd: Dayjs }>
      title={t('studios.renew.title', { name: studio.name })}
      name="studio-renew"
      okText={t('studios.renew.submit')}
      initialValues={{ termEnd: current.add(3, 'year') }}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => studiosApi.transition(studio.id, 'renew', { termEnd: v.termEnd.format(DATE) })}
    >
      {studio.termEnd && <p>{t('studios.renew.current', { date: studio.termEnd })}</p>}
      <Form.Item name="termEnd" label={t('studios.renew.termEnd')} rules={rules.date}>
        <DatePicker />
      </Form.Item>
    </ActionModal>
  );
}
