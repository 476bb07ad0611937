import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { registryApi, type Volunteer } from './api.ts';

/**
 * The masked phone, and a button that fetches the full one. The read is written to the
 * audit log on the server, which the tooltip (also the button's description) says.
 */
export function ContactCell({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useI18n();
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = `contact-hint-${volunteer.id}`;

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setPhone((await registryApi.contact(volunteer.id)).phone ?? '');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (phone !== null) {
    return (
      <span data-testid="contact-phone" aria-live="polite">
        {phone ? <a href={`tel:${phone}`}>{phone}</a> : t('common.none')}
      </span>
    );
  }
  return (
    <span className="hm-contact-cell">
      <span>{volunteer.phone ?? t('common.none')}</span>
      {volunteer.phone && (
        <Tooltip title={t('registry.contact.audited')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined aria-hidden />}
            loading={busy}
            onClick={() => void reveal()}
            aria-label={t('registry.contact.showFor', { name: volunteer.name })}
            aria-describedby={hintId}
          >
            {t('registry.contact.show')}
          </Button>
        </Tooltip>
      )}
      <span id={hintId} className="hm-visually-hidden">
        {t('registry.contact.audited')}
      </span>
      {error && (
        <span role="alert" className="hm-error-text">
          {error}
        </span>
      )}
    </span>
  );
}
