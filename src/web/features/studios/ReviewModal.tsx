import { Form, Input, Radio } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import { ActionModal } from './ActionModal.tsx';
import { studiosApi, type ReviewRequest } from './api.ts';
import type { StepProps } from './steps.ts';

const CHECKS = ['politicalQuality', 'professionalSpecialty', 'serviceItems'] as const;

interface Props extends StepProps {
  stage: 'community' | 'street';
}

/** The community's first-level review. */
export function CommunityReviewModal(props: StepProps) {
  return <ReviewModal {...props} stage="community" />;
}

/** The street's review, which decides. */
export function StreetReviewModal(props: StepProps) {
  return <ReviewModal {...props} stage="street" />;
}

/**
 * 资质把关: political quality, professional specialty and service items, each pass or fail with a
 * comment, then the decision. Nothing is pre-selected, so one click cannot approve; the server
 * refuses an unjudged item too. Failing needs a reason; the server enforces it and its message
 * is shown here, so the rule has one home.
 */
function ReviewModal({ studio, stage, onClose, onDone }: Props) {
  const { t } = useI18n();
  // Nothing is chosen for the reviewer: each item and the decision wait for their own click.
  const initial: Partial<ReviewRequest> = { reason: '' };
  return (
    <ActionModal<ReviewRequest>
      title={t(stage === 'community' ? 'studios.review.communityTitle' : 'studios.review.streetTitle', {
        name: studio.name,
      })}
      name="studio-review"
      okText={t('studios.review.submit')}
      initialValues={initial}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) =>
        studiosApi.transition(studio.id, stage === 'community' ? 'community-review' : 'street-review', {
          ...v,
          reason: v.reason?.trim() ? v.reason.trim() : undefined,
        })
      }
      onValuesChange={(changed, form) => {
        // A failed check item cannot lead to a pass: switch the decision for the reviewer.
        if (CHECKS.some((c) => changed[c]?.pass === false)) form.setFieldValue('decision', 'fail');
      }}
    >
      {CHECKS.map((check) => (
        <fieldset key={check} className="hm-check-item" data-testid={`check-${check}`}>
          <legend>{t(`studios.review.${check}`)}</legend>
          <Form.Item
            name={[check, 'pass']}
            label={t('studios.review.result')}
            rules={[{ required: true, message: t('studios.review.judgeRequired') }]}
          >
            {/* A <label for> cannot name a radio group's <div>; aria-label does. */}
            <Radio.Group
              aria-label={`${t(`studios.review.${check}`)} ${t('studios.review.result')}`}
              options={[
                { value: true, label: t('studios.review.pass') },
                { value: false, label: t('studios.review.fail') },
              ]}
            />
          </Form.Item>
          <Form.Item name={[check, 'comment']} label={t('studios.review.comment')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </fieldset>
      ))}
      <Form.Item
        name="decision"
        label={t(stage === 'street' ? 'studios.review.decisionStreet' : 'studios.review.decision')}
        rules={[{ required: true, message: t('studios.review.decisionRequired') }]}
      >
        <Radio.Group
          aria-label={t(stage === 'street' ? 'studios.review.decisionStreet' : 'studios.review.decision')}
          options={[
            { value: 'pass', label: t('studios.review.decisionPass') },
            { value: 'fail', label: t('studios.review.decisionFail') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['decision']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="reason"
            label={t('studios.review.reason')}
            required={getFieldValue('decision') === 'fail'}
            extra={t('studios.review.reasonHelp')}
            rules={[{ max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
      </Form.Item>
    </ActionModal>
  );
}
