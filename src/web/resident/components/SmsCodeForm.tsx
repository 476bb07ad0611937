import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { smsCodeSent, subscriptionResult } from '../../../contract/public.ts';
import { api, errorMessage } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { Field } from './Field.tsx';
import { ErrorNotice, StatusNotice } from './Notice.tsx';

export type SmsCodeSent = z.infer<typeof smsCodeSent>;
export type SubscriptionResult = z.infer<typeof subscriptionResult>;

/** What a code was sent for: the change, the community and the full number (kept in the page, never shown). */
export interface PendingChange {
  sent: SmsCodeSent;
  unitId: number;
  phone: string;
}

const CODE = /^\d{6}$/;

/**
 * The second step of subscribing or unsubscribing: the code sent to the phone, typed back.
 * Nothing changes until the server accepts it; a wrong code says how many tries are left.
 */
export function SmsCodeForm({
  pending,
  onDone,
  onResend,
  onCancel,
  resending,
}: {
  pending: PendingChange;
  onDone(result: SubscriptionResult): void;
  onResend(): void;
  onCancel(): void;
  resending: boolean;
}) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { purpose, phone: masked, unitName } = pending.sent;
  useEffect(() => input.current?.focus(), [pending.sent]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = code.replace(/\s+/g, '');
    if (!CODE.test(c)) {
      setError(t('smsCode.codeInvalid'));
      input.current?.focus();
      return;
    }
    setError(null);
    setFailure(null);
    setSending(true);
    try {
      onDone(
        await api.post<SubscriptionResult>(`/api/public/sms/${purpose}/confirm`, {
          unitId: pending.unitId,
          phone: pending.phone,
          code: c,
        }),
      );
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="r-form r-card" onSubmit={submit} noValidate aria-busy={sending} data-testid="sms-code-form">
      <StatusNotice focus key={pending.sent.expiresAt}>
        <p>
          {t(purpose === 'subscribe' ? 'smsCode.sentSubscribe' : 'smsCode.sentUnsubscribe', {
            phone: masked,
            unit: unitName,
          })}
        </p>
      </StatusNotice>
      <Field id="sms-code" label={t('smsCode.code')} error={error} required>
        {(a11y) => (
          <input
            {...a11y}
            ref={input}
            className="r-input r-code-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      {failure && <ErrorNotice message={failure} />}
      <div className="r-actions">
        <button type="submit" className="r-button" disabled={sending}>
          {t(purpose === 'subscribe' ? 'smsCode.confirmSubscribe' : 'smsCode.confirmUnsubscribe')}
        </button>
        <button type="button" className="r-button r-button-secondary" disabled={resending} onClick={onResend}>
          {t('smsCode.resend')}
        </button>
        <button type="button" className="r-button r-button-secondary" onClick={onCancel}>
          {t('smsCode.change')}
        </button>
      </div>
    </form>
  );
}
