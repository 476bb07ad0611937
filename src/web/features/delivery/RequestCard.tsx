import { useState } from 'react';
import { App, Button, Card, Popconfirm, Tag } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { requestsApi, type Category, type RequestAbility, type ServiceRequest } from './api.ts';
import { categoryName, formatTime, statusColor, statusLabel } from './labels.ts';

interface Props {
  request: ServiceRequest;
  /** A record for this request exists already (or waits on this phone). */
  recorded: boolean;
  categories: Category[] | undefined;
  onChanged(): void;
  onDecline(request: ServiceRequest): void;
}

/** One resident's request: what they need, where it stands, and what the viewer may do with it. */
export function RequestCard({ request: r, recorded, categories, onChanged, onDecline }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [contact, setContact] = useState<{ residentName: string; residentPhone: string } | null>(null);
  const can = (action: RequestAbility) => r.allowedActions.includes(action);
  const titleId = `request-${r.id}-title`;

  const act = async (name: string, run: () => Promise<unknown>, done: string) => {
    setBusy(name);
    try {
      await run();
      void message.success(done);
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const showContact = async () => {
    setBusy('contact');
    try {
      setContact(await requestsApi.contact(r.id));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <li>
      <Card
        size="small"
        className="hm-dlv-card"
        aria-labelledby={titleId}
        data-testid="request-card"
        data-code={r.trackingCode}
        title={
          <h2 id={titleId} className="hm-dlv-card-title">
            <span>{categoryName(categories, r.categoryId, locale)}</span>
            <Tag color={statusColor[r.status]} data-testid="request-status">
              {statusLabel(t, r.status)}
            </Tag>
          </h2>
        }
      >
        <p className="hm-dlv-text">{r.text}</p>
        <p className="hm-dlv-meta">
          {t('delivery.requests.resident', { name: r.residentName, phone: r.residentPhone, unit: r.unitName })}
        </p>
        {r.preferredTime && (
          <p className="hm-dlv-meta">{t('delivery.requests.preferredTime', { time: r.preferredTime })}</p>
        )}
        <p className="hm-dlv-meta">
          {r.studioName ? t('delivery.requests.studio', { name: r.studioName }) : t('delivery.requests.noStudio')}
        </p>
        <p className="hm-dlv-meta">
          {t('delivery.requests.createdAt', { time: formatTime(r.createdAt, locale) })} ·{' '}
          {t('delivery.requests.code', { code: r.trackingCode })}
        </p>
        {contact && (
          <div className="hm-dlv-contact" role="status" data-testid="request-contact">
            <div>{contact.residentName}</div>
            <a href={`tel:${contact.residentPhone}`}>
              <PhoneOutlined aria-hidden /> {t('delivery.requests.call', { phone: contact.residentPhone })}
            </a>
            <div className="hm-muted">{t('delivery.requests.contactAudited')}</div>
          </div>
        )}
        <div className="hm-dlv-actions">
          {can('accept') && (
            <Button
              type="primary"
              loading={busy === 'accept'}
              onClick={() => void act('accept', () => requestsApi.accept(r.id), t('delivery.requests.accepted'))}
            >
              {t('delivery.requests.accept')}
            </Button>
          )}
          {can('complete') && (
            <Popconfirm
              title={t('delivery.requests.confirmComplete')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => act('complete', () => requestsApi.complete(r.id), t('delivery.requests.completed'))}
            >
              <Button type="primary" loading={busy === 'complete'}>
                {t('delivery.requests.complete')}
              </Button>
            </Popconfirm>
          )}
          {r.status === 'completed' && recorded && <Tag color="green">{t('delivery.requests.recorded')}</Tag>}
          {r.status === 'completed' && !recorded && (
            <Button
              type="primary"
              onClick={() => void navigate(`/records/new?request=${r.id}`, { state: { request: r } })}
            >
              {t('delivery.requests.writeRecord')}
            </Button>
          )}
          {r.status !== 'unassigned' && !contact && (
            <Button
              icon={<PhoneOutlined aria-hidden />}
              loading={busy === 'contact'}
              onClick={() => void showContact()}
            >
              {t('delivery.requests.showContact')}
            </Button>
          )}
          {can('decline') && (
            <Button danger onClick={() => onDecline(r)}>
              {t('delivery.requests.decline')}
            </Button>
          )}
        </div>
      </Card>
    </li>
  );
}
