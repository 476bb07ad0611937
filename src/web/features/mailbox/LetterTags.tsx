import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { LetterSummary } from './api.ts';
import { statusLabel, statusTones } from './labels.ts';

/** A letter's status, and the flags that need attention: overdue, escalated, extended. The text carries the meaning. */
export function LetterTags({ letter }: { letter: LetterSummary }) {
  const { t } = useI18n();
  return (
    <span className="hm-letter-tags">
      <Tag className={statusTones[letter.status]} data-testid="letter-status" data-status={letter.status}>
        {statusLabel(t, letter.status)}
      </Tag>
      {letter.overdue && (
        <Tag className="hm-tone-bad" data-testid="letter-overdue">
          {t('mailbox.overdue')}
        </Tag>
      )}
      {letter.escalated && <Tag className="hm-tone-bad">{t('mailbox.escalated')}</Tag>}
      {letter.extended && <Tag>{t('mailbox.extended')}</Tag>}
    </span>
  );
}
