import { Card, Timeline } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { StudioDetail, StudioStatus } from './api.ts';
import { actionLabel, statusColors, statusLabel } from './labels.ts';
import { formatDateTime } from '../../lib/dates.ts';

const tagToDot: Record<string, string> = {
  default: 'gray',
  processing: 'blue',
  cyan: 'blue',
  geekblue: 'blue',
  green: 'green',
  orange: 'orange',
  red: 'red',
};

/** 历程: every transition, oldest first, with who took it and why. */
export function StudioHistory({ studio }: { studio: StudioDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      title={<h2 className="hm-card-title">{t('studios.detail.history')}</h2>}
      className="hm-studio-card"
    >
      <div data-testid="studio-history">
        <Timeline
          items={studio.history.map((h, i) => ({
            key: i,
            color: tagToDot[statusColors[h.toStatus as StudioStatus]] ?? 'gray',
            content: (
              <div className="hm-history-entry">
                <strong>{actionLabel(t, h.action)}</strong>
                <span> → {statusLabel(t, h.toStatus as StudioStatus)}</span>
                <div className="hm-muted">
                  {formatDateTime(h.at, locale)}
                  {h.actorName ? ` · ${h.actorName}` : ''}
                  {h.actorRole ? ` · ${t(`role.${h.actorRole}`)}` : ''}
                </div>
                {h.note && <div>{h.note}</div>}
              </div>
            ),
          }))}
        />
      </div>
    </Card>
  );
}
