import { useState } from 'react';
import type { z } from 'zod';
import type { trackedRequest } from '../../../contract/delivery.ts';
import { api } from '../api.ts';
import { categoryNames } from '../components/CategorySelect.tsx';
import { PhoneLookup } from '../components/PhoneLookup.tsx';
import { GoneNotice } from '../components/GoneNotice.tsx';
import { ErrorNotice, Loading, StatusNotice } from '../components/Notice.tsx';
import { CodeForm } from '../components/RateByCode.tsx';
import { RatingForm, StarsShown, type Rating } from '../components/RatingForm.tsx';
import { useCategories, useDateFormat, useLoad, useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { recentCodes } from '../recent.ts';
import { Link, navigate } from '../router.tsx';

type Tracked = z.infer<typeof trackedRequest>;

const KNOWN_EVENTS = new Set(['assigned', 'unassigned', 'accepted', 'declined', 'completed']);

/** The status, the timeline and, once the service is done, the rating (given once). */
function TrackedRequest({ code }: { code: string }) {
  const { t, locale } = useT();
  const { dateTime } = useDateFormat();
  const categories = useCategories();
  const request = useLoad(
    (signal) => api.get<Tracked>(`/api/public/requests/${encodeURIComponent(code)}`, undefined, signal),
    `track:${code}`,
  );
  const [rated, setRated] = useState<Rating | null>(null);

  if (request.loading) return <Loading />;
  if (request.notFound)
    return (
      <GoneNotice level={2} title={t('gone.codeTitle')} text={t('gone.codeText')}>
        <li>
          <Link to="/track?by=phone" className="r-button r-button-secondary">
            {t('gone.byPhone')}
          </Link>
        </li>
      </GoneNotice>
    );
  if (request.error || !request.data)
    return <ErrorNotice message={request.error ?? ''} onRetry={request.retryable ? request.reload : undefined} />;
  const r = request.data;
  const rating = rated ?? r.rating;
  const category = categoryNames(categories.data, [r.categoryId], locale)[0];
  return (
    <div className="r-stack">
      <section className="r-card" aria-labelledby="track-status">
        <p className="r-code-label">
          {t('track.code')}{' '}
          <span className="r-code r-code-small" lang="en">
            {r.trackingCode}
          </span>
        </p>
        <h2 id="track-status">
          <span className="r-sr-only">{t('track.statusLabel')}: </span>
          <span className={`r-badge r-badge-${r.status}`} data-testid="track-status" data-status={r.status}>
            {t(`track.status.${r.status}` as ResidentKey)}
          </span>
        </h2>
        <dl className="r-facts">
          <dt>{t('track.request')}</dt>
          <dd>
            {category && `${category} · `}
            {r.text}
          </dd>
          <dt>{t('track.resident')}</dt>
          <dd>{r.residentName}</dd>
          {r.studio && (
            <>
              <dt>{t('track.studio')}</dt>
              <dd data-testid="track-studio">
                <Link to={`/s/${r.studio.id}`}>{r.studio.name}</Link>
                {r.studio.contactPhone && (
                  <>
                    {' · '}
                    <a href={`tel:${r.studio.contactPhone}`}>{r.studio.contactPhone}</a>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="r-card" aria-labelledby="track-timeline">
        <h2 id="track-timeline">{t('track.timeline')}</h2>
        <ol className="r-timeline">
          <li>
            <span className="r-timeline-what">{t('track.event.created')}</span>
            <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
          </li>
          {r.events.map((e, i) => (
            <li key={`${e.at}:${e.action}:${i}`}>
              <span className="r-timeline-what">
                {KNOWN_EVENTS.has(e.action) ? t(`track.event.${e.action}` as ResidentKey) : e.action}
              </span>
              <time dateTime={e.at}>{dateTime(e.at)}</time>
            </li>
          ))}
        </ol>
      </section>

      {(r.canRate || rating) && (
        <section className="r-card r-card-accent" aria-labelledby="track-rate">
          <h2 id="track-rate">{rating ? t('track.rated') : t('rate.title')}</h2>
          {rated ? (
            <StatusNotice tone="success" focus>
              <p>{t('rate.thanks')}</p>
              <StarsShown score={rated.score} />
            </StatusNotice>
          ) : rating ? (
            <>
              <StarsShown score={rating.score} />
              {rating.comment && <p>{rating.comment}</p>}
            </>
          ) : (
            <RatingForm code={r.trackingCode} idPrefix="track-rate" onRated={setRated} />
          )}
        </section>
      )}
    </div>
  );
}

/** /track and /track/:code — follow a request with its tracking code. */
export function TrackPage({ code, byPhone = false }: { code: string | undefined; byPhone?: boolean }) {
  const { t } = useT();
  useTitle(t('track.title'));
  const recent = recentCodes();
  const current = code?.toUpperCase();
  return (
    <div className="r-stack">
      <h1>{t('track.title')}</h1>
      <CodeForm
        key={current ?? ''}
        id="track-code"
        label={t('track.code')}
        submitLabel={t('track.go')}
        initial={current ?? ''}
        onCode={(c) => navigate(`/track/${c}`)}
      />
      {!current && <PhoneLookup open={byPhone} />}
      {current && <TrackedRequest key={current} code={current} />}
      {!current && recent.length > 0 && (
        <section aria-labelledby="track-recent">
          <h2 id="track-recent">{t('track.recent')}</h2>
          <ul className="r-list">
            {recent.map((c) => (
              <li key={c}>
                <Link to={`/track/${c}`} lang="en">
                  {c}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
