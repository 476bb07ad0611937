import { Space, Tag } from 'antd';
import type { Rating } from '../../../domain/inspections/checklist.ts';
import type { ProposalStatus } from '../../../domain/inspections/proposal.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { InspectionSummary } from './api.ts';
import {
  inspectionColors,
  inspectionStatusLabel,
  proposalColors,
  proposalStatusLabel,
  ratingColors,
  ratingLabel,
  tone,
} from './labels.ts';

/** An inspection's state, and 逾期 when its quarter ended before it was done. The text carries the meaning. */
export function InspectionTag({ inspection }: { inspection: Pick<InspectionSummary, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={inspectionColors[inspection.status]} data-testid="inspection-status" data-status={inspection.status}>
        {inspectionStatusLabel(t, inspection.status)}
      </Tag>
      {inspection.overdue && (
        <Tag color={tone.red} data-testid="inspection-overdue">
          {t('inspections.overdue')}
        </Tag>
      )}
    </Space>
  );
}

export function ProposalTag({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={proposalColors[status]} data-testid="proposal-status" data-status={status}>
      {proposalStatusLabel(t, status)}
    </Tag>
  );
}

export function RatingTag({ rating }: { rating: Rating }) {
  const { t } = useI18n();
  return <Tag color={ratingColors[rating]}>{ratingLabel(t, rating)}</Tag>;
}
