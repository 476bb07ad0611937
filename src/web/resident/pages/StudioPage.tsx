import type { PublicStudio } from '../../../contract/public.ts';
import { api } from '../api.ts';
import { categoryNames } from '../components/CategorySelect.tsx';
import { GoneNotice } from '../components/GoneNotice.tsx';
import { ErrorNotice, Loading } from '../components/Notice.tsx';
import { RateByCode } from '../components/RateByCode.tsx';
import { useCategories, useLoad, useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

/** The path of the request form, with the studio's category and community filled in. */
export function askPath(categoryId: number | null | undefined, unit: { id: number; name: string } | null): string {
  const q = new URLSearchParams();
  if (categoryId) q.set('categoryId', String(categoryId));
  if (unit) {
    q.set('unitId', String(unit.id));
    q.set('unitName', unit.name);
  }
  const qs = q.toString();
  return qs ? `/ask?${qs}` : '/ask';
}

/** The commitments a studio published, each under the kind of promise it is. */
export function CommitmentList({ commitments }: { commitments: PublicStudio['commitments'] }) {
  const { t } = useT();
  if (commitments.length === 0) return <p className="r-hint">{t('studio.noCommitments')}</p>;
  return (
    <ul className="r-commitments" data-testid="commitments">
      {commitments.map((c) => (
        <li key={c.id}>
          <span className="r-tag">{t(`commitment.kind.${c.kind}` as ResidentKey)}</span> {c.text}
        </li>
      ))}
    </ul>
  );
}

function StatusBanner({ studio }: { studio: PublicStudio }) {
  const { t } = useT();
  const label = t(`studio.status.${studio.status}` as ResidentKey);
  if (studio.serving) {
    return (
      <p className={`r-badge r-badge-${studio.status}`} data-testid="studio-status">
        <span className="r-sr-only">{t('studio.statusLabel')}: </span>
        {label}
      </p>
    );
  }
  // A revoked or closed studio must say so before anything else on the page.
  return (
    <div className="r-notice r-notice-error r-status-stop" data-testid="studio-status">
      <p className="r-status-stop-title">{label}</p>
      <p>{studio.status === 'revoked' ? t('studio.revokedNotice') : t('studio.closedNotice')}</p>
      {studio.statusNote && <p>{t('studio.reason', { reason: studio.statusNote })}</p>}
    </div>
  );
}

/** /s/:id — a studio's public page; `?rate=1` (the QR code on the service card) opens the rating. */
export function StudioPage({ id, rate }: { id: string; rate: boolean }) {
  const { t, locale } = useT();
  const studio = useLoad(
    (signal) => api.get<PublicStudio>(`/api/public/studios/${encodeURIComponent(id)}`, undefined, signal),
    `studio:${id}`,
  );
  const categories = useCategories();
  useTitle(studio.data?.name ?? (studio.notFound ? t('gone.studioTitle') : ''));

  if (studio.loading) return <Loading />;
  if (studio.notFound)
    return (
      <GoneNotice title={t('gone.studioTitle')} text={t('gone.studioText')}>
        <li>
          <Link to="/find" className="r-button r-button-secondary">
            {t('nav.find')}
          </Link>
        </li>
      </GoneNotice>
    );
  if (studio.error || !studio.data)
    return <ErrorNotice message={studio.error ?? ''} onRetry={studio.retryable ? studio.reload : undefined} />;
  const s = studio.data;
  const cats = categoryNames(categories.data, s.categoryIds, locale);

  return (
    <article className="r-stack">
      <header className="r-page-head">
        <h1>{s.name}</h1>
        <StatusBanner studio={s} />
      </header>

      {rate && (
        <section className="r-card r-card-accent" aria-labelledby="rate-heading">
          <h2 id="rate-heading">{t('rate.title')}</h2>
          <RateByCode idPrefix="studio-rate" />
        </section>
      )}

      <section className="r-card" aria-label={t('studio.about')}>
        <dl className="r-facts">
          <dt>{t('studio.unit')}</dt>
          <dd>{s.unit.name}</dd>
          {cats.length > 0 && (
            <>
              <dt>{t('studio.categories')}</dt>
              <dd>{cats.join('、')}</dd>
            </>
          )}
          {s.serving && (
            <>
              <dt>{t('studio.hours')}</dt>
              <dd>{s.openingHours}</dd>
              <dt>{t('studio.venue')}</dt>
              <dd>{s.venueAddress}</dd>
            </>
          )}
          {s.contactPhone && (
            <>
              <dt>{t('studio.phone')}</dt>
              <dd>
                <a href={`tel:${s.contactPhone}`}>{s.contactPhone}</a>
              </dd>
            </>
          )}
          {s.plaqueNumber && (
            <>
              <dt>{t('studio.plaque')}</dt>
              <dd>{s.plaqueNumber}</dd>
            </>
          )}
        </dl>
        {s.description && <p>{s.description}</p>}
        {s.serving && (
          <div className="r-actions">
            <Link to={askPath(s.categoryIds[0], s.unit)} className="r-button">
              {t('studio.ask')}
            </Link>
            <Link to={`/mailbox?studioId=${s.id}`} className="r-button r-button-secondary">
              {t('studio.writeLetter')}
            </Link>
          </div>
        )}
      </section>

      {s.commendations.length > 0 && (
        <section className="r-card r-card-accent" aria-labelledby="commendations-heading">
          <h2 id="commendations-heading">{t('studio.commendations')}</h2>
          <ul className="r-list" data-testid="commendations">
            {s.commendations.map((c) => {
              const [year = '', q = ''] = c.quarter.split('-Q');
              return (
                <li key={c.quarter}>
                  {t('studio.commendedIn', { year, quarter: q })}
                  {c.noticeNumber && <span className="r-hint"> {t('studio.notice', { number: c.noticeNumber })}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {s.serving && (
        <section className="r-card" aria-labelledby="commitments-heading">
          <h2 id="commitments-heading">{t('studio.commitments')}</h2>
          <CommitmentList commitments={s.commitments} />
        </section>
      )}

      {s.serviceItems.length > 0 && (
        <section className="r-card" aria-labelledby="items-heading">
          <h2 id="items-heading">{t('studio.items')}</h2>
          <ul className="r-list">
            {s.serviceItems.map((item) => (
              <li key={item.title}>
                <strong>{item.title}</strong>
                {item.description && <span className="r-hint"> {item.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {s.members.length > 0 && (
        <section className="r-card" aria-labelledby="members-heading">
          <h2 id="members-heading">{t('studio.members')}</h2>
          <ul className="r-list">
            {s.members.map((m) => (
              <li key={`${m.role}:${m.name}`}>
                {m.name}
                {m.role === 'leader' && <span className="r-tag r-tag-inline">{t('studio.leader')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {s.serving && (
        <section className="r-card r-qr-card" aria-labelledby="qr-heading">
          <h2 id="qr-heading">{t('studio.qr')}</h2>
          <img
            src={`/api/public/studios/${s.id}/qr.svg`}
            alt={t('studio.qrAlt', { name: s.name })}
            width={160}
            height={160}
            loading="lazy"
          />
          <div className="r-actions">
            {!rate && (
              <Link to={`/s/${s.id}?rate=1`} className="r-button r-button-secondary">
                {t('studio.rateLink')}
              </Link>
            )}
            <Link to={`/board/${s.unit.id}`} className="r-button r-button-secondary">
              {t('studio.board')}
            </Link>
          </div>
        </section>
      )}
    </article>
  );
}
