import { useState, type FormEvent } from 'react';
import { ApiError, api, errorMessage } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { Field } from './Field.tsx';
import { ErrorNotice } from './Notice.tsx';

export interface Rating {
  score: number;
  comment: string;
}

const STARS = [1, 2, 3, 4, 5] as const;

/** Stars shown for a given rating, with the number said in words for screen readers. */
export function StarsShown({ score }: { score: number }) {
  const { t } = useT();
  return (
    <span className="r-stars-shown">
      <span aria-hidden="true">{'★'.repeat(score) + '☆'.repeat(5 - score)}</span>{' '}
      <span>{t('rate.given', { n: score })}</span>
    </span>
  );
}

/**
 * 1–5 stars and a comment for the service a code names. The stars are native radio buttons
 * (arrow keys move between them, each is read as "4 stars"), drawn large for fingers.
 */
export function RatingForm({
  code,
  idPrefix,
  onRated,
  onAlreadyRated,
}: {
  code: string;
  idPrefix: string;
  onRated(rating: Rating): void;
  /** Someone rated this service meanwhile (another phone, an earlier tab): show that rating instead. */
  onAlreadyRated?: () => void;
}) {
  const { t } = useT();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missingScore, setMissingScore] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (score < 1) {
      setMissingScore(true);
      document.getElementById(`${idPrefix}-star-1`)?.focus();
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      await api.post(`/api/public/ratings/${encodeURIComponent(code)}`, { score, comment: comment.trim() });
      onRated({ score, comment: comment.trim() });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ALREADY_RATED' && onAlreadyRated) onAlreadyRated();
      else setFailure(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="r-form" onSubmit={submit} noValidate aria-busy={sending}>
      <fieldset
        className={missingScore ? 'r-stars r-field-error' : 'r-stars'}
        aria-describedby={missingScore ? `${idPrefix}-score-error` : undefined}
      >
        <legend>{t('rate.score')}</legend>
        <div className="r-star-row">
          {STARS.map((n) => (
            <span key={n} className="r-star">
              <input
                type="radio"
                id={`${idPrefix}-star-${n}`}
                name={`${idPrefix}-score`}
                value={n}
                checked={score === n}
                onChange={() => {
                  setScore(n);
                  setMissingScore(false);
                }}
              />
              <label htmlFor={`${idPrefix}-star-${n}`} className={n <= score ? 'r-star-on' : undefined}>
                <span aria-hidden="true">★</span>
                <span className="r-sr-only">{t('rate.star', { n })}</span>
              </label>
            </span>
          ))}
        </div>
        {missingScore && (
          <p id={`${idPrefix}-score-error`} className="r-error-text">
            {t('rate.scoreRequired')}
          </p>
        )}
      </fieldset>
      <Field id={`${idPrefix}-comment`} label={t('rate.comment')} hint={t('rate.commentHint')}>
        {(a11y) => (
          <textarea
            {...a11y}
            className="r-input"
            rows={3}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      {failure && <ErrorNotice message={failure} />}
      <button type="submit" className="r-button" disabled={sending}>
        {sending ? t('common.sending') : t('rate.submit')}
      </button>
    </form>
  );
}
