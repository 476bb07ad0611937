import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { navigate } from '../router.tsx';
import { Field } from './Field.tsx';
import { ErrorNotice } from './Notice.tsx';

const PHONE = /^1[3-9]\d{9}$/;
const TAIL = /^[2-9A-Za-z]{4}$/;

/**
 * A request found without its code at hand: the phone number given when asking and the last
 * four characters of the code (in the SMS, or on a half-remembered note). With `open`, the
 * section is shown and its first field focused (a way back from an unknown code).
 */
export function PhoneLookup({ open }: { open: boolean }) {
  const { t } = useT();
  const [phone, setPhone] = useState('');
  const [tail, setTail] = useState('');
  const [errors, setErrors] = useState<{ phone?: string; tail?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: { phone?: string; tail?: string } = {};
    if (!PHONE.test(phone.trim())) found.phone = t('sms.phoneInvalid');
    if (!TAIL.test(tail.trim())) found.tail = t('lookup.tailInvalid');
    setErrors(found);
    setFailure(null);
    if (found.phone || found.tail) return;
    setSending(true);
    try {
      const { trackingCode } = await api.post<{ trackingCode: string }>('/api/public/requests/lookup', {
        phone: phone.trim(),
        codeTail: tail.trim().toUpperCase(),
      });
      navigate(`/track/${trackingCode}`);
    } catch (err) {
      setFailure(errorMessage(err));
      setSending(false);
    }
  };

  return (
    <details className="r-card" open={open} data-testid="phone-lookup">
      <summary>{t('lookup.title')}</summary>
      <form className="r-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="r-hint">{t('lookup.intro')}</p>
        <Field id="lookup-phone" label={t('ask.phone')} error={errors.phone} required>
          {(a11y) => (
            <input
              {...a11y}
              ref={first}
              className="r-input"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={11}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </Field>
        <Field id="lookup-tail" label={t('lookup.tail')} hint={t('lookup.tailHint')} error={errors.tail} required>
          {(a11y) => (
            <input
              {...a11y}
              className="r-input r-code-input"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={4}
              value={tail}
              onChange={(e) => setTail(e.target.value)}
            />
          )}
        </Field>
        {failure && <ErrorNotice message={failure} />}
        <button type="submit" className="r-button" disabled={sending}>
          {sending ? t('common.sending') : t('lookup.submit')}
        </button>
      </form>
    </details>
  );
}
