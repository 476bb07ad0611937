import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { StudioStatus } from './api.ts';
import { statusColors, statusLabel } from './labels.ts';

/** A studio's status as a coloured tag; the text carries the meaning, the colour only helps. */
export function StatusTag({ status }: { status: StudioStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColors[status]} data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}
