import { useState, type FormEvent } from 'react';
import type { TrackedLetter } from '../../../contract/mailbox.ts';
import type { Verdict } from '../../../domain/mailbox/letters.ts';
import { api, errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { ErrorNotice, Loading, StatusNotice } from '../components/Notice.tsx';
import { CodeForm } from '../components/RateByCode.tsx';
import { useDateFormat, useLoad, useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { navigate } from '../router.tsx';

const VERDICTS: readonly Verdict[] = ['satisfied', 'basic', 'unsatisfied'];
const KNOWN_EVENTS = new Set([
  'write',
  'assign',
  'acknowledge',
  'extend',
  'reply',
  'replyAgain',
  'rate',
  'rateAgain',
  'rule',
  'closeUnrated',
  'forward',
]);

/** 满意 / 基本满意 / 不满意 as three large radio buttons, and an optional comment. */
function VerdictForm({ code, onRated }: { code: string; onRated(letter: TrackedLetter): void }) {
  const { t } = useT();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!verdict) {
      setMissing(true);
      document.getElementById('letter-verdict-satisfied')?.focus();
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      onRated(
        await api.post<TrackedLetter>(`/api/public/letters/${encodeURIComponent(code)}/rating`, {
          verdict,
          comment: comment.trim(),
        }),
      );
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="r-form" onSubmit={submit} noValidate aria-busy={sending}>
      <fieldset
        className={missing ? 'r-choices r-field-error' : 'r-choices'}
        aria-describedby={missing ? 'letter-verdict-error' : undefined}
      >
        <legend>{t('letter.verdictLabel')}</legend>
        {VERDICTS.map((v) => (
          <div key={v} className="r-check">
            <input
              type="radio"
              id={`letter-verdict-${v}`}
              name="letter-verdict"
              value={v}
              checked={verdict === v}
              onChange={() => {
                setVerdict(v);
                setMissing(false);
              }}
            />
            <label htmlFor={`letter-verdict-${v}`}>{t(`letter.verdict.${v}` as ResidentKey)}</label>
          </div>
        ))}
        {missing && (
          <p id="letter-verdict-error" className="r-error-text">
            {t('letter.verdictRequired')}
          </p>
        )}
      </fieldset>
      <Field id="letter-comment" label={t('letter.comment')} hint={t('rate.commentHint')}>
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
        {sending ? t('common.sending') : t('letter.rateSubmit')}
      </button>
    </form>
  );
}

/** The letter as its writer follows it: status, deadline, extension, replies, the rating form, the record. */
function TrackedLetterView({ code }: { code: string }) {
  const { t } = useT();
  const { date: fullDate, dateTime } = useDateFormat();
  // The server's dates are China dates (YYYY-MM-DD); read at local midnight, not UTC's.
  const date = (day: string) => fullDate(`${day}T00:00:00`);
  const loaded = useLoad(
    (signal) => api.get<TrackedLetter>(`/api/public/letters/${encodeURIComponent(code)}`, undefined, signal),
    `letter:${code}`,
  );
  const [rated, setRated] = useState<TrackedLetter | null>(null);

  if (loaded.loading && !rated) return <Loading />;
  const l = rated ?? loaded.data;
  if (!l) return <ErrorNotice message={loaded.error ?? ''} onRetry={loaded.retryable ? loaded.reload : undefined} />;
  const verdictText = (v: Verdict | null) => (v ? t(`letter.verdict.${v}` as ResidentKey) : t('letter.unrated'));
  return (
    <div className="r-stack">
      <section className="r-card" aria-labelledby="letter-status">
        <p className="r-code-label">
          {t('letter.code')}{' '}
          <span className="r-code r-code-small" lang="en">
            {l.trackingCode}
          </span>
        </p>
        <h2 id="letter-status">
          <span className="r-sr-only">{t('letter.statusLabel')}: </span>
          <span className={`r-badge r-badge-${l.status}`} data-testid="letter-status" data-status={l.status}>
            {t(`letter.status.${l.status}` as ResidentKey)}
          </span>
        </h2>
        <dl className="r-facts">
          <dt>{t('letter.kind')}</dt>
          <dd>{t(`letter.type.${l.type}` as ResidentKey)}</dd>
          <dt>{t('letter.aboutLabel')}</dt>
          <dd>{l.studioName ? `${l.studioName} · ${l.unitName}` : l.unitName}</dd>
          <dt>{t('letter.received')}</dt>
          <dd>{date(l.receivedOn)}</dd>
          {l.nextDue && (
            <>
              <dt>{t('letter.nextDue')}</dt>
              <dd data-testid="letter-next-due">{t('letter.nextDueValue', { date: date(l.nextDue) })}</dd>
            </>
          )}
          {l.extension && (
            <>
              <dt>{t('letter.extension')}</dt>
              <dd data-testid="letter-extension">
                {t('letter.extensionValue', { days: l.extension.days, reason: l.extension.reason })}
              </dd>
            </>
          )}
          {l.forwarded && (
            <>
              <dt>{t('letter.forwardedLabel')}</dt>
              <dd>{t('letter.forwarded', { to: l.forwarded.to, date: date(l.forwarded.on) })}</dd>
            </>
          )}
          {l.firstVerdict && l.status !== 'replied' && (
            <>
              <dt>{t('letter.firstVerdict')}</dt>
              <dd>{verdictText(l.firstVerdict)}</dd>
            </>
          )}
          {l.status === 'closed' && !l.forwarded && (
            <>
              <dt>{t('letter.lastVerdict')}</dt>
              <dd data-testid="letter-verdict">{verdictText(l.verdict)}</dd>
            </>
          )}
          {l.ruling && (
            <>
              <dt>{t('letter.ruling')}</dt>
              <dd data-testid="letter-ruling">
                {t(`letter.finding.${l.ruling.finding}` as ResidentKey)}：{l.ruling.reason}
              </dd>
            </>
          )}
        </dl>
      </section>

      {l.replies.length > 0 && (
        <section className="r-card" aria-labelledby="letter-replies">
          <h2 id="letter-replies">{t('letter.replies')}</h2>
          {l.replies.map((r) => (
            <article key={`${r.round}:${r.at}`} className="r-reply" data-testid="letter-reply">
              <h3>
                {t(r.round === 1 ? 'letter.replyRound1' : 'letter.replyRound2')}{' '}
                <time className="r-hint" dateTime={r.at}>
                  {dateTime(r.at)}
                </time>
              </h3>
              <p>{r.text}</p>
            </article>
          ))}
        </section>
      )}

      {rated && (
        <StatusNotice tone="success" focus>
          <p>{t('letter.rated')}</p>
        </StatusNotice>
      )}
      {l.canRate && (
        <section className="r-card r-card-accent" aria-labelledby="letter-rate">
          <h2 id="letter-rate">{t('letter.rateTitle')}</h2>
          {l.ratingDue && <p>{t('letter.rateIntro', { date: date(l.ratingDue) })}</p>}
          <VerdictForm key={l.status} code={l.trackingCode} onRated={setRated} />
        </section>
      )}

      <section className="r-card" aria-labelledby="letter-content">
        <h2 id="letter-content">{t('letter.content')}</h2>
        <p className="r-letter-text">{l.text}</p>
        {l.photoCount > 0 && <p className="r-hint">{t('letter.photoCountValue', { n: l.photoCount })}</p>}
      </section>

      <section className="r-card" aria-labelledby="letter-timeline">
        <h2 id="letter-timeline">{t('letter.timeline')}</h2>
        <ol className="r-timeline">
          {l.timeline.map((e, i) => (
            <li key={`${e.at}:${e.action}:${i}`}>
              <span className="r-timeline-what">
                {KNOWN_EVENTS.has(e.action) ? t(`letter.event.${e.action}` as ResidentKey) : e.action}
                {e.note && <span className="r-hint"> {e.note}</span>}
              </span>
              <time dateTime={e.at}>{dateTime(e.at)}</time>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** /mailbox/:code — the writer follows a letter by its tracking code, and rates the handling. */
export function LetterTrackPage({ code }: { code: string }) {
  const { t } = useT();
  useTitle(t('letter.trackTitle'));
  const current = code.toUpperCase();
  return (
    <div className="r-stack">
      <h1>{t('letter.trackTitle')}</h1>
      <CodeForm
        key={current}
        id="letter-code"
        label={t('letter.code')}
        submitLabel={t('letter.go')}
        initial={current}
        onCode={(c) => navigate(`/mailbox/${c}`)}
      />
      <TrackedLetterView key={current} code={current} />
    </div>
  );
}
