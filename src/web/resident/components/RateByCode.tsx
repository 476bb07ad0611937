import type { z } from 'zod';
import type { ratingTarget } from '../../../contract/delivery.ts';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useDateFormat, useLoad } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { Field } from './Field.tsx';
import { ErrorNotice, Loading, StatusNotice } from './Notice.tsx';
import { RatingForm, StarsShown, type Rating } from './RatingForm.tsx';

type RatingTarget = z.infer<typeof ratingTarget>;

/** Tracking codes and rating codes: what the server accepts (6–16 letters and digits). */
export const CODE_PATTERN = /^[2-9A-Za-z]{6,16}$/;

/** Asks for a code and checks its form; used by the track page and the rating pages. */
export function CodeForm({
  id,
  label,
  submitLabel,
  initial = '',
  onCode,
}: {
  id: string;
  label: string;
  submitLabel: string;
  initial?: string;
  onCode(code: string): void;
}) {
  const { t } = useT();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!c) setError(t('rate.codeRequired'));
    else if (!CODE_PATTERN.test(c)) setError(t('rate.codeInvalid'));
    else {
      setError(null);
      onCode(c);
    }
  };
  return (
    <form className="r-form r-code-form" onSubmit={submit} noValidate>
      <Field id={id} label={label} error={error} required>
        {(a11y) => (
          <input
            {...a11y}
            className="r-input r-code-input"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="r-button">
        {submitLabel}
      </button>
    </form>
  );
}

/** The service a code names and its rating form, or the rating already given. */
export function RatingForCode({ code, idPrefix }: { code: string; idPrefix: string }) {
  const { t } = useT();
  const { date } = useDateFormat();
  const target = useLoad(
    (signal) => api.get<RatingTarget>(`/api/public/ratings/${encodeURIComponent(code)}`, undefined, signal),
    `rating:${code}`,
  );
  const [rated, setRated] = useState<Rating | null>(null);

  if (target.loading) return <Loading />;
  if (target.error || !target.data)
    return <ErrorNotice message={target.error ?? ''} onRetry={target.retryable ? target.reload : undefined} />;
  const { studioName, servedAt, rating, kind, expired, expiresAt } = target.data;
  return (
    <div className="r-rating" data-testid="rating-section">
      <p className="r-lead">{t('rate.service', { studio: studioName, date: date(servedAt) })}</p>
      {kind === 'receipt' && expiresAt && !rating && !rated && !expired && (
        <p>{t('receipt.validUntil', { date: date(expiresAt) })}</p>
      )}
      {rated ? (
        <StatusNotice tone="success" focus>
          <p>{t('rate.thanks')}</p>
          <StarsShown score={rated.score} />
        </StatusNotice>
      ) : rating ? (
        <StatusNotice>
          <p>{t('rate.already')}</p>
          <StarsShown score={rating.score} />
          {rating.comment && <p>{rating.comment}</p>}
        </StatusNotice>
      ) : expired ? (
        <StatusNotice>
          <p>{t('receipt.expired')}</p>
        </StatusNotice>
      ) : (
        <RatingForm code={code} idPrefix={idPrefix} onRated={setRated} onAlreadyRated={target.reload} />
      )}
    </div>
  );
}

/** Code entry, then the rating: the studio page's ?rate=1 section and the /rate page. */
export function RateByCode({ idPrefix, initialCode = '' }: { idPrefix: string; initialCode?: string }) {
  const { t } = useT();
  const [code, setCode] = useState(initialCode);
  return (
    <div className="r-stack">
      <p>{t('rate.intro')}</p>
      <p>{t('receipt.askMember')}</p>
      <CodeForm
        id={`${idPrefix}-code`}
        label={t('rate.code')}
        submitLabel={t('rate.find')}
        initial={initialCode}
        onCode={setCode}
      />
      {code && <RatingForCode key={code} code={code} idPrefix={idPrefix} />}
    </div>
  );
}
