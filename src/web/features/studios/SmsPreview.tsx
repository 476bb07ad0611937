import { Descriptions } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { PublicationPreview } from './api.ts';

/** An SMS before it goes out: the text as phones show it, its signature, billed length and recipients. */
export function SmsPreview({ preview }: { preview: PublicationPreview }) {
  const { t } = useI18n();
  return (
    <div data-testid="sms-preview">
      <p className="hm-sms-bubble" data-testid="sms-text">
        {preview.text}
      </p>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'signature',
            label: t('sms.preview.signature'),
            children: <span data-testid="sms-signature">【{preview.signature}】</span>,
          },
          {
            key: 'length',
            label: t('sms.preview.length'),
            children: (
              <span data-testid="sms-length">
                {t('sms.preview.lengthValue', { characters: preview.characters, segments: preview.segments })}
              </span>
            ),
          },
          {
            key: 'recipients',
            label: t('sms.preview.recipients'),
            children: (
              <span data-testid="sms-recipients">
                {t('sms.preview.recipientsValue', { recipients: preview.recipients })}
              </span>
            ),
          },
        ]}
      />
      <p data-testid="sms-total">{t('sms.preview.total', { total: preview.segments * preview.recipients })}</p>
    </div>
  );
}
