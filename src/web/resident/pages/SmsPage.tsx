import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { ErrorNotice, StatusNotice } from '../components/Notice.tsx';
import {
  SmsCodeForm,
  type PendingChange,
  type SmsCodeSent,
  type SubscriptionResult,
} from '../components/SmsCodeForm.tsx';
import { UnitPicker, unitFromQuery, type UnitChoice } from '../components/UnitPicker.tsx';
import { useTitle } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';

/** Mainland mobile numbers, as the server checks them. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * /sms — subscribe to (or leave) a community's announcements, with the consent text shown.
 * Either change is confirmed with a code sent to the phone (SmsCodeForm).
 */
export function SmsPage({ search }: { search: URLSearchParams }) {
  const { t } = useT();
  useTitle(t('sms.title'));
  const [unit, setUnit] = useState<UnitChoice | null>(() => unitFromQuery(search));
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ unit?: string; phone?: string; consent?: string }>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<SubscriptionResult | null>(null);
  const [pending, setPending] = useState<PendingChange | null>(null);

  const requestCode = async (action: 'subscribe' | 'unsubscribe', unitId: number, p: string) => {
    setSending(true);
    setFailure(null);
    try {
      const body = action === 'subscribe' ? { unitId, phone: p, consent: true } : { unitId, phone: p };
      const sent = await api.post<SmsCodeSent>(`/api/public/sms/${action}`, body);
      setPending({ sent, unitId, phone: p });
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Which button was pressed: subscribing needs consent, leaving does not.
    const action =
      (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'unsubscribe' ? 'unsubscribe' : 'subscribe';
    const p = phone.replace(/\s+/g, '');
    const found = {
      unit: unit ? undefined : t('unit.required'),
      phone: PHONE_PATTERN.test(p) ? undefined : t('sms.phoneInvalid'),
      consent: action === 'subscribe' && !consent ? t('sms.consentRequired') : undefined,
    };
    setErrors(found);
    setResult(null);
    setFailure(null);
    if (!unit || found.phone || found.consent) {
      const first = !unit ? 'sms-unit' : found.phone ? 'sms-phone' : 'sms-consent';
      document.getElementById(first)?.focus();
      return;
    }
    await requestCode(action, unit.id, p);
  };

  return (
    <div className="r-stack">
      <h1>{t('sms.title')}</h1>
      <p className="r-lead">{t('sms.intro')}</p>
      <p>{t('smsCode.intro')}</p>
      {pending ? (
        <SmsCodeForm
          pending={pending}
          resending={sending}
          onResend={() => void requestCode(pending.sent.purpose, pending.unitId, pending.phone)}
          onCancel={() => setPending(null)}
          onDone={(done) => {
            setPending(null);
            setPhone('');
            setResult(done);
          }}
        />
      ) : (
        <form className="r-form r-card" onSubmit={send} noValidate aria-busy={sending}>
          <UnitPicker id="sms-unit" value={unit} onChange={setUnit} error={errors.unit} required />
          <Field id="sms-phone" label={t('sms.phone')} error={errors.phone} required>
            {(a11y) => (
              <input
                {...a11y}
                className="r-input"
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                maxLength={13}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
              />
            )}
          </Field>
          <section className="r-consent" aria-labelledby="sms-consent-title">
            <h2 id="sms-consent-title">{t('sms.consentTitle')}</h2>
            <p id="sms-consent-text">{t('sms.consentText')}</p>
            <div className={errors.consent ? 'r-check r-field-error' : 'r-check'}>
              <input
                id="sms-consent"
                type="checkbox"
                checked={consent}
                onChange={(e) => setConsent(e.target.checked)}
                aria-describedby={errors.consent ? 'sms-consent-text sms-consent-error' : 'sms-consent-text'}
                aria-invalid={errors.consent ? true : undefined}
              />
              <label htmlFor="sms-consent">{t('sms.consent')}</label>
            </div>
            {errors.consent && (
              <p id="sms-consent-error" className="r-error-text">
                {errors.consent}
              </p>
            )}
          </section>
          {failure && <ErrorNotice message={failure} />}
          <div className="r-actions">
            <button type="submit" name="action" value="subscribe" className="r-button" disabled={sending}>
              {t('sms.subscribe')}
            </button>
            <button
              type="submit"
              name="action"
              value="unsubscribe"
              className="r-button r-button-secondary"
              disabled={sending}
            >
              {t('sms.unsubscribe')}
            </button>
          </div>
        </form>
      )}
      {pending && failure && <ErrorNotice message={failure} />}
      {result && (
        <StatusNotice tone="success" focus key={`${result.phone}:${String(result.subscribed)}`}>
          <p data-testid="sms-result">
            {t(result.subscribed ? 'sms.subscribed' : 'sms.unsubscribed', {
              phone: result.phone,
              unit: result.unitName,
            })}
          </p>
        </StatusNotice>
      )}
    </div>
  );
}
