import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { LetterSummary } from './api.ts';
import { statusColors, statusLabel } from './labels.ts';

/** A letter's status, and the flags that need attention: overdue, escalated, extended. The text carries the meaning. */
export function LetterTags({ letter }: { letter: LetterSummary }) {
  const { t } = useI18n();
  return (
    <span className="hm-letter-tags">
      <Tag color={statusColors[letter.status]} data-testid="letter-status" data-status={letter.status}>
        {statusLabel(t, letter.status)}
      </Tag>
      {letter.overdue && (
        <Tag color="red" data-testid="letter-overdue">
          {t('mailbox.overdue')}
        </Tag>
      )}
      {letter.escalated && <Tag color="magenta">{t('mailbox.escalated')}</Tag>}
      {letter.extended && <Tag>{t('mailbox.extended')}</Tag>}
    </span>
  );
}
